import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DeviceView } from '../../shared/identity.ts';
import { AssignCheckpointBody } from '../../shared/checkin.ts';
import { ApproveDeviceBody, DeviceParams, DeviceRecordView } from '../../shared/staff-rest.ts';
import { visibleVenues } from '../auth/guard.ts';
import { actorOf } from '../auth/identity.ts';
import type { DeviceService } from './device-service.ts';

/** Paired devices: list (only the caller's venues), approve a pairing code, revoke. */
export async function deviceRoutes(app: FastifyInstance, opts: { devices: DeviceService; isOnline: (deviceId: string) => boolean }): Promise<void> {
  const { devices, isOnline } = opts;
  app.get('/api/devices', { config: { action: 'device:list' }, schema: { response: { 200: Type.Array(DeviceRecordView) } } }, (request) => {
    const venues = visibleVenues(request.identity);
    return devices
      .list()
      .filter((device) => venues === null || venues.includes(device.venueId))
      .map((device) => ({ ...device, online: isOnline(device.id) }));
  });

  app.post<{ Body: ApproveDeviceBody }>(
    '/api/devices',
    { config: { action: 'device:approve' }, schema: { body: ApproveDeviceBody, response: { 200: DeviceView } } },
    (request) => {
      const approver = request.identity.kind === 'staff' ? request.identity.account.id : null;
      return devices.approve(request.body, actorOf(request.identity, request.ip), approver);
    },
  );

  app.put<{ Params: Static<typeof DeviceParams>; Body: AssignCheckpointBody }>(
    '/api/devices/:deviceId/checkpoint',
    { config: { action: 'device:assign' }, schema: { params: DeviceParams, body: AssignCheckpointBody } },
    (request) => {
      const device = devices.assignCheckpoint(request.params.deviceId, request.body.checkpointId, actorOf(request.identity, request.ip));
      return { ...device, online: isOnline(device.id) };
    },
  );

  app.post<{ Params: Static<typeof DeviceParams> }>(
    '/api/devices/:deviceId/revoke',
    { config: { action: 'device:revoke' }, schema: { params: DeviceParams } },
    (request, reply) => {
      devices.revoke(request.params.deviceId, actorOf(request.identity, request.ip));
      return reply.status(204).send();
    },
  );
}
