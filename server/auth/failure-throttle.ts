import type { Db } from '../store/database.ts';

/**
 * Failures of a guessable secret (a password, a pairing code) are counted per thing tried —
 * a username, a staff member — never per address (a hall's phones share one address behind
 * NAT). A few free tries, then each failure doubles a lock, up to a cap: a guesser crawls at a
 * few tries an hour while everyone else goes on as usual.
 */
const THROTTLE = { freeFailures: 5, firstLockMs: 1000, maxLockMs: 5 * 60_000, forgetAfterMs: 30 * 60_000 };

export interface FailureRecord {
  failures: number;
  lockedUntil: number;
  lastFailureAt: number;
}

export type ThrottleRules = typeof THROTTLE;

function lockAfter(failures: number, rules: ThrottleRules = THROTTLE): number {
  if (failures < rules.freeFailures) return 0;
  return Math.min(rules.firstLockMs * 2 ** (failures - rules.freeFailures), rules.maxLockMs);
}

function recordFailure(previous: FailureRecord | undefined, now: number, rules: ThrottleRules = THROTTLE): FailureRecord {
  const stale = !previous || now - previous.lastFailureAt > rules.forgetAfterMs;
  const failures = stale ? 1 : previous.failures + 1;
  return { failures, lockedUntil: now + lockAfter(failures, rules), lastFailureAt: now };
}

function loadFailures(db: Db, key: string): FailureRecord | undefined {
  const row = db.prepare('SELECT failures, locked_until, last_failure_at FROM throttled_failures WHERE key = ?').get(key) as
    { failures: number; locked_until: number; last_failure_at: number } | undefined;
  return row && { failures: row.failures, lockedUntil: row.locked_until, lastFailureAt: row.last_failure_at };
}

function saveFailures(db: Db, key: string, record: FailureRecord): void {
  db.prepare(
    `INSERT INTO throttled_failures (key, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
       last_failure_at = excluded.last_failure_at`,
  ).run(key, record.failures, record.lockedUntil, record.lastFailureAt);
}

export function clearFailures(db: Db, key: string): void {
  db.prepare('DELETE FROM throttled_failures WHERE key = ?').run(key);
}

/** Refuses while the key is locked; returns the record to pass to failed() or succeeded(). */
export function throttle(db: Db, key: string, now: number, rules: ThrottleRules = THROTTLE) {
  const previous = loadFailures(db, key);
  const lockedForMs = previous ? previous.lockedUntil - now : 0;
  return {
    lockedForMs: Math.max(0, lockedForMs),
    failures: previous?.failures ?? 0,
    failed(): FailureRecord {
      const record = recordFailure(previous, now, rules);
      saveFailures(db, key, record);
      return record;
    },
    succeeded: () => clearFailures(db, key),
  };
}
