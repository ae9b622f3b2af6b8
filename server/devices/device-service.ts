import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/database.ts';
import type { DeviceView } from '../../shared/identity.ts';
import type { DeviceKind } from '../../shared/permissions.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { throttle } from '../auth/failure-throttle.ts';
import { hashToken, newToken } from '../auth/secrets.ts';
import { findGroup, listVenues } from '../venues/venue-queries.ts';
import {
  deviceView,
  findDevice,
  findDeviceByTokenHash,
  insertDevice,
  listDevices,
  revokeDevice,
  setDeviceCheckpoint,
  touchDevice,
  type DeviceRecord,
} from './device-queries.ts';
import type { PairingCodes } from './pairing-codes.ts';

/** A pairing lasts the event and its set-up days; a device kept longer pairs again. */
const DEVICE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Where pairing and revocation reach the device itself. */
export interface DeviceNotifier {
  paired(socketId: string, token: string, device: DeviceView): void;
  revoked(deviceId: string): void;
  checkpointAssigned(deviceId: string, checkpointId: string | null): void;
}

export interface ApproveRequest {
  code: string;
  name: string;
  venueId: string;
  groupId?: string | null;
}

export function createDeviceService(db: Db, codes: PairingCodes, notify: DeviceNotifier, log: FastifyBaseLogger, now = Date.now) {
  return {
    startPairing: (kind: DeviceKind, socketId: string) => {
      const { code, expiresAt } = codes.issue(kind, socketId);
      return { code, expiresAt };
    },

    /** Checks a device token from a handshake: unknown, revoked and expired tokens are refused by name. */
    identify(token: string): DeviceView {
      const device = findDeviceByTokenHash(db, hashToken(token));
      if (!device) throw new HubError('DEVICE_UNKNOWN');
      if (device.revokedAt !== null) throw new HubError('DEVICE_REVOKED');
      if (device.expiresAt <= now()) throw new HubError('DEVICE_EXPIRED');
      touchDevice(db, device.id, now());
      return deviceView(device);
    },

    approve(request: ApproveRequest, actor: Actor, approverId: number | null): DeviceView {
      // Wrong codes count against the staff member trying them.
      const attempt = throttle(db, `pairing:${actor.id}`, now());
      if (attempt.lockedForMs > 0) {
        log.warn({ actor: actor.name, failures: attempt.failures }, 'pairing refused: locked after wrong codes');
        throw new HubError('RATE_LIMITED', `retry after ${Math.ceil(attempt.lockedForMs / 1000)} s`);
      }
      const venue = listVenues(db).find((v) => v.id === request.venueId);
      if (!venue) throw new HubError('UNKNOWN_VENUE');
      const group = request.groupId ? findGroup(db, request.groupId) : undefined;
      if (request.groupId && (!group || group.venueId !== venue.id || group.retired)) throw new HubError('UNKNOWN_GROUP', 'the group is not in this venue');
      const pending = codes.redeem(request.code);
      if (!pending) {
        const record = attempt.failed();
        log.warn({ actor: actor.name, failures: record.failures }, 'pairing code refused');
        throw new HubError('PAIRING_CODE_INVALID');
      }
      if (pending.kind === 'screen' && !group) throw new HubError('BAD_PAYLOAD', 'a screen needs a display group');
      attempt.succeeded();
      const token = newToken();
      const device: DeviceView = {
        id: `dev-${randomBytes(4).toString('hex')}`,
        kind: pending.kind,
        name: request.name,
        venueId: venue.id,
        groupId: pending.kind === 'screen' ? group!.id : null,
      };
      db.transaction(() => {
        insertDevice(db, { ...device, tokenHash: hashToken(token), pairedBy: approverId, expiresAt: now() + DEVICE_LIFETIME_MS }, now());
        recordAudit(db, actor, 'device:approve', `device:${device.id}`, device);
      })();
      notify.paired(pending.socketId, token, device);
      return device;
    },

    revoke(deviceId: string, actor: Actor): void {
      if (!findDevice(db, deviceId)) throw new HubError('UNKNOWN_DEVICE');
      db.transaction(() => {
        revokeDevice(db, deviceId, now());
        recordAudit(db, actor, 'device:revoke', `device:${deviceId}`);
      })();
      notify.revoked(deviceId);
    },

    /** Sets the check-in point a kiosk scans at (null: staff choose on the kiosk); the kiosk follows at once. */
    assignCheckpoint(deviceId: string, checkpointId: string | null, actor: Actor): DeviceRecord {
      const device = findDevice(db, deviceId);
      if (!device) throw new HubError('UNKNOWN_DEVICE');
      if (device.kind !== 'kiosk') throw new HubError('BAD_PAYLOAD', 'only a kiosk checks visitors in');
      if (checkpointId !== null) {
        const venue = db.prepare('SELECT venue_id FROM checkpoints WHERE id = ?').pluck().get(checkpointId) as string | undefined;
        if (!venue) throw new HubError('UNKNOWN_CHECKPOINT', `no check-in point "${checkpointId}"`);
        if (venue !== device.venueId) throw new HubError('UNKNOWN_CHECKPOINT', 'the check-in point is in another venue');
      }
      db.transaction(() => {
        setDeviceCheckpoint(db, deviceId, checkpointId);
        recordAudit(db, actor, 'device:assign', `device:${deviceId}`, { checkpointId });
      })();
      notify.checkpointAssigned(deviceId, checkpointId);
      return { ...device, checkpointId };
    },

    find: (deviceId: string): DeviceRecord | undefined => findDevice(db, deviceId),
    list: (): DeviceRecord[] => listDevices(db),
    forgetSocket: (socketId: string) => codes.forgetSocket(socketId),
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
