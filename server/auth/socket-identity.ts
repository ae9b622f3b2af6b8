import type { FastifyBaseLogger } from 'fastify';
import { fastifyCookie } from '@fastify/cookie';
import { HubError } from '../hub-error.ts';
import type { DeviceService } from '../devices/device-service.ts';
import { refusal, type HubIo } from '../realtime/socket-server.ts';
import type { AuthService } from './auth-service.ts';
import { identityView, VISITOR, type Identity } from './identity.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import { isForeignOrigin } from './origin.ts';

export const accountRoom = (accountId: number) => `account:${accountId}`;
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;

/**
 * Decides who each socket is, on every connection and every reconnection (connection state
 * recovery is off, so nobody skips this): a device by its token, staff by their session
 * cookie, anyone else a visitor. A browser page from another site is refused outright.
 */
export function identifySockets(io: HubIo, auth: AuthService, devices: DeviceService, log: FastifyBaseLogger): void {
  io.use((socket, next) => {
    const { headers } = socket.handshake;
    if (isForeignOrigin(headers.origin, headers.host)) {
      log.warn({ origin: headers.origin }, 'socket refused: foreign origin');
      return next(refusal('ORIGIN_REFUSED', `origin ${String(headers.origin).slice(0, 80)} is not this hub`));
    }
    let identity: Identity;
    const token = socket.data.deviceToken;
    if (token) {
      try {
        identity = { kind: 'device', device: devices.identify(token) };
      } catch (error) {
        const code = error instanceof HubError ? error.code : 'INTERNAL';
        log.warn({ code }, 'socket refused: device token');
        return next(refusal(code, 'device token refused'));
      }
    } else {
      const cookies = fastifyCookie.parse(headers.cookie ?? '');
      identity = auth.sessionOf(cookies[SESSION_COOKIE])?.identity ?? VISITOR;
    }
    socket.data.identity = identity;
    next();
  });

  io.on('connection', (socket) => {
    const { identity } = socket.data;
    if (identity.kind === 'staff') void socket.join(accountRoom(identity.account.id));
    if (identity.kind === 'device') void socket.join(deviceRoom(identity.device.id));
    socket.emit('hub:identity', identityView(identity));
  });
}
