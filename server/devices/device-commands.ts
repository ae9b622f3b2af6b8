import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { deviceRoom } from '../auth/socket-identity.ts';
import type { DeviceNotifier, DeviceService } from './device-service.ts';

export function deviceCommands(devices: DeviceService): Pick<CommandHandlers, 'pairing:start'> {
  return { 'pairing:start': ({ kind }, socket) => devices.startPairing(kind, socket.id) };
}

/**
 * A paired device gets its token on the socket that showed the code; a revoked one is told,
 * then disconnected, and its handshake is refused from then on.
 */
export function deviceNotifier(io: () => HubIo): DeviceNotifier {
  return {
    paired: (socketId, token, device) => io().to(socketId).emit('device:paired', { token, device }),
    revoked: (deviceId) => {
      io().to(deviceRoom(deviceId)).emit('device:revoked', {});
      io().in(deviceRoom(deviceId)).disconnectSockets(true);
    },
    checkpointAssigned: (deviceId, checkpointId) => io().to(deviceRoom(deviceId)).emit('checkin:assigned', { checkpointId }),
  };
}

export function isDeviceOnline(io: () => HubIo, deviceId: string): boolean {
  return (io().sockets.adapter.rooms.get(deviceRoom(deviceId))?.size ?? 0) > 0;
}
