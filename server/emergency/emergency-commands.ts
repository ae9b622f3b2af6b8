import type { Socket } from 'socket.io';
import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { checkReach, visibleVenues } from '../auth/guard.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import { HubError } from '../hub-error.ts';
import type { EmergencyPublisher, EmergencyService } from './emergency-service.ts';

/** Every paired screen and kiosk of a venue: where its emergency state goes. */
export const venueDevicesRoom = (venueId: string) => `venue-devices:${venueId}`;
const identityOf = (socket: Socket) => socket.data.identity as Identity;

export function emergencyPublisher(io: () => HubIo): EmergencyPublisher {
  return (state) => io().to(venueDevicesRoom(state.venueId)).emit('emergency:state', state);
}

/**
 * A paired device joins its venue's room as it connects and is sent its venue's state at once,
 * unasked: a reloaded page, a reconnect or a restarted hub puts the notice straight back.
 */
export function sendEmergencyOnConnect(socket: Socket, emergency: EmergencyService): void {
  const identity = identityOf(socket);
  if (identity.kind !== 'device') return;
  void socket.join(venueDevicesRoom(identity.device.venueId));
  socket.emit('emergency:state', emergency.stateOf(identity.device.venueId));
}

export function emergencyCommands(emergency: EmergencyService): Pick<CommandHandlers, 'emergency:raise' | 'emergency:clear' | 'emergency:status' | 'emergency:shown'> {
  /**
   * A raise or clear may name several venues: the guard's reach check runs for each, so one
   * venue outside an account's venues refuses the whole request before anything changes.
   */
  const reachable = (socket: Socket, action: 'emergency:raise' | 'emergency:clear', choice: string[] | 'all') => {
    const venues = emergency.venuesOf(choice);
    for (const venueId of venues) checkReach(identityOf(socket), action, { venueId });
    return venues;
  };
  const actor = (socket: Socket) => actorOf(identityOf(socket), socket.handshake.address);
  return {
    'emergency:raise': ({ venueIds, preset, text }, socket) => {
      emergency.raise({ preset, text }, reachable(socket, 'emergency:raise', venueIds), actor(socket));
      return emergency.status(visibleVenues(identityOf(socket)));
    },
    'emergency:clear': ({ venueIds }, socket) => {
      emergency.clear(reachable(socket, 'emergency:clear', venueIds), actor(socket));
      return emergency.status(visibleVenues(identityOf(socket)));
    },
    'emergency:status': (_request, socket) => emergency.status(visibleVenues(identityOf(socket))),
    'emergency:shown': ({ emergencyId }, socket) => {
      const identity = identityOf(socket);
      if (identity.kind !== 'device') throw new HubError('FORBIDDEN', 'only a screen or kiosk shows a notice');
      return emergency.shown(identity.device, emergencyId);
    },
  };
}
