import { expect, test } from 'vitest';
import { applyMigrations, openDatabase } from '../../server/store/database.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { newDataDir } from '../support/hub-harness.ts';
import { seedDemoContent } from '../../server/demo/seed-demo.ts';
import { publicBaseUrl } from '../../server/web/public-address.ts';
import { configFromEnv } from '../../server/config.ts';

test('migrations apply once, in order, and again on a reopened file do nothing', () => {
  const dir = newDataDir();
  const db = openDatabase(dir);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
  expect(applyMigrations(db, MIGRATIONS)).toEqual([]);
  db.close();
  const again = openDatabase(dir);
  expect(applyMigrations(again, [...MIGRATIONS, { version: 999, name: 'test', sql: 'CREATE TABLE t (x)' }])).toEqual([999]);
  again.close();
});

test('a failing migration leaves nothing half-applied', () => {
  const db = openDatabase(newDataDir());
  expect(() => applyMigrations(db, [{ version: 1000, name: 'bad', sql: 'CREATE TABLE ok (x); NOT SQL' }])).toThrow();
  expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0);
  expect(db.prepare('SELECT COUNT(*) FROM schema_migrations WHERE version = 1000').pluck().get()).toBe(0);
  db.close();
});

test('demo content is seeded into an empty store only', () => {
  const db = openDatabase(newDataDir());
  expect(seedDemoContent(db)).toBe(true);
  expect(seedDemoContent(db)).toBe(false);
  expect(db.prepare('SELECT COUNT(*) FROM display_groups').pluck().get()).toBe(5);
  db.close();
});

test('settings come from the environment with defaults, and a bad port is named', () => {
  expect(configFromEnv({})).toMatchObject({ port: 8080, host: '0.0.0.0' });
  expect(configFromEnv({}).dataDir).toMatch(/data$/);
  expect(configFromEnv({ PORT: '9000', PUBLIC_URL: 'https://event.example/' })).toMatchObject({ port: 9000, publicUrl: 'https://event.example' });
  expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
});

test('the address for phones is PUBLIC_URL, else a LAN address, never localhost when listening on all', () => {
  expect(publicBaseUrl('https://x.example', '0.0.0.0', 8080)).toBe('https://x.example');
  expect(publicBaseUrl(undefined, '127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
  expect(publicBaseUrl(undefined, '0.0.0.0', 8080)).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:8080$/);
});
