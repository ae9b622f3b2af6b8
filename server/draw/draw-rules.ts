import { createHash, randomInt } from 'node:crypto';

/**
 * The draw's rules as plain functions: the pool's fingerprint, picking winners, checking a
 * record. The random source is passed in: production uses node:crypto's randomInt (a CSPRNG,
 * without modulo bias); only the fairness test hands in a seeded generator.
 */
export interface RandomSource {
  /** Said in the draw's record, so a reader knows what decided it. */
  name: string;
  /** A uniformly random integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

export const CRYPTO_RANDOM: RandomSource = { name: 'node:crypto randomInt (CSPRNG)', int: (maxExclusive) => randomInt(maxExclusive) };

/** The pool as it is recorded: member ids, each once, in code-point order, so the order they were read in does not matter. */
export function canonicalPool(memberIds: readonly string[]): string[] {
  return [...new Set(memberIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** SHA-256 (hex) of the sorted member ids joined with "\n": anyone can recompute it from the exported list. */
export function poolHash(memberIds: readonly string[]): string {
  return createHash('sha256').update(canonicalPool(memberIds).join('\n'), 'utf8').digest('hex');
}

export type DrawPick = { ok: true; winners: string[] } | { ok: false; reason: 'empty-pool' | 'too-many'; detail: string };

/**
 * Draws `count` different members, each equally likely: a partial Fisher–Yates shuffle of the
 * canonical pool (so the outcome depends only on the pool and the random numbers, never on the
 * order a query returned rows in). The order of the result is the order of the reveal.
 */
export function pickWinners(memberIds: readonly string[], count: number, random: RandomSource): DrawPick {
  const pool = canonicalPool(memberIds);
  if (pool.length === 0) return { ok: false, reason: 'empty-pool', detail: 'nobody is in this pool' };
  if (!Number.isInteger(count) || count < 1) return { ok: false, reason: 'too-many', detail: `${count} is not a number of winners` };
  if (count > pool.length) return { ok: false, reason: 'too-many', detail: `${count} winners asked, ${pool.length} in the pool` };
  for (let i = 0; i < count; i += 1) {
    const j = i + random.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { ok: true, winners: pool.slice(0, count) };
}

/** A few names to roll through on the screens before the reveal: a random sample, not the winners. */
export function rollingSample<T>(items: readonly T[], size: number, random: RandomSource): T[] {
  const copy = [...items];
  const take = Math.min(size, copy.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + random.int(copy.length - i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, take);
}

export interface StoredDraw {
  members: readonly string[];
  poolSize: number;
  poolHash: string;
  count: number;
  winners: readonly string[];
}

/** Checks a draw's record: the pool matches its hash and size, the winners are in it, each once, as many as asked. */
export function verifyDraw(draw: StoredDraw): { ok: boolean; recomputedHash: string; problems: string[] } {
  const problems: string[] = [];
  const recomputedHash = poolHash(draw.members);
  const members = new Set(draw.members);
  if (recomputedHash !== draw.poolHash) problems.push(`the pool's hash is ${recomputedHash}, the record says ${draw.poolHash}`);
  if (members.size !== draw.members.length) problems.push('the stored pool lists someone twice');
  if (members.size !== draw.poolSize) problems.push(`the pool holds ${members.size} people, the record says ${draw.poolSize}`);
  if (draw.winners.length !== draw.count) problems.push(`${draw.winners.length} winners stored, ${draw.count} were drawn`);
  const seen = new Set<string>();
  for (const winner of draw.winners) {
    if (!members.has(winner)) problems.push(`winner ${winner} is not in the pool`);
    if (seen.has(winner)) problems.push(`winner ${winner} is listed twice`);
    seen.add(winner);
  }
  return { ok: problems.length === 0, recomputedHash, problems };
}
