import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { AccountView, DeviceView } from './identity.ts';
import { AssignCheckpointBody } from './checkin.ts';
import { httpRoute } from './http.ts';

/** REST bodies of sign-in, accounts, devices and the audit log. */
const strict = { additionalProperties: false } as const;
const Username = Type.String({ pattern: '^[A-Za-z0-9._-]{2,32}$' });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('mc'), Type.Literal('operator'), Type.Literal('viewer')]);
const VenueIds = Type.Union([Type.Array(Slug, { maxItems: 50 }), Type.Null()]);

const SignInBody = Type.Object({ username: Username, password: Password }, strict);
type SignInBody = Static<typeof SignInBody>;

/** The CSRF token goes back in an x-csrf-token header on every change made with the cookie. */
export const SessionReply = Type.Object({ account: AccountView, csrfToken: Type.String(), expiresAt: Type.Integer() });
export type SessionReply = Static<typeof SessionReply>;

const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, strict);
type ChangePasswordBody = Static<typeof ChangePasswordBody>;

const CreateAccountBody = Type.Object(
  { username: Username, displayName: Type.String({ minLength: 1, maxLength: 40 }), role: RoleSchema, venueIds: VenueIds, password: Password },
  strict,
);
type CreateAccountBody = Static<typeof CreateAccountBody>;

const UpdateAccountBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    role: Type.Optional(RoleSchema),
    venueIds: Type.Optional(VenueIds),
    password: Type.Optional(Password),
    disabled: Type.Optional(Type.Boolean()),
  },
  strict,
);
type UpdateAccountBody = Static<typeof UpdateAccountBody>;
const AccountParams = Type.Object({ accountId: Type.String({ pattern: '^[0-9]{1,9}$' }) });

const ApproveDeviceBody = Type.Object(
  {
    code: Type.String({ minLength: 4, maxLength: 12 }),
    name: Type.String({ minLength: 1, maxLength: 40 }),
    venueId: Slug,
    groupId: Type.Optional(Type.Union([Slug, Type.Null()])),
  },
  strict,
);
type ApproveDeviceBody = Static<typeof ApproveDeviceBody>;
export const DeviceParams = Type.Object({ deviceId: Type.String({ pattern: '^dev-[0-9a-f]{8}$' }) });

export const DeviceRecordView = Type.Composite([
  DeviceView,
  Type.Object({
    pairedAt: Type.Integer(),
    expiresAt: Type.Integer(),
    revokedAt: Type.Union([Type.Integer(), Type.Null()]),
    lastSeenAt: Type.Union([Type.Integer(), Type.Null()]),
    checkpointId: Type.Union([Type.String(), Type.Null()]),
    online: Type.Boolean(),
  }),
]);
export type DeviceRecordView = Static<typeof DeviceRecordView>;

const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 40 })),
    actor: Type.Optional(Type.String({ maxLength: 40 })),
    target: Type.Optional(Type.String({ maxLength: 80 })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  },
  strict,
);
type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  at: Type.Integer(),
  actorKind: Type.String(),
  actorId: Type.String(),
  actorName: Type.String(),
  ip: Type.String(),
  action: Type.String(),
  target: Type.String(),
  detail: Type.Unknown(),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

/** The REST routes of sign-in, accounts, devices and the audit log (shared/http.ts). */
export const sessionHttp = {
  signIn: httpRoute({ method: 'POST', path: '/api/session', body: SignInBody, reply: SessionReply }),
  current: httpRoute({ method: 'GET', path: '/api/session', reply: SessionReply }),
  signOut: httpRoute({ method: 'DELETE', path: '/api/session' }),
  /** The signed-in person sets their own password (the first sign-in with a one-time password must). */
  changePassword: httpRoute({ method: 'POST', path: '/api/session/password', body: ChangePasswordBody, reply: SessionReply }),
};

export const accountHttp = {
  list: httpRoute({ method: 'GET', path: '/api/accounts', reply: Type.Array(AccountView) }),
  create: httpRoute({ method: 'POST', path: '/api/accounts', body: CreateAccountBody, reply: AccountView }),
  update: httpRoute({ method: 'PATCH', path: '/api/accounts/:accountId', params: AccountParams, body: UpdateAccountBody, reply: AccountView }),
  /** A new one-time password for a person who lost theirs: shown once; the first sign-in with it sets a real one. */
  oneTimePassword: httpRoute({
    method: 'POST',
    path: '/api/accounts/:accountId/one-time-password',
    params: AccountParams,
    reply: Type.Object({ username: Type.String(), password: Type.String() }),
  }),
};

export const deviceHttp = {
  list: httpRoute({ method: 'GET', path: '/api/devices', reply: Type.Array(DeviceRecordView) }),
  approve: httpRoute({ method: 'POST', path: '/api/devices', body: ApproveDeviceBody, reply: DeviceView }),
  assignCheckpoint: httpRoute({
    method: 'PUT',
    path: '/api/devices/:deviceId/checkpoint',
    params: DeviceParams,
    body: AssignCheckpointBody,
    reply: DeviceRecordView,
  }),
  revoke: httpRoute({ method: 'POST', path: '/api/devices/:deviceId/revoke', params: DeviceParams }),
};

export const auditHttp = {
  list: httpRoute({ method: 'GET', path: '/api/audit', query: AuditQuery, reply: Type.Array(AuditEntryView) }),
};
