import fs from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { AWARD_LIMITS } from '../../shared/awards.ts';
import { EventSetup } from '../../shared/event.ts';
import { BankQuestion } from '../../shared/quiz.ts';
import { Scene } from '../../shared/scenes.ts';
import { VENUE_LIMITS } from '../../shared/venue-setup.ts';
import { checkEventSetup, checkLogo } from '../event/event-rules.ts';
import { DEMO_MEDIA_PREFIX, UPLOADED_MEDIA_PREFIX } from '../media/media-paths.ts';
import type { Db } from '../store/database.ts';
import { EVENT_SETUP_TABLES } from '../event/setup-tables.ts';
import type { Cell, Manifest } from './event-file-format.ts';

/** Any text in a setup row: far above every real limit, so a file cannot smuggle megabytes in a title. */
const TEXT_MAX = 20_000;

type Row = Record<string, Cell>;

/**
 * Checks the manifest's rows beyond its JSON schema: exactly the store's tables and columns, each
 * value of its column's kind, and what the console would have refused (an event day that does not
 * exist, a 300-character venue name, a scene of no known kind, a medium that is not carried).
 * What SQLite itself enforces (references between rows, allowed values) it checks on import,
 * inside the transaction that is rolled back at the first refusal.
 */
export function checkManifestRows(db: Db, manifest: Manifest, demoMediaDir: string): string[] {
  const problems: string[] = [];
  const known = new Set(EVENT_SETUP_TABLES.map((table) => table.name));
  for (const name of Object.keys(manifest.tables)) if (!known.has(name)) problems.push(`table ${name.slice(0, 40)} is not part of an event's setup`);
  for (const { name } of EVENT_SETUP_TABLES) {
    const rows = manifest.tables[name];
    if (!rows) problems.push(`table ${name} is missing`);
    else checkColumns(db, name, rows, problems);
  }
  if (problems.length > 0) return problems;

  const tables = manifest.tables as Record<string, Row[]>;
  const text = (row: Row, column: string) => (typeof row[column] === 'string' ? (row[column] as string) : '');
  const json = (value: Cell | undefined, schema: TSchema, what: string) => {
    try {
      if (!Value.Check(schema, JSON.parse(String(value)))) problems.push(`${what} does not have the expected form`);
    } catch {
      problems.push(`${what} is not JSON`);
    }
  };
  const length = (row: Row, column: string, min: number, max: number, what: string) => {
    const chars = [...text(row, column)].length;
    if (chars < min || chars > max) problems.push(`${what}: ${column} has ${chars} characters (${min}–${max} allowed)`);
  };

  if (tables.event!.length !== 1) problems.push(`the file holds ${tables.event!.length} events, not one`);
  for (const event of tables.event!) {
    try {
      const setup = JSON.parse(String(event.setup_json)) as EventSetup;
      if (!Value.Check(EventSetup, setup)) problems.push('the event’s setup does not have the expected form');
      else {
        const checked = checkEventSetup(setup);
        if (!checked.ok) problems.push(...checked.problems.map((problem) => `the event: ${problem}`));
      }
    } catch {
      problems.push('the event’s setup is not JSON');
    }
    if (event.logo !== null) {
      if (!checkLogo(Buffer.from((event.logo as { base64: string }).base64, 'base64')).ok)
        problems.push('the event’s logo is not a PNG or JPEG of at most 1 MB');
    }
  }
  for (const venue of tables.venues!) {
    const what = `venue ${text(venue, 'id').slice(0, 40)}`;
    length(venue, 'name', 1, VENUE_LIMITS.name, what);
    length(venue, 'name_en', 0, VENUE_LIMITS.name, what);
    length(venue, 'unit', 0, VENUE_LIMITS.unit, what);
    length(venue, 'address', 0, VENUE_LIMITS.address, what);
  }
  if (!tables.venues!.some((venue) => venue.kind === 'main' && venue.retired_at === null)) problems.push('the file has no main venue');
  for (const table of ['display_groups', 'checkpoints']) {
    for (const row of tables[table]!)
      length(row, 'name', 1, VENUE_LIMITS.name, `${table === 'checkpoints' ? 'check-in point' : 'screen group'} ${text(row, 'id').slice(0, 40)}`);
  }
  for (const slot of tables.stage_slots!) json(slot.scene_json, Scene, `the scene of group ${text(slot, 'group_id').slice(0, 40)}`);
  for (const item of tables.programme_items!) json(item.scene_json, Scene, `the scene of running-order item ${text(item, 'id').slice(0, 40)}`);
  for (const question of tables.questions!) json(question.body_json, BankQuestion, `question ${text(question, 'id').slice(0, 40)}`);
  for (const category of tables.award_categories!) length(category, 'title', 1, AWARD_LIMITS.title, 'an award category');
  for (const winner of tables.award_winners!) length(winner, 'name', 1, AWARD_LIMITS.name, 'an award winner');

  const carried = new Set(manifest.files.map((file) => file.name));
  for (const medium of tables.media!) {
    const url = text(medium, 'url');
    const fine = url.startsWith(UPLOADED_MEDIA_PREFIX)
      ? carried.has(url.slice(UPLOADED_MEDIA_PREFIX.length))
      : url.startsWith(DEMO_MEDIA_PREFIX) &&
        /^[\w.-]+$/.test(url.slice(DEMO_MEDIA_PREFIX.length)) &&
        fs.existsSync(path.join(demoMediaDir, url.slice(DEMO_MEDIA_PREFIX.length)));
    if (!fine) problems.push(`medium ${text(medium, 'id').slice(0, 40)} (${url.slice(0, 80)}) is neither carried in the file nor shipped with the app`);
  }
  return problems;
}

/** Every row has exactly the table's columns, each value of the column's kind (NOT NULL kept). */
function checkColumns(db: Db, table: string, rows: Row[], problems: string[]): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; pk: number }[];
  const names = columns.map((column) => column.name).sort();
  for (const [index, row] of rows.entries()) {
    const where = `${table} row ${index + 1}`;
    const keys = Object.keys(row).sort();
    if (keys.join() !== names.join()) {
      problems.push(`${where}: columns ${keys.join(', ').slice(0, 200)} are not the store's (${names.join(', ')})`);
      continue;
    }
    for (const column of columns) {
      const value = row[column.name]!;
      const kind = column.type.toUpperCase();
      const fits =
        value === null
          ? column.notnull === 0 || (column.pk === 1 && kind === 'INTEGER')
          : kind === 'INTEGER'
            ? Number.isSafeInteger(value)
            : kind === 'TEXT'
              ? typeof value === 'string' && value.length <= TEXT_MAX
              : kind === 'BLOB'
                ? typeof value === 'object'
                : typeof value === 'number';
      if (!fits) problems.push(`${where}: ${column.name} is not ${column.notnull ? '' : 'empty or '}${kind.toLowerCase()}`);
    }
  }
}
