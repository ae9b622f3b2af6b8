import type { ReadinessItem, ReadinessReply } from '../../shared/readiness.ts';
import type { Scene } from '../../shared/scenes.ts';
import type { Db } from '../store/database.ts';

type Named = { id: string; name: string; venue_id: string };

/**
 * What is still missing before the day in these venues (null: all), venue by venue in the
 * console's order. Retired venues, groups and points are left out; a paired device is one not
 * revoked and not expired at `now`.
 */
export function readiness(db: Db, venueIds: string[] | null, now: number): ReadinessReply {
  const all = db.prepare('SELECT id, name, kind FROM venues WHERE retired_at IS NULL ORDER BY sort, id').all() as {
    id: string;
    name: string;
    kind: 'main' | 'sub';
  }[];
  const venues = all.filter((venue) => venueIds === null || venueIds.includes(venue.id));
  const inScope = new Set(venues.map((venue) => venue.id));
  const venueName = new Map(all.map((venue) => [venue.id, venue.name]));
  const paired = db.prepare('SELECT kind, venue_id, group_id, checkpoint_id FROM devices WHERE revoked_at IS NULL AND expires_at > ?').all(now) as {
    kind: 'screen' | 'kiosk';
    venue_id: string;
    group_id: string | null;
    checkpoint_id: string | null;
  }[];
  const screens = paired.filter((device) => device.kind === 'screen');
  const operators = (
    db.prepare("SELECT id, username, display_name, venue_ids FROM accounts WHERE role = 'operator' AND disabled = 0 ORDER BY username").all() as {
      id: number;
      username: string;
      display_name: string;
      venue_ids: string | null;
    }[]
  ).map((operator) => ({ ...operator, venues: JSON.parse(operator.venue_ids ?? '[]') as string[] }));
  const signedIn = new Set(db.prepare("SELECT DISTINCT target FROM audit_log WHERE action = 'session:sign-in'").pluck().all() as string[]);
  const items: ReadinessItem[] = [];
  const add = (kind: ReadinessItem['kind'], venueId: string | null, subject = '') =>
    items.push({ kind, venueId, venueName: venueId ? (venueName.get(venueId) ?? venueId) : '', subject });

  for (const venue of venues) {
    if (!screens.some((device) => device.venue_id === venue.id)) add('venue-no-screen', venue.id);
    if (venue.kind === 'sub' && !operators.some((operator) => operator.venues.includes(venue.id))) add('venue-no-operator', venue.id);
  }
  const groups = db
    .prepare(
      `SELECT g.id, g.name, g.venue_id, s.scene_json FROM display_groups g
       LEFT JOIN stage_slots s ON s.group_id = g.id AND s.slot = 'program'
       WHERE g.retired_at IS NULL ORDER BY g.sort, g.id`,
    )
    .all() as (Named & { scene_json: string | null })[];
  for (const group of groups.filter((one) => inScope.has(one.venue_id))) {
    if (!screens.some((device) => device.group_id === group.id)) add('group-no-screen', group.venue_id, group.name);
    if (!group.scene_json || (JSON.parse(group.scene_json) as Scene).kind === 'blank') add('group-nothing-on-air', group.venue_id, group.name);
  }
  const points = db.prepare('SELECT id, name, venue_id FROM checkpoints WHERE retired_at IS NULL ORDER BY sort, id').all() as Named[];
  for (const point of points.filter((one) => inScope.has(one.venue_id))) {
    if (!paired.some((device) => device.kind === 'kiosk' && device.checkpoint_id === point.id)) add('point-no-kiosk', point.venue_id, point.name);
  }
  for (const operator of operators) {
    if (signedIn.has(`account:${operator.id}`)) continue;
    const runs = operator.venues.filter((id) => inScope.has(id));
    // An operator of no venue in scope is someone else's to chase.
    if (runs.length > 0 || venueIds === null) add('operator-never-signed-in', runs[0] ?? null, `${operator.display_name}（${operator.username}）`);
  }
  if (venueIds === null) {
    const programme = db.prepare('SELECT title, scene_json FROM programme_items ORDER BY start_min, id').all() as { title: string; scene_json: string }[];
    for (const item of programme) if ((JSON.parse(item.scene_json) as Scene).kind === 'blank') add('programme-no-scene', null, item.title);
  }
  return { items, venues: venues.length };
}
