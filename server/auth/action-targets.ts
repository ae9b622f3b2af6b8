import type { Db } from '../store/database.ts';
import type { Action } from '../../shared/permissions.ts';
import { HubError } from '../hub-error.ts';
import { findDevice } from '../devices/device-queries.ts';
import { findGroup } from '../venues/venue-queries.ts';
import type { Target } from './guard.ts';

/** Finds the venue (and group) a checked request touches, for the guard's reach step. */
export function createTargetResolver(db: Db) {
  return (action: Action, input: Record<string, unknown>): Target | undefined => {
    switch (action) {
      case 'stage:watch':
      case 'stage:prepare':
      case 'stage:take': {
        const group = findGroup(db, String(input.groupId));
        if (!group) throw new HubError('UNKNOWN_GROUP', `no display group "${String(input.groupId)}"`);
        return { venueId: group.venueId, groupId: group.id };
      }
      case 'device:approve':
        return { venueId: String(input.venueId) };
      case 'device:revoke': {
        const device = findDevice(db, String(input.deviceId));
        if (!device) throw new HubError('UNKNOWN_DEVICE');
        return { venueId: device.venueId };
      }
      default:
        return undefined;
    }
  };
}

export type TargetResolver = ReturnType<typeof createTargetResolver>;
