import type { InUseReason, VenueSetup } from '../../shared/venue-setup.ts';
import type { Db } from '../store/database.ts';

interface VenueRow {
  id: string;
  name: string;
  name_en: string;
  kind: 'main' | 'sub';
  unit: string;
  address: string;
  retired_at: number | null;
}
interface GroupRow {
  id: string;
  venue_id: string;
  name: string;
  name_en: string;
  retired_at: number | null;
}
interface PointRow extends GroupRow {
  kind: 'entrance' | 'station';
}

/** Every venue with its groups and points, retired ones included (the setup page shows them greyed). */
export function readVenueSetups(db: Db, venueIds: string[] | null): VenueSetup[] {
  const venues = db.prepare('SELECT id, name, name_en, kind, unit, address, retired_at FROM venues ORDER BY sort, rowid').all() as VenueRow[];
  const groups = db.prepare('SELECT id, venue_id, name, name_en, retired_at FROM display_groups ORDER BY sort, rowid').all() as GroupRow[];
  const points = db.prepare('SELECT id, venue_id, kind, name, name_en, retired_at FROM checkpoints ORDER BY sort, rowid').all() as PointRow[];
  return venues
    .filter((venue) => venueIds === null || venueIds.includes(venue.id))
    .map((venue) => ({
      id: venue.id,
      name: venue.name,
      nameEn: venue.name_en,
      kind: venue.kind,
      unit: venue.unit,
      address: venue.address,
      retired: venue.retired_at !== null,
      groups: groups
        .filter((group) => group.venue_id === venue.id)
        .map((group) => ({ id: group.id, name: group.name, nameEn: group.name_en, retired: group.retired_at !== null })),
      points: points
        .filter((point) => point.venue_id === venue.id)
        .map((point) => ({ id: point.id, kind: point.kind, name: point.name, nameEn: point.name_en, retired: point.retired_at !== null })),
    }));
}

const count = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
/** A JSON array of ids that holds this one (programme items' groups, accounts' venues, emergencies' venues). */
const inJsonList = (column: string) => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`;

/** What still refers to a screen group: paired screens, scenes it showed, programme items. */
export function groupUses(db: Db, groupId: string): InUseReason[] {
  const uses: [InUseReason, number][] = [
    ['devices', count(db, 'SELECT COUNT(*) FROM devices WHERE group_id = ?', groupId)],
    ['scenes', count(db, 'SELECT COUNT(*) FROM stage_history WHERE group_id = ?', groupId)],
    ['programme', count(db, `SELECT COUNT(*) FROM programme_items WHERE ${inJsonList('group_ids_json')}`, groupId)],
  ];
  return uses.filter(([, n]) => n > 0).map(([reason]) => reason);
}

/** What still refers to a check-in point: kiosks set to it, scans made there. */
export function pointUses(db: Db, pointId: string): InUseReason[] {
  const uses: [InUseReason, number][] = [
    ['devices', count(db, 'SELECT COUNT(*) FROM devices WHERE checkpoint_id = ?', pointId)],
    ['checkins', count(db, 'SELECT COUNT(*) FROM scans WHERE checkpoint_id = ?', pointId)],
  ];
  return uses.filter(([, n]) => n > 0).map(([reason]) => reason);
}

/** What still refers to a venue: its groups' and points' uses, and its own devices, visitors, accounts, notices, teams. */
export function venueUses(db: Db, venueId: string): InUseReason[] {
  const groupIds = db.prepare('SELECT id FROM display_groups WHERE venue_id = ?').pluck().all(venueId) as string[];
  const pointIds = db.prepare('SELECT id FROM checkpoints WHERE venue_id = ?').pluck().all(venueId) as string[];
  const own: [InUseReason, number][] = [
    ['devices', count(db, 'SELECT COUNT(*) FROM devices WHERE venue_id = ?', venueId)],
    [
      'checkins',
      count(db, 'SELECT COUNT(*) FROM entries WHERE venue_id = ?', venueId) + count(db, 'SELECT COUNT(*) FROM challenges WHERE venue_id = ?', venueId),
    ],
    ['accounts', count(db, `SELECT COUNT(*) FROM accounts WHERE venue_ids IS NOT NULL AND ${inJsonList('venue_ids')}`, venueId)],
    ['emergencies', count(db, `SELECT COUNT(*) FROM emergencies WHERE ${inJsonList('venue_ids_json')}`, venueId)],
    ['players', count(db, 'SELECT COUNT(*) FROM live_players WHERE team = ?', venueId)],
  ];
  const reasons = new Set([
    ...own.filter(([, n]) => n > 0).map(([reason]) => reason),
    ...groupIds.flatMap((id) => groupUses(db, id)),
    ...pointIds.flatMap((id) => pointUses(db, id)),
  ]);
  return [...reasons];
}
