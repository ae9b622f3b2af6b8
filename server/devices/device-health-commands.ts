import type { Socket } from 'socket.io';
import { IDENTIFY_SECONDS } from '../../shared/device-health.ts';
import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { deviceRoom } from '../auth/socket-identity.ts';
import type { Identity } from '../auth/identity.ts';
import { HubError } from '../hub-error.ts';
import { isDeviceOnline } from './device-commands.ts';
import type { DeviceHealthStore } from './device-health.ts';

const identityOf = (socket: Socket) => socket.data.identity as Identity;

export function deviceHealthCommands(health: DeviceHealthStore): Pick<CommandHandlers, 'device:heartbeat'> {
  return {
    'device:heartbeat': (beat, socket) => {
      const identity = identityOf(socket);
      if (identity.kind !== 'device') throw new HubError('FORBIDDEN', 'only a paired device sends heartbeats');
      health.heartbeat(identity.device.id, beat);
      return {};
    },
  };
}

/** A paired device's socket closing is the last moment it was seen: noted in the store. */
export function noteDeviceDisconnect(socket: Socket, health: DeviceHealthStore): void {
  const identity = identityOf(socket);
  if (identity.kind === 'device') socket.on('disconnect', () => health.disconnected(identity.device.id));
}

/** What staff can make a device do from the console; false when the device is not connected to hear it. */
export function deviceRemote(io: () => HubIo) {
  return {
    reload(deviceId: string): boolean {
      io().to(deviceRoom(deviceId)).emit('device:reload', {});
      return isDeviceOnline(io, deviceId);
    },
    identify(deviceId: string, name: string): boolean {
      io().to(deviceRoom(deviceId)).emit('device:identify', { name, seconds: IDENTIFY_SECONDS });
      return isDeviceOnline(io, deviceId);
    },
  };
}

export type DeviceRemote = ReturnType<typeof deviceRemote>;
