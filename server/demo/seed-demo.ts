import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.ts';
import { saveSlot } from '../stage/stage-queries.ts';
import { DEMO_CHECKPOINTS, DEMO_EVENT, DEMO_GROUPS, DEMO_PLAYLIST, DEMO_VENUES } from './demo-event.ts';
import { readEvent, writeEventSetup } from '../event/event-queries.ts';
import type { ManifestEntry } from './media-manifest.ts';
import { seedDemoProgramme } from './demo-programme.ts';
import { DEMO_AWARDS } from './demo-awards.ts';
import { createAwardsStore } from '../awards/awards-store.ts';
import { PROJECT_DIR } from '../project-dir.ts';
import { DEMO_MEDIA_PREFIX } from '../media/media-paths.ts';

export const DEMO_MEDIA_DIR = path.join(PROJECT_DIR, 'server/demo/media');

/**
 * Fills an empty store with the demo event, so a new user sees a real day at once. Returns whether
 * it did. A store whose event was set up (or replaced by a new one) is never seeded again.
 */
export function seedDemoContent(db: Db, mediaDir = DEMO_MEDIA_DIR, now = Date.now()): boolean {
  const venueCount = db.prepare('SELECT COUNT(*) FROM venues').pluck().get() as number;
  if (venueCount > 0 || readEvent(db)) return false;
  const manifest = JSON.parse(fs.readFileSync(path.join(mediaDir, 'manifest.json'), 'utf8')) as ManifestEntry[];

  db.transaction(() => {
    writeEventSetup(db, DEMO_EVENT, 1);
    const venue = db.prepare('INSERT INTO venues (id, name, name_en, kind, sort) VALUES (?, ?, ?, ?, ?)');
    DEMO_VENUES.forEach((v, sort) => venue.run(v.id, v.name, v.nameEn, v.kind, sort));
    const media = db.prepare('INSERT INTO media (id, kind, url, title, title_en, duration_ms) VALUES (?, ?, ?, ?, ?, ?)');
    const item = db.prepare('INSERT INTO playlist_items (playlist_id, position, media_id) VALUES (?, ?, ?)');
    db.prepare('INSERT INTO playlists (id, name, name_en) VALUES (?, ?, ?)').run(DEMO_PLAYLIST.id, DEMO_PLAYLIST.name, DEMO_PLAYLIST.nameEn);
    manifest.forEach((entry, position) => {
      const id = `demo-${path.parse(entry.file).name}`;
      media.run(id, entry.kind, `${DEMO_MEDIA_PREFIX}${entry.file}`, entry.title, entry.titleEn, Math.round(entry.durationMs));
      item.run(DEMO_PLAYLIST.id, position, id);
    });
    const checkpoint = db.prepare('INSERT INTO checkpoints (id, venue_id, kind, name, name_en, sort) VALUES (?, ?, ?, ?, ?, ?)');
    DEMO_CHECKPOINTS.forEach((c, sort) => checkpoint.run(c.id, c.venueId, c.kind, c.name, c.nameEn, sort));
    const group = db.prepare('INSERT INTO display_groups (id, venue_id, name, name_en, sort) VALUES (?, ?, ?, ?, ?)');
    DEMO_GROUPS.forEach((g, sort) => {
      group.run(g.id, g.venueId, g.name, g.nameEn, sort);
      saveSlot(db, g.id, 'program', { revision: 1, scene: g.program, changedAt: now });
      saveSlot(db, g.id, 'preview', { revision: 2, scene: g.preview, changedAt: now });
    });
    seedDemoProgramme(db, now);
    createAwardsStore(db).replace(DEMO_AWARDS);
  })();
  return true;
}
