import type { Db } from '../store/database.ts';
import type { EmergencyNotice, VenueEmergency } from '../../shared/emergency.ts';
import type { NoticeContent } from './emergency-rules.ts';

/** The emergency override's SQL: notices, and each venue's current one with its revision. */
export function createEmergencyStore(db: Db) {
  const insertNotice = db.prepare(
    `INSERT INTO emergencies (id, preset, tone, title_json, body_json, venue_ids_json, raised_at, raised_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setVenue = db.prepare(
    `INSERT INTO venue_emergencies (venue_id, revision, emergency_id) VALUES (?, 1, ?)
     ON CONFLICT (venue_id) DO UPDATE SET revision = revision + 1, emergency_id = excluded.emergency_id`,
  );
  // A notice no venue shows any more is over: note when.
  const closeUnused = db.prepare(
    `UPDATE emergencies SET cleared_at = ? WHERE cleared_at IS NULL
     AND id NOT IN (SELECT emergency_id FROM venue_emergencies WHERE emergency_id IS NOT NULL)`,
  );
  const readVenues = db.prepare(
    `SELECT v.venue_id, v.revision, e.id, e.preset, e.tone, e.title_json, e.body_json, e.raised_at
     FROM venue_emergencies v LEFT JOIN emergencies e ON e.id = v.emergency_id`,
  );

  type Row = {
    venue_id: string;
    revision: number;
    id: string | null;
    preset: EmergencyNotice['preset'];
    tone: EmergencyNotice['tone'];
    title_json: string;
    body_json: string;
    raised_at: number;
  };
  const toState = (row: Row): VenueEmergency => ({
    venueId: row.venue_id,
    revision: row.revision,
    emergency: row.id
      ? { id: row.id, preset: row.preset, tone: row.tone, title: JSON.parse(row.title_json), body: JSON.parse(row.body_json), raisedAt: row.raised_at }
      : null,
  });

  return {
    /** Every venue that ever had a notice; a venue missing here has none (revision 0). */
    venues: (): VenueEmergency[] => (readVenues.all() as Row[]).map(toState),
    raise(id: string, notice: NoticeContent, venueIds: string[], raisedBy: string, now: number): void {
      insertNotice.run(id, notice.preset, notice.tone, JSON.stringify(notice.title), JSON.stringify(notice.body), JSON.stringify(venueIds), now, raisedBy);
      for (const venueId of venueIds) setVenue.run(venueId, id);
      closeUnused.run(now);
    },
    clear(venueIds: string[], now: number): void {
      for (const venueId of venueIds) setVenue.run(venueId, null);
      closeUnused.run(now);
    },
  };
}
