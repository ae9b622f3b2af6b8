import type { DayDataRemoved } from '../../shared/event.ts';
import type { Db } from '../store/database.ts';
import { removeDayData } from './day-data.ts';
import { blankEvent } from './event-defaults.ts';
import { writeEventLogo, writeEventSetup } from './event-queries.ts';

/**
 * The setup of one event (what `removeDayData` leaves), children before the rows they refer to.
 * Kept across events: accounts (operators lose their venues), the question bank, the audit log.
 */
const SETUP_TABLES = [
  'devices',
  'stage_slots',
  'stage_history',
  'programme_items',
  'award_winners',
  'award_categories',
  'playlist_items',
  'media_files',
  'media',
  'playlists',
  'checkpoints',
  'display_groups',
  'venue_emergencies',
  'venues',
] as const;

/** The one venue a new event starts with: every event has a main venue, renamed in 会场设置. */
const NEW_MAIN_VENUE = { id: 'main', name: '主会场', nameEn: 'Main venue' } as const;

/**
 * Replaces the whole event (the demo, or last year's) by a new, empty one, inside the caller's
 * transaction: a blank event named by its organiser later, one main venue, nothing else.
 */
export function replaceWithNewEvent(db: Db, revision: number, now: number): DayDataRemoved {
  const removed = removeDayData(db, now);
  for (const table of SETUP_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  db.prepare("UPDATE accounts SET venue_ids = '[]', updated_at = ? WHERE role = 'operator'").run(now);
  db.prepare("INSERT INTO venues (id, name, name_en, kind, sort) VALUES (?, ?, ?, 'main', 0)").run(
    NEW_MAIN_VENUE.id,
    NEW_MAIN_VENUE.name,
    NEW_MAIN_VENUE.nameEn,
  );
  writeEventSetup(db, blankEvent(now), revision);
  writeEventLogo(db, null, revision);
  return removed;
}
