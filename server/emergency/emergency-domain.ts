import { visibleVenues } from '../auth/guard.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { createEmergencyService } from './emergency-service.ts';

/** Every paired screen and kiosk of a venue: where its emergency state goes. */
const venueDevicesRoom = (venueId: string) => `venue-devices:${venueId}`;

/** The emergency override: one notice over every screen and kiosk of chosen venues, until cleared; who has it on screen. */
export function emergencyDomain(core: HubCore, deps: { isOnline: (deviceId: string) => boolean }) {
  const emergency = createEmergencyService(
    core.db,
    (state) => core.broadcast(venueDevicesRoom(state.venueId), 'emergency:state', state),
    deps.isOnline,
    core.log,
    core.clock.now,
  );
  /** A raise or clear may name several venues (or all): each one is a target the guard checks. */
  const eachVenue = ({ venueIds }: { venueIds: string[] | 'all' }) => emergency.venuesOf(venueIds).map((venueId) => ({ venueId }));
  return defineDomain({
    name: 'emergency',
    commands: commands<'emergency:raise' | 'emergency:clear' | 'emergency:status' | 'emergency:shown'>({
      'emergency:raise': {
        target: eachVenue,
        run: ({ preset, text }, { targets, actor, identity }) => {
          emergency.raise(
            { preset, text },
            targets.map((target) => target.venueId!),
            actor,
          );
          return emergency.status(visibleVenues(identity));
        },
      },
      'emergency:clear': {
        target: eachVenue,
        run: (_request, { targets, actor, identity }) => {
          emergency.clear(
            targets.map((target) => target.venueId!),
            actor,
          );
          return emergency.status(visibleVenues(identity));
        },
      },
      'emergency:status': { run: (_request, { identity }) => emergency.status(visibleVenues(identity)) },
      'emergency:shown': {
        run: ({ emergencyId }, { identity }) => {
          if (identity.kind !== 'device') throw new HubError('FORBIDDEN', 'only a screen or kiosk shows a notice');
          return emergency.shown(identity.device, emergencyId);
        },
      },
    }),
    /**
     * A paired device joins its venue's room as it connects and is sent its venue's state at once,
     * unasked: a reloaded page, a reconnect or a restarted hub puts the notice straight back.
     */
    onConnect(socket) {
      const { identity } = socket.data;
      if (identity.kind !== 'device') return;
      void socket.join(venueDevicesRoom(identity.device.venueId));
      socket.emit('emergency:state', emergency.stateOf(identity.device.venueId));
    },
  });
}
