import { IDENTIFY_SECONDS, deviceHealthHttp } from '../../shared/device-health.ts';
import { deviceHttp } from '../../shared/staff-rest.ts';
import type { Identity } from '../auth/identity.ts';
import { actorOf } from '../auth/identity.ts';
import { visibleVenues } from '../auth/guard.ts';
import { deviceRoom } from '../auth/socket-identity.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { afterCommit } from '../store/after-commit.ts';
import { serve } from '../web/serve.ts';
import { createDeviceHealth } from './device-health.ts';
import { createDeviceService, type DeviceNotifier } from './device-service.ts';
import { createPairingCodes } from './pairing-codes.ts';

const deviceOnly = (identity: Identity) => {
  if (identity.kind !== 'device') throw new HubError('FORBIDDEN', 'only a paired device does this');
  return identity.device;
};

/**
 * Screens and kiosks: pairing by a code staff approve, revoking, the kiosk's check-in point, and
 * their health (heartbeats, the wall, reload and identify from the console).
 */
export function devicesDomain(core: HubCore) {
  const { db, broadcast } = core;
  const isOnline = (deviceId: string) => (core.io().sockets.adapter.rooms.get(deviceRoom(deviceId))?.size ?? 0) > 0;
  // A paired device gets its token on the socket that showed the code; a revoked one is told,
  // then disconnected, and its handshake is refused from then on.
  const notify: DeviceNotifier = {
    paired: (socketId, token, device) => broadcast(socketId, 'device:paired', { token, device }),
    revoked: (deviceId) => {
      broadcast(deviceRoom(deviceId), 'device:revoked', {});
      afterCommit(db, () => core.io().in(deviceRoom(deviceId)).disconnectSockets(true));
    },
    checkpointAssigned: (deviceId, checkpointId) => broadcast(deviceRoom(deviceId), 'checkin:assigned', { checkpointId }),
  };
  const devices = createDeviceService(db, createPairingCodes(core.clock.now), notify, core.log, core.clock.now);
  const health = createDeviceHealth(db, undefined, core.clock);
  /** The venue of the device a request names: what the guard's reach step checks. */
  const deviceTarget = (input: Record<string, unknown>) => {
    const device = devices.find(String(input.deviceId));
    if (!device) throw new HubError('UNKNOWN_DEVICE');
    return { venueId: device.venueId };
  };
  const mine = <T extends { venueId: string }>(identity: Identity, list: T[]) => {
    const venues = visibleVenues(identity);
    return list.filter((device) => venues === null || venues.includes(device.venueId));
  };

  return defineDomain({
    name: 'devices',
    service: devices,
    isOnline,
    commands: commands<'pairing:start' | 'device:heartbeat'>({
      'pairing:start': { run: ({ kind }, { socket }) => devices.startPairing(kind, socket.id) },
      'device:heartbeat': {
        run: (beat, { identity }) => {
          health.heartbeat(deviceOnly(identity).id, beat);
          return {};
        },
      },
    }),
    onConnect(socket) {
      // A pairing code dies with its socket; a paired device's leaving is the last moment it was seen.
      socket.on('disconnect', () => devices.forgetSocket(socket.id));
      const { identity } = socket.data;
      if (identity.kind === 'device') socket.on('disconnect', () => health.disconnected(identity.device.id));
    },
    stop: () => health.stop(),
    async routes(app) {
      serve(app, deviceHttp.list, { action: 'device:list' }, (request) =>
        mine(request.identity, devices.list()).map((device) => ({ ...device, online: isOnline(device.id) })),
      );
      serve(app, deviceHttp.approve, { action: 'device:approve', target: (input) => ({ venueId: String(input.venueId) }) }, (request) => {
        const approver = request.identity.kind === 'staff' ? request.identity.account.id : null;
        return devices.approve(request.body, actorOf(request.identity, request.ip), approver);
      });
      serve(app, deviceHttp.assignCheckpoint, { action: 'device:assign', target: deviceTarget }, (request) => {
        const device = devices.assignCheckpoint(request.params.deviceId, request.body.checkpointId, actorOf(request.identity, request.ip));
        return { ...device, online: isOnline(device.id) };
      });
      serve(app, deviceHttp.revoke, { action: 'device:revoke', target: deviceTarget }, (request, reply) => {
        devices.revoke(request.params.deviceId, actorOf(request.identity, request.ip));
        return reply.status(204).send();
      });
      // The health wall: every device of my venues with its last heartbeat; reload one, or make it show its name.
      serve(app, deviceHealthHttp.list, { action: 'device:list' }, (request) =>
        mine(request.identity, devices.list()).map((device) => health.view({ ...device, online: isOnline(device.id) })),
      );
      for (const action of ['reload', 'identify'] as const) {
        serve(app, deviceHealthHttp[action], { action: `device:${action}`, target: deviceTarget }, (request) => {
          const device = devices.find(request.params.deviceId);
          if (!device) throw new HubError('UNKNOWN_DEVICE');
          if (device.revokedAt !== null) throw new HubError('DEVICE_REVOKED');
          recordAudit(db, actorOf(request.identity, request.ip), `device:${action}`, `device:${device.id}`);
          if (action === 'reload') broadcast(deviceRoom(device.id), 'device:reload', {});
          else broadcast(deviceRoom(device.id), 'device:identify', { name: device.name, seconds: IDENTIFY_SECONDS });
          return { delivered: isOnline(device.id) };
        });
      }
    },
  });
}
