import type { Db } from './database.ts';
import { HubError } from '../hub-error.ts';

/** What the items of one batch share: a value worked out once per batch (the batch is one transaction). */
export interface Batch {
  once<T>(key: string, make: () => T): T;
}

interface Pending<I, O> {
  item: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that arrive together are stored in one transaction, and each is acknowledged only once
 * that transaction has committed: durable (synchronous=FULL) without one disk flush per write.
 * `apply` runs inside the transaction; a HubError it throws refuses that item alone (it must
 * throw before writing anything), any other error fails the whole batch.
 */
export function createGroupCommit<I, O>(
  db: Db,
  apply: (item: I, now: number, batch: Batch) => O,
  onCommitted: (outputs: O[]) => void = () => {},
  now = Date.now,
) {
  let queue: Pending<I, O>[] = [];
  let scheduled = false;
  const write = db.transaction((batch: Pending<I, O>[], at: number) => {
    const shared = new Map<string, unknown>();
    const memo: Batch = {
      once<T>(key: string, make: () => T): T {
        if (!shared.has(key)) shared.set(key, make());
        return shared.get(key) as T;
      },
    };
    return batch.map(({ item }) => {
      try {
        return { ok: true as const, output: apply(item, at, memo) };
      } catch (error) {
        if (error instanceof HubError) return { ok: false as const, error };
        throw error;
      }
    });
  });
  function flush() {
    scheduled = false;
    const batch = queue;
    queue = [];
    try {
      const results = write(batch, now());
      batch.forEach((pending, index) => {
        const result = results[index]!;
        if (result.ok) pending.resolve(result.output);
        else pending.reject(result.error);
      });
      onCommitted(results.flatMap((result) => (result.ok ? [result.output] : [])));
    } catch (error) {
      batch.forEach((pending) => pending.reject(error));
    }
  }
  return (item: I): Promise<O> =>
    new Promise((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
