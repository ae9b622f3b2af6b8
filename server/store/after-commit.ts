import type Database from 'better-sqlite3';

type Effect = () => void;
type Transaction = ReturnType<Database.Database['transaction']>;

/** Effects waiting for the store's outermost transaction to commit, per database. */
const pending = new WeakMap<Database.Database, Effect[]>();

/**
 * Runs `effect` (a broadcast, a timer, anything the outside world sees) once what the caller is
 * writing has been committed: at once outside a transaction; inside one, when the outermost
 * transaction commits. If that transaction (or the nested one the effect was queued in) rolls
 * back, the effect never runs: no screen shows what the store does not hold.
 */
export function afterCommit(db: Database.Database, effect: Effect): void {
  const queue = pending.get(db);
  if (!db.inTransaction || !queue) return effect();
  queue.push(effect);
}

/**
 * Makes `db.transaction()` keep the after-commit queue: each call notes where the queue stood, a
 * failure drops what was queued inside it, and the outermost commit runs the effects in order.
 * Applied once, when the store is opened.
 */
export function keepAfterCommitQueue(db: Database.Database): void {
  if (pending.has(db)) return;
  const queue: Effect[] = [];
  pending.set(db, queue);
  const transaction = db.transaction.bind(db);
  const tracked = <F extends (...args: never[]) => unknown>(run: F): F =>
    ((...args: Parameters<F>) => {
      const outermost = !db.inTransaction;
      const mark = queue.length;
      let result: unknown;
      try {
        result = run(...args);
      } catch (error) {
        queue.length = mark;
        throw error;
      }
      if (outermost) runAll(queue.splice(0));
      return result;
    }) as F;
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const made = transaction(fn);
    return Object.assign(tracked(made), {
      deferred: tracked(made.deferred),
      immediate: tracked(made.immediate),
      exclusive: tracked(made.exclusive),
      default: tracked(made.default),
    }) as Transaction;
  }) as Database.Database['transaction'];
}

/**
 * Every effect runs even if one throws (one broken broadcast must not keep the others back); the
 * first error is then raised, as it would have been without the queue.
 */
function runAll(effects: Effect[]): void {
  let failure: { error: unknown } | null = null;
  for (const effect of effects) {
    try {
      effect();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
