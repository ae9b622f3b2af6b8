import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.ts';

/**
 * SQLite's WAL checkpoints copy the log back into the database file and flush it to disk. Left to
 * SQLite they run inside whichever commit crosses 1000 pages, on the hub's only thread: during a
 * live quiz's answer burst that was every second or so, tens of milliseconds each, and the
 * question reaching the hall waited behind them. A worker thread with its own connection does
 * them instead (PASSIVE: never blocks a writer); the hub's connection stops checkpointing itself.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Db, onError: (message: string) => void, everyMs = 1000): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name, everyMs } });
  worker.on('message', (message) => onError(String(message)));
  worker.on('error', (error) => onError(String(error)));
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  return {
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
      // The last connection closing folds the log into the file.
      db.pragma('wal_autocheckpoint = 1000');
    },
  };
}
