import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../store/database.ts';
import type { MediaFile, MediaListReply, MediaUploadQuery, Playlist, PlaylistBody } from '../../shared/media.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { HubError } from '../hub-error.ts';
import type { MediaLimits } from './media-limits.ts';
import { insertMediaFile, listMediaFiles, mediaIdOfHash, missingMedia } from './media-queries.ts';
import { receiveMedia } from './media-receive.ts';
import { probeDurationMs } from './media-sniff.ts';
import { findPlaylist, listPlaylists, savePlaylist } from './playlist-queries.ts';
import { mediaDirOf, UPLOADED_MEDIA_PREFIX } from './media-paths.ts';

const DEFAULT_IMAGE_MS = 8000;

export interface MediaService {
  readonly dir: string;
  readonly limits: MediaLimits;
  list(): MediaListReply;
  upload(body: Readable, query: MediaUploadQuery, declaredLength: number | undefined, actor: Actor): Promise<{ file: MediaFile; duplicate: boolean }>;
  savePlaylist(playlistId: string, body: PlaylistBody, actor: Actor): Playlist;
  /** After a new event or an imported one: files no medium refers to any more are deleted. */
  sweepUnreferenced(): void;
}

/** Writes a file's bytes to the disk before it is acknowledged (a power cut must not lose it). */
export function syncToDisk(filePath: string): void {
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Uploaded media: checked by their first bytes and size, stored as DATA_DIR/media/<sha256>.<ext>, listed with the demo's. */
export function createMediaService(db: Db, dataDir: string, limits: MediaLimits, now = Date.now): MediaService {
  const dir = mediaDirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  // Uploads cut off by a crash leave temporary files: nothing refers to them.
  for (const name of fs.readdirSync(dir)) if (name.startsWith('.upload-')) fs.rmSync(path.join(dir, name), { force: true });

  const service: MediaService = {
    dir,
    limits,
    list: () => ({ files: listMediaFiles(db), playlists: listPlaylists(db), limits }),

    async upload(body, query, declaredLength, actor) {
      const received = await receiveMedia(body, dir, limits, declaredLength);
      try {
        const existing = mediaIdOfHash(db, received.sha256);
        if (existing) {
          fs.rmSync(received.tempPath, { force: true });
          return { file: listMediaFiles(db).find((file) => file.id === existing)!, duplicate: true };
        }
        const { kind, ext, type } = received.sniffed;
        const given = query.durationMs === undefined ? undefined : Number(query.durationMs);
        const durationMs = kind === 'video' ? (probeDurationMs(received.tempPath, type) ?? given) : (given ?? DEFAULT_IMAGE_MS);
        if (durationMs === undefined || durationMs < 1000) {
          throw new HubError(
            'MEDIA_DURATION_UNKNOWN',
            durationMs === undefined ? 'no duration in the file, none given' : `${durationMs} ms is shorter than a second`,
          );
        }
        const fileName = `${received.sha256}.${ext}`;
        syncToDisk(received.tempPath);
        fs.renameSync(received.tempPath, path.join(dir, fileName));
        const title = (query.title?.trim() || path.parse(query.name).name).slice(0, 80);
        const file: MediaFile = {
          id: `m-${received.sha256.slice(0, 16)}`,
          kind,
          url: `${UPLOADED_MEDIA_PREFIX}${fileName}`,
          title,
          titleEn: query.titleEn?.trim() || title,
          durationMs,
          type,
          bytes: received.bytes,
          name: query.name,
          uploadedAt: now(),
          uploadedBy: actor.name,
        };
        db.transaction(() => {
          insertMediaFile(db, { ...file, sha256: received.sha256 });
          recordAudit(db, actor, 'media:upload', `media:${file.id}`, { name: file.name, type, bytes: file.bytes, durationMs });
        })();
        return { file, duplicate: false };
      } catch (error) {
        fs.rmSync(received.tempPath, { force: true });
        throw error;
      }
    },

    sweepUnreferenced() {
      const urls = db.prepare('SELECT url FROM media WHERE url LIKE ?').pluck().all(`${UPLOADED_MEDIA_PREFIX}%`) as string[];
      const referenced = new Set(urls.map((url) => url.slice(UPLOADED_MEDIA_PREFIX.length)));
      // Dot files are uploads under way (and swept at start if a crash left them).
      for (const name of fs.readdirSync(dir)) if (!name.startsWith('.') && !referenced.has(name)) fs.rmSync(path.join(dir, name), { force: true });
    },

    savePlaylist(playlistId, body, actor) {
      const missing = missingMedia(db, body.mediaIds);
      if (missing.length > 0) throw new HubError('UNKNOWN_MEDIA', missing.join(', '));
      db.transaction(() => {
        savePlaylist(db, { id: playlistId, name: body.name, nameEn: body.nameEn || body.name, mediaIds: body.mediaIds });
        recordAudit(db, actor, 'playlist:edit', `playlist:${playlistId}`, body);
      })();
      return findPlaylist(db, playlistId)!;
    },
  };
  // Files of media no longer in the store (a new event imported while the hub was stopped, an upload cut off before its row).
  service.sweepUnreferenced();
  return service;
}
