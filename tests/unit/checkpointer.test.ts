import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../server/store/database.ts';
import { startCheckpointer } from '../../server/store/checkpointer.ts';

test('the checkpointer thread copies the write-ahead log into the database file; the hub connection does not', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventday-checkpoint-'));
  const db = openDatabase(dir, []);
  const errors: string[] = [];
  const checkpointer = startCheckpointer(db, (message) => errors.push(message), 50);
  db.exec('CREATE TABLE filler (body TEXT)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run('x'.repeat(1000));
  })();
  const file = path.join(dir, 'eventday.db');
  const before = fs.statSync(file).size;
  // 3 MB of log: more than SQLite's own 1000-page threshold, yet the hub's commit did not copy it.
  expect(before).toBeLessThan(1_000_000);
  await expect.poll(() => fs.statSync(file).size, { timeout: 5000 }).toBeGreaterThan(3_000_000);
  expect(db.prepare('SELECT COUNT(*) FROM filler').pluck().get()).toBe(3000);
  await checkpointer.stop();
  db.close();
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
