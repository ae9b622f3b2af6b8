import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { afterCommit, keepAfterCommitQueue } from '../../server/store/after-commit.ts';

function store() {
  const db = new Database(':memory:');
  keepAfterCommitQueue(db);
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  return db;
}

test('outside a transaction an effect runs at once; inside, once the outermost commits, in order', () => {
  const db = store();
  const seen: string[] = [];
  afterCommit(db, () => seen.push('now'));
  expect(seen).toEqual(['now']);
  db.transaction(() => {
    db.prepare('INSERT INTO t VALUES (?)').run('a');
    afterCommit(db, () => seen.push('outer'));
    db.transaction(() => afterCommit(db, () => seen.push('inner')))();
    expect(seen).toEqual(['now']);
  })();
  expect(seen).toEqual(['now', 'outer', 'inner']);
});

test('a rollback drops what was queued in it; a nested rollback only its own part', () => {
  const db = store();
  const seen: string[] = [];
  expect(() =>
    db.transaction(() => {
      afterCommit(db, () => seen.push('lost'));
      throw new Error('write failed');
    })(),
  ).toThrow('write failed');
  db.transaction(() => {
    afterCommit(db, () => seen.push('kept'));
    try {
      db.transaction(() => {
        afterCommit(db, () => seen.push('inner lost'));
        throw new Error('inner failed');
      })();
    } catch {
      // the outer transaction goes on without the inner part
    }
  })();
  expect(seen).toEqual(['kept']);
});

test('one effect that throws does not keep the others back; the error is raised after them', () => {
  const db = store();
  const seen: string[] = [];
  expect(() =>
    db.transaction(() => {
      afterCommit(db, () => {
        throw new Error('broken broadcast');
      });
      afterCommit(db, () => seen.push('second'));
    })(),
  ).toThrow('broken broadcast');
  expect(seen).toEqual(['second']);
  expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(0);
});

test('the immediate and deferred variants keep the queue too', () => {
  const db = store();
  const seen: string[] = [];
  db.transaction(() => afterCommit(db, () => seen.push('immediate'))).immediate();
  expect(() =>
    db
      .transaction(() => {
        afterCommit(db, () => seen.push('deferred lost'));
        throw new Error('no');
      })
      .deferred(),
  ).toThrow();
  expect(seen).toEqual(['immediate']);
});
