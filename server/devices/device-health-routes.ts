import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DeviceHealthView } from '../../shared/device-health.ts';
import { DeviceParams } from '../../shared/staff-rest.ts';
import { visibleVenues } from '../auth/guard.ts';
import { actorOf } from '../auth/identity.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../store/database.ts';
import { HubError } from '../hub-error.ts';
import type { DeviceService } from './device-service.ts';
import type { DeviceHealthStore } from './device-health.ts';
import type { DeviceRemote } from './device-health-commands.ts';

const Delivered = Type.Object({ delivered: Type.Boolean() });

/** The health wall: every device of my venues with its last heartbeat; reload one, or make it show its name. */
export async function deviceHealthRoutes(
  app: FastifyInstance,
  opts: { db: Db; devices: DeviceService; health: DeviceHealthStore; remote: DeviceRemote; isOnline: (deviceId: string) => boolean },
): Promise<void> {
  const { db, devices, health, remote, isOnline } = opts;
  app.get('/api/devices/health', { config: { action: 'device:list' }, schema: { response: { 200: Type.Array(DeviceHealthView) } } }, (request) => {
    const venues = visibleVenues(request.identity);
    return devices
      .list()
      .filter((device) => venues === null || venues.includes(device.venueId))
      .map((device) => health.view({ ...device, online: isOnline(device.id) }));
  });

  for (const action of ['reload', 'identify'] as const) {
    app.post<{ Params: Static<typeof DeviceParams> }>(
      `/api/devices/:deviceId/${action}`,
      { config: { action: `device:${action}` }, schema: { params: DeviceParams, response: { 200: Delivered } } },
      (request) => {
        const device = devices.find(request.params.deviceId);
        if (!device) throw new HubError('UNKNOWN_DEVICE');
        if (device.revokedAt !== null) throw new HubError('DEVICE_REVOKED');
        recordAudit(db, actorOf(request.identity, request.ip), `device:${action}`, `device:${device.id}`);
        return { delivered: action === 'reload' ? remote.reload(device.id) : remote.identify(device.id, device.name) };
      },
    );
  }
}
