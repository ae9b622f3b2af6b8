import type { Db } from '../store/database.ts';
import type { MediaItem, Playlist } from '../../shared/media.ts';

interface ItemRow {
  playlist_id: string;
  id: string;
  kind: 'image' | 'video';
  url: string;
  title: string;
  title_en: string;
  duration_ms: number;
}

const ITEMS_SQL = `SELECT pi.playlist_id, m.id, m.kind, m.url, m.title, m.title_en, m.duration_ms
  FROM playlist_items pi JOIN media m ON m.id = pi.media_id`;

const toItem = (row: ItemRow): MediaItem => ({
  id: row.id,
  kind: row.kind,
  url: row.url,
  title: row.title,
  titleEn: row.title_en,
  durationMs: row.duration_ms,
});

export function listPlaylists(db: Db): Playlist[] {
  const lists = db.prepare('SELECT id, name, name_en FROM playlists ORDER BY id').all() as { id: string; name: string; name_en: string }[];
  const items = db.prepare(`${ITEMS_SQL} ORDER BY pi.playlist_id, pi.position`).all() as ItemRow[];
  return lists.map((list) => ({
    id: list.id,
    name: list.name,
    nameEn: list.name_en,
    items: items.filter((item) => item.playlist_id === list.id).map(toItem),
  }));
}

export function findPlaylist(db: Db, playlistId: string): Playlist | undefined {
  const list = db.prepare('SELECT id, name, name_en FROM playlists WHERE id = ?').get(playlistId) as { id: string; name: string; name_en: string } | undefined;
  if (!list) return undefined;
  const items = db.prepare(`${ITEMS_SQL} WHERE pi.playlist_id = ? ORDER BY pi.position`).all(playlistId) as ItemRow[];
  return { id: list.id, name: list.name, nameEn: list.name_en, items: items.map(toItem) };
}

/** Creates a playlist or replaces its name and items, in one transaction. */
export function savePlaylist(db: Db, playlist: { id: string; name: string; nameEn: string; mediaIds: string[] }): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO playlists (id, name, name_en) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en`,
    ).run(playlist.id, playlist.name, playlist.nameEn);
    db.prepare('DELETE FROM playlist_items WHERE playlist_id = ?').run(playlist.id);
    const item = db.prepare('INSERT INTO playlist_items (playlist_id, position, media_id) VALUES (?, ?, ?)');
    playlist.mediaIds.forEach((mediaId, position) => item.run(playlist.id, position, mediaId));
  })();
}
