import type { Socket } from 'socket.io-client';
import type { AccountView } from '../../shared/identity.ts';
import type { Role } from '../../shared/permissions.ts';
import type { SessionReply } from '../../shared/staff-rest.ts';
import { ADMIN_PASSWORD, connectClient, nextEvent, request } from './hub-harness.ts';

export interface Session {
  cookie: string;
  csrfToken: string;
  account: AccountView;
}

/** A REST call as a browser page of the hub would make it: cookie, and the CSRF header on changes. */
export function api(base: string, session?: Session) {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(session ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }) } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body: unknown = {}, headers?: Record<string, string>) => call('POST', path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => call('PATCH', path, body, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => call('DELETE', path, undefined, headers),
  };
}

export async function signIn(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<Session> {
  const response = await api(base).post('/api/session', { username, password });
  if (!response.ok) throw new Error(`sign-in ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const body = (await response.json()) as SessionReply;
  return { cookie, csrfToken: body.csrfToken, account: body.account };
}

export const STAFF_PASSWORD = 'staff-password-for-tests';

/** Creates an account as the admin and signs it in. */
export async function staffSession(base: string, admin: Session, username: string, role: Role, venueIds: string[] | null): Promise<Session> {
  const created = await api(base, admin).post('/api/accounts', { username, displayName: username, role, venueIds, password: STAFF_PASSWORD });
  if (!created.ok) throw new Error(`create ${username}: ${created.status} ${await created.text()}`);
  return signIn(base, username, STAFF_PASSWORD);
}

export const staffSocket = (base: string, session: Session) => connectClient(base, 'console', { cookie: session.cookie });

/** The real pairing round trip: an unpaired socket shows a code, the admin approves it, the socket gets its token. */
export async function pairDevice(
  base: string,
  approver: Session,
  device: { kind: 'screen' | 'kiosk'; venueId: string; groupId?: string; name?: string },
): Promise<{ token: string; deviceId: string }> {
  const waiting: Socket = await connectClient(base, device.kind === 'screen' ? 'screen' : 'kiosk');
  try {
    const started = await request(waiting, 'pairing:start', { kind: device.kind });
    if (!started.ok) throw new Error(`pairing:start ${started.code}`);
    const paired = nextEvent(waiting, 'device:paired');
    const approved = await api(base, approver).post('/api/devices', {
      code: started.data.code,
      name: device.name ?? `${device.kind} ${device.groupId ?? device.venueId}`,
      venueId: device.venueId,
      groupId: device.groupId ?? null,
    });
    if (!approved.ok) throw new Error(`approve: ${approved.status} ${await approved.text()}`);
    const { token, device: view } = await paired;
    return { token, deviceId: view.id };
  } finally {
    waiting.close();
  }
}

export const deviceSocket = (base: string, token: string, client: 'screen' | 'kiosk' = 'screen') => connectClient(base, client, { deviceToken: token });
