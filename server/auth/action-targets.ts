import type { Db } from '../store/database.ts';
import type { Action } from '../../shared/permissions.ts';
import { HubError } from '../hub-error.ts';
import { findDevice } from '../devices/device-queries.ts';
import { findGroup } from '../venues/venue-queries.ts';
import type { Target } from './guard.ts';

/** Finds the venue (and group) a checked request touches, for the guard's reach step. */
export function createTargetResolver(db: Db) {
  // Prepared once: every check-in event passes through here.
  const checkpointRow = db.prepare('SELECT venue_id FROM checkpoints WHERE id = ?');
  const checkpointVenue = (checkpointId: string): string => {
    const row = checkpointRow.get(checkpointId) as { venue_id: string } | undefined;
    if (!row) throw new HubError('UNKNOWN_CHECKPOINT', `no check-in point "${checkpointId}"`);
    return row.venue_id;
  };
  return (action: Action, input: Record<string, unknown>): Target | undefined => {
    switch (action) {
      case 'stage:watch':
      case 'stage:prepare':
      case 'stage:follow':
      case 'stage:take': {
        const group = findGroup(db, String(input.groupId));
        if (!group) throw new HubError('UNKNOWN_GROUP', `no display group "${String(input.groupId)}"`);
        return { venueId: group.venueId, groupId: group.id };
      }
      case 'device:approve':
        return { venueId: String(input.venueId) };
      case 'device:reload':
      case 'device:identify':
      case 'device:assign':
      case 'device:revoke': {
        const device = findDevice(db, String(input.deviceId));
        if (!device) throw new HubError('UNKNOWN_DEVICE');
        return { venueId: device.venueId };
      }
      case 'visitor:export':
        return input.venueId ? { venueId: String(input.venueId) } : undefined;
      case 'checkin:scan':
        return { venueId: checkpointVenue(String(input.checkpointId)) };
      case 'checkin:upload': {
        const venues = new Set(((input.scans ?? []) as { checkpointId: string }[]).map((scan) => checkpointVenue(scan.checkpointId)));
        if (venues.size !== 1) throw new HubError('BAD_PAYLOAD', 'one upload holds the scans of one venue');
        return { venueId: [...venues][0] };
      }
      // A raise or clear may name several venues: emergency-commands.ts checks each with the same guard.
      case 'emergency:raise':
      case 'emergency:clear':
        return undefined;
      default:
        return undefined;
    }
  };
}

export type TargetResolver = ReturnType<typeof createTargetResolver>;
