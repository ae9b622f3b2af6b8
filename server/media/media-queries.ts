import type { Db } from '../store/database.ts';
import type { MediaFile, MediaType } from '../../shared/media.ts';

interface FileRow {
  id: string;
  kind: 'image' | 'video';
  url: string;
  title: string;
  title_en: string;
  duration_ms: number;
  type: MediaType | null;
  bytes: number | null;
  name: string | null;
  uploaded_at: number | null;
  uploaded_by: string | null;
}

const typeOfUrl = (url: string): MediaType => (url.endsWith('.webm') ? 'webm' : url.endsWith('.mp4') ? 'mp4' : url.endsWith('.png') ? 'png' : 'jpeg');

/** Every media item, uploaded or shipped with the app (the demo's have no upload details). */
export function listMediaFiles(db: Db): MediaFile[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.kind, m.url, m.title, m.title_en, m.duration_ms, f.type, f.bytes, f.name, f.uploaded_at, f.uploaded_by
       FROM media m LEFT JOIN media_files f ON f.media_id = m.id ORDER BY f.uploaded_at DESC, m.id`,
    )
    .all() as FileRow[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    url: row.url,
    title: row.title,
    titleEn: row.title_en,
    durationMs: row.duration_ms,
    type: row.type ?? typeOfUrl(row.url),
    bytes: row.bytes ?? 0,
    name: row.name ?? row.url.split('/').at(-1)!,
    uploadedAt: row.uploaded_at ?? 0,
    uploadedBy: row.uploaded_by ?? '',
  }));
}

export const mediaIdOfHash = (db: Db, sha256: string): string | undefined =>
  db.prepare('SELECT media_id FROM media_files WHERE sha256 = ?').pluck().get(sha256) as string | undefined;

export function insertMediaFile(db: Db, file: MediaFile & { sha256: string }): void {
  db.transaction(() => {
    db.prepare('INSERT INTO media (id, kind, url, title, title_en, duration_ms) VALUES (?, ?, ?, ?, ?, ?)').run(
      file.id,
      file.kind,
      file.url,
      file.title,
      file.titleEn,
      file.durationMs,
    );
    db.prepare('INSERT INTO media_files (media_id, sha256, type, bytes, name, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      file.id,
      file.sha256,
      file.type,
      file.bytes,
      file.name,
      file.uploadedAt,
      file.uploadedBy,
    );
  })();
}

/** Ids among `ids` that are not media items. */
export function missingMedia(db: Db, ids: string[]): string[] {
  const known = db.prepare('SELECT id FROM media WHERE id = ?').pluck();
  return ids.filter((id) => known.get(id) === undefined);
}
