import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalPool, CRYPTO_RANDOM, pickWinners, poolHash, rollingSample, verifyDraw, type RandomSource } from '../../server/draw/draw-rules.ts';

/**
 * A seeded generator (mulberry32), ONLY here: it makes the fairness test repeatable. The hub
 * draws with node:crypto's randomInt.
 */
function seeded(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { name: `mulberry32(${seed})`, int: (maxExclusive) => Math.floor(next() * maxExclusive) };
}

const POOL = Array.from({ length: 20 }, (_, i) => `V${String(i).padStart(4, '0')}`);
/** The chi-square distribution's 0.999 quantile for 19 degrees of freedom: a fair draw stays below it 999 times in 1000. */
const CRITICAL_19_0999 = 43.82;

function chiSquare(counts: Map<string, number>, members: string[], expected: number): number {
  return members.reduce((sum, member) => sum + ((counts.get(member) ?? 0) - expected) ** 2 / expected, 0);
}

function tally(draws: number, count: number, random: RandomSource) {
  const wins = new Map<string, number>();
  const firsts = new Map<string, number>();
  let duplicates = 0;
  for (let i = 0; i < draws; i += 1) {
    // The pool arrives in a different order each time: the outcome must not care.
    const shuffled = [...POOL].sort(() => random.int(3) - 1);
    const pick = pickWinners(shuffled, count, random);
    if (!pick.ok) throw new Error(pick.detail);
    if (new Set(pick.winners).size !== pick.winners.length) duplicates += 1;
    for (const winner of pick.winners) wins.set(winner, (wins.get(winner) ?? 0) + 1);
    firsts.set(pick.winners[0]!, (firsts.get(pick.winners[0]!) ?? 0) + 1);
  }
  return { wins, firsts, duplicates };
}

describe('fairness (seeded generator, test only)', () => {
  test('20,000 one-winner draws from a pool of 20: everyone wins about equally often', () => {
    const { wins, duplicates } = tally(20_000, 1, seeded(20260614));
    const statistic = chiSquare(wins, POOL, 1000);
    console.log(
      `one winner × 20,000: chi-square = ${statistic.toFixed(2)} (df 19, 0.999 critical ${CRITICAL_19_0999}); min ${Math.min(...wins.values())}, max ${Math.max(...wins.values())}`,
    );
    expect(statistic).toBeLessThan(CRITICAL_19_0999);
    expect(duplicates).toBe(0);
  });

  test('4,000 five-winner draws: everyone equally often among the winners and in first place, never twice in one draw', () => {
    const { wins, firsts, duplicates } = tally(4_000, 5, seeded(19));
    const all = chiSquare(wins, POOL, (4_000 * 5) / 20);
    const first = chiSquare(firsts, POOL, 4_000 / 20);
    console.log(`five winners × 4,000: chi-square ${all.toFixed(2)} over all places, ${first.toFixed(2)} for the first place`);
    expect(all).toBeLessThan(CRITICAL_19_0999);
    expect(first).toBeLessThan(CRITICAL_19_0999);
    expect(duplicates).toBe(0);
  });

  test('drawing the whole pool gives everyone exactly once', () => {
    const pick = pickWinners(POOL, 20, seeded(7));
    expect(pick.ok && [...pick.winners].sort()).toEqual(POOL);
  });

  test('the production source draws too, and never twice the same', () => {
    for (let i = 0; i < 200; i += 1) {
      const pick = pickWinners(POOL, 10, CRYPTO_RANDOM);
      expect(pick.ok && new Set(pick.winners).size).toBe(10);
    }
  });
});

describe('refusals', () => {
  test('an empty pool is refused', () => {
    expect(pickWinners([], 1, seeded(1))).toMatchObject({ ok: false, reason: 'empty-pool' });
  });
  test('more winners than people is refused; so is zero', () => {
    expect(pickWinners(['a', 'b'], 3, seeded(1))).toMatchObject({ ok: false, reason: 'too-many' });
    expect(pickWinners(['a', 'a', 'b'], 3, seeded(1))).toMatchObject({ ok: false, reason: 'too-many' });
    expect(pickWinners(['a'], 0, seeded(1))).toMatchObject({ ok: false });
  });
});

describe('the pool hash', () => {
  test('does not depend on the order (or repeats) of the members', () => {
    const reversed = [...POOL].reverse();
    expect(poolHash(reversed)).toBe(poolHash(POOL));
    expect(poolHash([...POOL, POOL[3]!])).toBe(poolHash(POOL));
    expect(poolHash(POOL.slice(1))).not.toBe(poolHash(POOL));
  });
  test('is the SHA-256 of the sorted ids joined by line feeds, as anyone can recompute it', () => {
    const ids = ['b7', 'A1', 'player:p1', 'a2'];
    const byHand = createHash('sha256').update(['A1', 'a2', 'b7', 'player:p1'].join('\n')).digest('hex');
    expect(canonicalPool(ids)).toEqual(['A1', 'a2', 'b7', 'player:p1']);
    expect(poolHash(ids)).toBe(byHand);
  });
});

describe('checking a record', () => {
  const members = canonicalPool(POOL);
  const good = { members, poolSize: 20, poolHash: poolHash(members), count: 3, winners: ['V0001', 'V0007', 'V0019'] };
  test('a true record verifies', () => {
    expect(verifyDraw(good)).toMatchObject({ ok: true, problems: [] });
  });
  test.each([
    ['a winner not in the pool', { winners: ['V0001', 'V0007', 'X9999'] }, /not in the pool/],
    ['a winner twice', { winners: ['V0001', 'V0001', 'V0019'] }, /twice/],
    ['a member added to the pool', { members: [...members, 'V9999'] }, /hash/],
    ['a wrong pool size', { poolSize: 21 }, /holds 20 people/],
    ['a missing winner', { winners: ['V0001', 'V0007'] }, /2 winners stored, 3/],
  ])('%s fails', (_name, change, problem) => {
    const check = verifyDraw({ ...good, ...change });
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(problem);
  });
});

test('the rolling sample is drawn from the pool, each at most once, never longer than asked', () => {
  const sample = rollingSample(POOL, 8, seeded(3));
  expect(sample).toHaveLength(8);
  expect(new Set(sample).size).toBe(8);
  expect(sample.every((name) => POOL.includes(name))).toBe(true);
  expect(rollingSample(POOL.slice(0, 3), 8, seeded(3))).toHaveLength(3);
});
