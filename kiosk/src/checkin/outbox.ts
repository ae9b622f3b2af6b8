import { openDB, type IDBPDatabase } from 'idb';
import type { ScanRequest } from '../../../shared/checkin.ts';

/**
 * Scans made while the hub was away, kept in IndexedDB (they survive a reload or a power cut)
 * until the hub acknowledges them. Each keeps its scan id, so a resend is counted once.
 */
interface OutboxScan extends ScanRequest {
  /** The visitor the kiosk let in, so a second scan here while offline shows amber. */
  visitorId: string | null;
}

let database: Promise<IDBPDatabase> | undefined;
const db = () =>
  (database ??= openDB('eventday-kiosk', 1, {
    upgrade(upgrade) {
      upgrade.createObjectStore('outbox', { keyPath: 'scanId' });
    },
  }));

export const outbox = {
  add: async (scan: OutboxScan) => void (await (await db()).put('outbox', scan)),
  all: async (): Promise<OutboxScan[]> => (await db()).getAll('outbox'),
  count: async (): Promise<number> => (await db()).count('outbox'),
  remove: async (scanIds: string[]) => {
    const transaction = (await db()).transaction('outbox', 'readwrite');
    await Promise.all([...scanIds.map((id) => transaction.store.delete(id)), transaction.done]);
  },
  /** Already let in by this kiosk, offline, at this checkpoint: the local amber. */
  async has(visitorId: string, checkpointId: string): Promise<boolean> {
    return (await outbox.all()).some((scan) => scan.visitorId === visitorId && scan.checkpointId === checkpointId);
  },
};
