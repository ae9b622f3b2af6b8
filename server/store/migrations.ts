/** Versioned schema changes, applied in order at start. Never edit one that has shipped: add another. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'venues, display groups, stage slots, media and playlists',
    sql: `
      CREATE TABLE venues (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('main', 'sub')),
        sort INTEGER NOT NULL
      );
      CREATE TABLE display_groups (
        id TEXT PRIMARY KEY,
        venue_id TEXT NOT NULL REFERENCES venues(id),
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        sort INTEGER NOT NULL,
        -- one counter per group, shared by its program and preview slots
        revision INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE stage_slots (
        group_id TEXT NOT NULL REFERENCES display_groups(id),
        slot TEXT NOT NULL CHECK (slot IN ('program', 'preview')),
        revision INTEGER NOT NULL,
        scene_json TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, slot)
      );
      -- every change of a slot, kept for the audit trail and reports
      CREATE TABLE stage_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        revision INTEGER NOT NULL,
        scene_json TEXT NOT NULL,
        changed_at INTEGER NOT NULL
      );
      CREATE TABLE media (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        title_en TEXT NOT NULL,
        duration_ms INTEGER NOT NULL
      );
      CREATE TABLE playlists (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL
      );
      CREATE TABLE playlist_items (
        playlist_id TEXT NOT NULL REFERENCES playlists(id),
        position INTEGER NOT NULL,
        media_id TEXT NOT NULL REFERENCES media(id),
        PRIMARY KEY (playlist_id, position)
      );
    `,
  },
];
