import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DayDataRemoved } from '../../shared/event.ts';
import { replaceSetup } from '../event/new-event.ts';
import { HubError } from '../hub-error.ts';
import { syncToDisk } from '../media/media-service.ts';
import type { Db } from '../store/database.ts';
import { EVENT_SETUP_TABLES } from '../event/setup-tables.ts';
import type { Cell, Manifest } from './event-file-format.ts';
import type { CheckedEventFile } from './event-file-read.ts';

/**
 * Puts the carried media files into the media folder, before the store changes: a file already
 * there (same name: same SHA-256) is left; each new one is written beside and renamed into place,
 * so a crash leaves no half file under a real name (the media folder sweeps `.upload-` leftovers).
 */
export async function copyCarriedFiles(file: CheckedEventFile, mediaDir: string): Promise<void> {
  fs.mkdirSync(mediaDir, { recursive: true });
  for (const [index, carried] of file.manifest.files.entries()) {
    const target = path.join(mediaDir, carried.name);
    if (fs.existsSync(target) && fs.statSync(target).size === carried.bytes) continue;
    const temp = path.join(mediaDir, `.upload-${crypto.randomUUID()}`);
    const start = file.offsets[index]!;
    await pipeline(fs.createReadStream(file.path, { start, end: start + carried.bytes - 1 }), fs.createWriteStream(temp));
    syncToDisk(temp);
    fs.renameSync(temp, target);
  }
}

const valueOf = (cell: Cell) => (cell !== null && typeof cell === 'object' ? Buffer.from(cell.base64, 'base64') : cell);

/**
 * The file's setup in place of this hub's, inside the caller's transaction: the day's data and
 * the old setup go, the file's rows come in (the event at `revision`, the question-bank edits
 * over the same questions here). Devices paired to this machine stay paired where their venue
 * and screen group came with the file. A row SQLite refuses (a reference to nothing, a value not
 * allowed) refuses the whole file.
 */
export function applyEventFile(db: Db, manifest: Manifest, revision: number, now: number): DayDataRemoved {
  const devices = db.prepare('SELECT * FROM devices').all() as Record<string, unknown>[];
  // Screens that stay paired compare revisions: the file's scenes come in above what they saw here.
  const seen = db.prepare('SELECT MAX(revision) FROM stage_slots').pluck().get() as number | null;
  const groupsSeen = db.prepare('SELECT MAX(revision) FROM display_groups').pluck().get() as number | null;
  return replaceSetup(db, now, () => {
    for (const { name } of EVENT_SETUP_TABLES) {
      for (const [index, row] of manifest.tables[name]!.entries()) {
        const values = Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, valueOf(cell)]));
        if (name === 'event') values.revision = revision;
        try {
          insertRow(db, name, values, name === 'event' || name === 'questions' ? 'INSERT OR REPLACE' : 'INSERT');
        } catch (error) {
          throw new HubError('EVENT_FILE_INVALID', `${name} row ${index + 1}: ${(error as Error).message}`);
        }
      }
    }
    db.prepare('UPDATE stage_slots SET revision = revision + ?').run(seen ?? 0);
    db.prepare('UPDATE display_groups SET revision = revision + ?').run(groupsSeen ?? 0);
    const venueIds = new Set(db.prepare('SELECT id FROM venues').pluck().all() as string[]);
    const groupIds = new Set(db.prepare('SELECT id FROM display_groups').pluck().all() as string[]);
    for (const device of devices) {
      if (venueIds.has(device.venue_id as string) && (device.group_id === null || groupIds.has(device.group_id as string)))
        insertRow(db, 'devices', device, 'INSERT');
    }
  });
}

function insertRow(db: Db, table: string, values: Record<string, unknown>, verb: 'INSERT' | 'INSERT OR REPLACE'): void {
  const columns = Object.keys(values);
  db.prepare(`${verb} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(values);
}
