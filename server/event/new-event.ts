import type { DayDataRemoved } from '../../shared/event.ts';
import type { Db } from '../store/database.ts';
import { removeDayData } from './day-data.ts';
import { blankEvent } from './event-defaults.ts';
import { writeEventLogo, writeEventSetup } from './event-queries.ts';
import { REPLACED_TABLES } from './setup-tables.ts';

/** The one venue a new event starts with: every event has a main venue, renamed in 会场设置. */
const NEW_MAIN_VENUE = { id: 'main', name: '主会场', nameEn: 'Main venue' } as const;

/**
 * Replaces the setup (and removes the day's data) inside the caller's transaction: `fill` puts the
 * new setup in. Afterwards each venue's emergency revision goes on from where it was (a device
 * that saw revision 7 still takes the next notice), and operators keep the venues that still exist.
 */
export function replaceSetup(db: Db, now: number, fill: () => void): DayDataRemoved {
  const removed = removeDayData(db, now);
  const revisions = db.prepare('SELECT venue_id, revision FROM venue_emergencies').all() as { venue_id: string; revision: number }[];
  for (const table of REPLACED_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  fill();
  const venueIds = new Set(db.prepare('SELECT id FROM venues').pluck().all() as string[]);
  const keep = db.prepare('INSERT INTO venue_emergencies (venue_id, revision, emergency_id) VALUES (?, ?, NULL)');
  for (const { venue_id, revision } of revisions) if (venueIds.has(venue_id)) keep.run(venue_id, revision + 1);
  const operators = db.prepare("SELECT id, venue_ids FROM accounts WHERE role = 'operator'").all() as { id: number; venue_ids: string | null }[];
  const setVenues = db.prepare('UPDATE accounts SET venue_ids = ?, updated_at = ? WHERE id = ?');
  for (const operator of operators) {
    const venues = (JSON.parse(operator.venue_ids ?? '[]') as string[]).filter((id) => venueIds.has(id));
    setVenues.run(JSON.stringify(venues), now, operator.id);
  }
  return removed;
}

/**
 * Replaces the whole event (the demo, or last year's) by a new, empty one, inside the caller's
 * transaction: a blank event named by its organiser later, one main venue, nothing else.
 */
export function replaceWithNewEvent(db: Db, revision: number, now: number): DayDataRemoved {
  return replaceSetup(db, now, () => {
    db.prepare("INSERT INTO venues (id, name, name_en, kind, sort) VALUES (?, ?, ?, 'main', 0)").run(
      NEW_MAIN_VENUE.id,
      NEW_MAIN_VENUE.name,
      NEW_MAIN_VENUE.nameEn,
    );
    writeEventSetup(db, blankEvent(now), revision);
    writeEventLogo(db, null, revision);
  });
}
