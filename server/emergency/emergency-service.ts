import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/database.ts';
import type { EmergencyDeviceStatus, EmergencyRaiseRequest, EmergencyStatus, VenueEmergency } from '../../shared/emergency.ts';
import type { DeviceView } from '../../shared/identity.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { listDevices } from '../devices/device-queries.ts';
import { listVenues } from '../venues/venue-queries.ts';
import { deviceEmergencyState, noticeFrom, pickVenues } from './emergency-rules.ts';
import { createEmergencyStore } from './emergency-store.ts';

/** Where a venue's new emergency state goes: every screen and kiosk of that venue. */
export type EmergencyPublisher = (state: VenueEmergency) => void;

/**
 * Raise and clear notices (stored, audited, then pushed), and keep which device acknowledged
 * which notice. Acknowledgements live in memory: after a hub restart every device reconnects,
 * gets the notice again and acknowledges it again within a second.
 */
export function createEmergencyService(db: Db, publish: EmergencyPublisher, isOnline: (deviceId: string) => boolean, log: FastifyBaseLogger, now = Date.now) {
  const store = createEmergencyStore(db);
  const acks = new Map<string, { emergencyId: string; at: number }>();
  const venueIds = () => listVenues(db).map((venue) => venue.id);

  function states(): Map<string, VenueEmergency> {
    const stored = new Map(store.venues().map((state) => [state.venueId, state]));
    return new Map(venueIds().map((venueId) => [venueId, stored.get(venueId) ?? { venueId, revision: 0, emergency: null }]));
  }
  const stateOf = (venueId: string): VenueEmergency => states().get(venueId) ?? { venueId, revision: 0, emergency: null };

  return {
    stateOf,
    /** The venues a request means (unknown ones refused by name), for the reach check before anything changes. */
    venuesOf: (choice: string[] | 'all') => pickVenues(choice, venueIds()),

    raise(request: Pick<EmergencyRaiseRequest, 'preset' | 'text'>, venues: string[], actor: Actor): VenueEmergency[] {
      const notice = noticeFrom(request);
      const id = `em-${randomBytes(4).toString('hex')}`;
      db.transaction(() => {
        store.raise(id, notice, venues, actor.name, now());
        recordAudit(db, actor, 'emergency:raise', `emergency:${id}`, {
          venueIds: venues,
          preset: notice.preset,
          ...(notice.preset ? {} : { text: notice.body['zh-CN'] }),
        });
      })();
      log.warn({ emergencyId: id, venues, preset: notice.preset, actor: actor.name }, 'emergency raised');
      const raised = venues.map(stateOf);
      raised.forEach(publish);
      return raised;
    },

    clear(venues: string[], actor: Actor): VenueEmergency[] {
      const current = states();
      const active = venues.filter((venueId) => current.get(venueId)?.emergency);
      if (active.length === 0) throw new HubError('EMERGENCY_NONE', `no notice on in ${venues.join(', ')}`);
      const emergencyIds = [...new Set(active.map((venueId) => current.get(venueId)!.emergency!.id))];
      db.transaction(() => {
        store.clear(active, now());
        recordAudit(db, actor, 'emergency:clear', `venues:${active.join(',')}`, { venueIds: active, emergencyIds });
      })();
      log.warn({ venues: active, emergencyIds, actor: actor.name }, 'emergency cleared');
      const cleared = active.map(stateOf);
      cleared.forEach(publish);
      return cleared;
    },

    /** A device shows (or no longer shows) a notice; an acknowledgement of an old notice is not kept. */
    shown(device: DeviceView, emergencyId: string | null): { current: boolean } {
      const emergency = stateOf(device.venueId).emergency;
      if (emergencyId === null || emergency?.id !== emergencyId) {
        if (emergencyId === null) acks.delete(device.id);
        return { current: emergency === null && emergencyId === null };
      }
      acks.set(device.id, { emergencyId, at: now() });
      return { current: true };
    },

    /** Each venue the caller may see (null: all), and every live device of a venue under a notice. */
    status(visibleVenues: string[] | null): EmergencyStatus {
      const venues = [...states().values()].filter((state) => visibleVenues === null || visibleVenues.includes(state.venueId));
      const underNotice = new Map(venues.filter((state) => state.emergency).map((state) => [state.venueId, state.emergency!.id]));
      const devices: EmergencyDeviceStatus[] = listDevices(db)
        .filter((device) => device.revokedAt === null && device.expiresAt > now() && underNotice.has(device.venueId))
        .map((device) => {
          const ack = acks.get(device.id);
          const emergencyId = underNotice.get(device.venueId)!;
          const state = deviceEmergencyState(isOnline(device.id), ack?.emergencyId, emergencyId);
          return {
            deviceId: device.id,
            name: device.name,
            kind: device.kind,
            venueId: device.venueId,
            groupId: device.groupId,
            state,
            shownAt: ack?.emergencyId === emergencyId ? ack.at : null,
          };
        });
      return { venues, devices };
    },
  };
}
