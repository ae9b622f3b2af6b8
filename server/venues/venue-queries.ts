import type { Db } from '../store/database.ts';
import type { DisplayGroup, Venue } from '../../shared/venues.ts';

interface GroupRow {
  id: string;
  venue_id: string;
  name: string;
  name_en: string;
}

const toGroup = (row: GroupRow): DisplayGroup => ({ id: row.id, venueId: row.venue_id, name: row.name, nameEn: row.name_en });

export function listVenues(db: Db): Venue[] {
  const venues = db.prepare('SELECT id, name, name_en, kind FROM venues ORDER BY sort').all() as {
    id: string;
    name: string;
    name_en: string;
    kind: 'main' | 'sub';
  }[];
  const groups = (db.prepare('SELECT id, venue_id, name, name_en FROM display_groups ORDER BY sort').all() as GroupRow[]).map(toGroup);
  return venues.map((venue) => ({
    id: venue.id,
    name: venue.name,
    nameEn: venue.name_en,
    kind: venue.kind,
    groups: groups.filter((group) => group.venueId === venue.id),
  }));
}

export function findGroup(db: Db, groupId: string): (DisplayGroup & { venueName: string }) | undefined {
  const row = db
    .prepare(
      `SELECT g.id, g.venue_id, g.name, g.name_en, v.name AS venue_name
       FROM display_groups g JOIN venues v ON v.id = g.venue_id WHERE g.id = ?`,
    )
    .get(groupId) as (GroupRow & { venue_name: string }) | undefined;
  return row && { ...toGroup(row), venueName: row.venue_name };
}
