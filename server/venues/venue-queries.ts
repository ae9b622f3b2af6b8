import type { Db } from '../store/database.ts';
import type { DisplayGroup, Venue } from '../../shared/venues.ts';

interface GroupRow {
  id: string;
  venue_id: string;
  name: string;
  name_en: string;
}

const toGroup = (row: GroupRow): DisplayGroup => ({ id: row.id, venueId: row.venue_id, name: row.name, nameEn: row.name_en });

/** The venues and groups pickers offer: retired ones left out (their history stays in the store). */
export function listVenues(db: Db): Venue[] {
  const venues = db.prepare('SELECT id, name, name_en, kind FROM venues WHERE retired_at IS NULL ORDER BY sort').all() as {
    id: string;
    name: string;
    name_en: string;
    kind: 'main' | 'sub';
  }[];
  const groups = (db.prepare('SELECT id, venue_id, name, name_en FROM display_groups WHERE retired_at IS NULL ORDER BY sort').all() as GroupRow[]).map(toGroup);
  return venues.map((venue) => ({
    id: venue.id,
    name: venue.name,
    nameEn: venue.name_en,
    kind: venue.kind,
    groups: groups.filter((group) => group.venueId === venue.id),
  }));
}

/** A group by id, retired or not (a screen paired to it before keeps working). */
export function findGroup(db: Db, groupId: string): (DisplayGroup & { venueName: string; retired: boolean }) | undefined {
  const row = db
    .prepare(
      `SELECT g.id, g.venue_id, g.name, g.name_en, g.retired_at, v.name AS venue_name
       FROM display_groups g JOIN venues v ON v.id = g.venue_id WHERE g.id = ?`,
    )
    .get(groupId) as (GroupRow & { venue_name: string; retired_at: number | null }) | undefined;
  return row && { ...toGroup(row), venueName: row.venue_name, retired: row.retired_at !== null };
}
