import { isAllowed, PERMISSIONS, type Action } from '../../shared/permissions.ts';
import { HubError } from '../hub-error.ts';
import { principalOf, type Identity } from './identity.ts';

/** What an action touches, for venue-scoped permissions. */
export interface Target {
  venueId?: string;
  groupId?: string;
}

/**
 * The one guard, in two steps so that nobody learns what exists before their role is checked:
 * the role (before the payload is even read), then the reach (once the target is known).
 * `now` is the hub's clock (a staff session's expiry is read against it, as it was set by it).
 */
export function checkRole(identity: Identity, action: Action, now: number): void {
  if (identity.kind === 'staff' && identity.sessionExpiresAt <= now) throw new HubError('UNAUTHENTICATED', 'the session has expired');
  if (identity.kind === 'staff' && identity.account.mustChangePassword) throw new HubError('PASSWORD_CHANGE_REQUIRED');
  if (isAllowed(action, principalOf(identity))) return;
  throw new HubError(identity.kind === 'visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `${principalOf(identity)} may not ${action}`);
}

export function checkReach(identity: Identity, action: Action, target: Target | undefined): void {
  if (PERMISSIONS[action].scope !== 'venue' || !target) return;
  if (!reaches(identity, target)) throw new HubError('FORBIDDEN', `${action} is outside this account's venues`);
}

/** Venues whose things an identity may see; null for every venue. */
export function visibleVenues(identity: Identity): string[] | null {
  if (identity.kind === 'staff') return identity.account.role === 'admin' ? null : identity.account.venueIds;
  if (identity.kind === 'device') return [identity.device.venueId];
  return [];
}

export function reaches(identity: Identity, target: Target): boolean {
  if (identity.kind === 'device') {
    return target.venueId === identity.device.venueId && (target.groupId === undefined || target.groupId === identity.device.groupId);
  }
  const venues = visibleVenues(identity);
  return venues === null || (target.venueId !== undefined && venues.includes(target.venueId));
}
