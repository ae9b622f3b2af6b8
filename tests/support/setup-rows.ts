import type { Db } from '../../server/store/database.ts';

/**
 * Everything an organiser set up, row by row (revisions left out: they only move on): what a
 * rehearsal reset must leave as it was, and what an event file must carry to another hub.
 */
const SETUP_QUERIES = {
  event: 'SELECT setup_json, logo_sha256 FROM event',
  venues: 'SELECT * FROM venues ORDER BY id',
  groups: 'SELECT id, venue_id, name, name_en, sort, retired_at FROM display_groups ORDER BY id',
  slots: 'SELECT group_id, slot, scene_json FROM stage_slots ORDER BY group_id, slot',
  points: 'SELECT * FROM checkpoints ORDER BY id',
  programme: 'SELECT * FROM programme_items ORDER BY id',
  awards: 'SELECT c.title, w.position, w.name, w.unit FROM award_categories c JOIN award_winners w ON w.category_id = c.id ORDER BY c.position, w.position',
  playlists: 'SELECT * FROM playlist_items ORDER BY playlist_id, position',
  media: 'SELECT * FROM media ORDER BY id',
  mediaFiles: 'SELECT media_id, sha256, type, bytes, name FROM media_files ORDER BY media_id',
  questions: 'SELECT id, body_json, retired FROM questions ORDER BY id',
  accounts: 'SELECT username, role, venue_ids, password_hash FROM accounts ORDER BY username',
  devices: 'SELECT id, venue_id, group_id, revoked_at FROM devices ORDER BY id',
} as const;

export type Rows = Record<string, unknown>[];

export const setupOf = (db: Db) =>
  Object.fromEntries(Object.entries(SETUP_QUERIES).map(([name, sql]) => [name, db.prepare(sql).all() as Rows])) as Record<keyof typeof SETUP_QUERIES, Rows>;

export const rowsOf = (db: Db, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
