import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { readEvent } from '../event/event-queries.ts';
import { UPLOADED_MEDIA_PREFIX } from '../media/media-paths.ts';
import { EVENT_SETUP_TABLES } from '../event/setup-tables.ts';
import type { Db } from '../store/database.ts';
import { FILE_VERSION, MAGIC_LINE, STORE_VERSION, type Cell, type Manifest } from './event-file-format.ts';

const cellOf = (value: unknown): Cell => (Buffer.isBuffer(value) ? { base64: value.toString('base64') } : (value as Cell));

/** The setup's rows as the store holds them, and the uploaded media files they name (read in one transaction). */
export function eventFileManifest(db: Db, mediaDir: string, now: number): Manifest {
  return db.transaction(() => {
    const tables: Manifest['tables'] = {};
    for (const { name, where } of EVENT_SETUP_TABLES) {
      const rows = db.prepare(`SELECT * FROM ${name}${where ? ` WHERE ${where}` : ''} ORDER BY rowid`).all() as Record<string, unknown>[];
      tables[name] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, cellOf(value)])));
    }
    const uploaded = db
      .prepare(`SELECT m.url, f.sha256 FROM media m JOIN media_files f ON f.media_id = m.id WHERE m.url LIKE ? ORDER BY m.rowid`)
      .all(`${UPLOADED_MEDIA_PREFIX}%`) as { url: string; sha256: string }[];
    const files = uploaded.map(({ url, sha256 }) => {
      const name = url.slice(UPLOADED_MEDIA_PREFIX.length);
      return { name, sha256, bytes: fs.statSync(path.join(mediaDir, name)).size };
    });
    return {
      format: 'eventday-setup' as const,
      fileVersion: FILE_VERSION,
      storeVersion: STORE_VERSION,
      exportedAt: new Date(now).toISOString(),
      eventName: readEvent(db)?.setup.name ?? '',
      tables,
      files,
    };
  })();
}

/** Writes the event file to `out`: the format line, the manifest line, then each media file's bytes. */
export async function writeEventFile(manifest: Manifest, mediaDir: string, out: Writable): Promise<void> {
  const write = async (chunk: Buffer | string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`${MAGIC_LINE}\n${JSON.stringify(manifest)}\n`);
  for (const file of manifest.files) {
    for await (const chunk of fs.createReadStream(path.join(mediaDir, file.name))) await write(chunk as Buffer);
  }
  out.end();
}
