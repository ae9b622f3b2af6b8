import type { Db } from '../store/database.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import { EVENT_UTC_OFFSET_MINUTES } from './checkin-rules.ts';

/**
 * The day's counts, straight from the store. A passport is complete with a stamp at every
 * station of its venue.
 */
export function readStats(db: Db, day: string, revision: number): StatsSnapshot {
  const venues = db
    .prepare(
      `SELECT v.id, v.name, v.name_en, (SELECT COUNT(*) FROM entries e WHERE e.venue_id = v.id AND e.day = ?) AS checked_in
       FROM venues v ORDER BY v.sort`,
    )
    .all(day) as { id: string; name: string; name_en: string; checked_in: number }[];
  const stations = db
    .prepare(
      `SELECT c.id, c.name, c.name_en, (SELECT COUNT(*) FROM stamps s WHERE s.checkpoint_id = c.id) AS stamps
       FROM checkpoints c WHERE c.kind = 'station' ORDER BY c.sort`,
    )
    .all() as { id: string; name: string; name_en: string; stamps: number }[];
  const hours = db
    .prepare(`SELECT CAST(((at / 60000 + ?) % 1440) / 60 AS INTEGER) AS hour, COUNT(*) AS count FROM entries WHERE day = ? GROUP BY hour`)
    .all(EVENT_UTC_OFFSET_MINUTES, day) as { hour: number; count: number }[];
  const perHour = Array.from({ length: 24 }, (_, hour) => hours.find((row) => row.hour === hour)?.count ?? 0);
  const passportsCompleted = db
    .prepare(
      `SELECT COUNT(*) FROM (
         SELECT s.visitor_id, c.venue_id, COUNT(*) AS stamped FROM stamps s JOIN checkpoints c ON c.id = s.checkpoint_id AND c.retired_at IS NULL
         GROUP BY s.visitor_id, c.venue_id
         HAVING stamped = (SELECT COUNT(*) FROM checkpoints k WHERE k.venue_id = c.venue_id AND k.kind = 'station' AND k.retired_at IS NULL))`,
    )
    .pluck()
    .get() as number;
  return {
    registered: db.prepare('SELECT COUNT(*) FROM visitors').pluck().get() as number,
    checkedInToday: venues.reduce((sum, venue) => sum + venue.checked_in, 0),
    venues: venues.map((venue) => ({ venueId: venue.id, name: venue.name, nameEn: venue.name_en, checkedIn: venue.checked_in })),
    stations: stations.map((station) => ({ checkpointId: station.id, name: station.name, nameEn: station.name_en, stamps: station.stamps })),
    perHour,
    passportsCompleted,
    day,
    revision,
  };
}
