import { Type, type Static } from '@sinclair/typebox';
import type { CommandTable, EventTable } from './protocol-table.ts';

/** What a client is told about itself right after it connects ('hub:identity'). */
export const DeviceView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('screen'), Type.Literal('kiosk')]),
  name: Type.String(),
  venueId: Type.String(),
  groupId: Type.Union([Type.String(), Type.Null()]),
});
export type DeviceView = Static<typeof DeviceView>;

export const AccountView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('mc'), Type.Literal('operator'), Type.Literal('viewer')]),
  /** null: every venue. */
  venueIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
  disabled: Type.Boolean(),
  /** Signed in with a one-time password: nothing else is allowed until a new password is set. */
  mustChangePassword: Type.Boolean(),
});
export type AccountView = Static<typeof AccountView>;

export const IdentityView = Type.Object({
  principal: Type.String(),
  account: Type.Optional(AccountView),
  device: Type.Optional(DeviceView),
});
export type IdentityView = Static<typeof IdentityView>;

const PairingStartRequest = Type.Object({ kind: Type.Union([Type.Literal('screen'), Type.Literal('kiosk')]) }, { additionalProperties: false });
const PairingStartReply = Type.Object({ code: Type.String(), expiresAt: Type.Integer() });
type PairingStartReply = Static<typeof PairingStartReply>;

const DevicePaired = Type.Object({ token: Type.String(), device: DeviceView });
type DevicePaired = Static<typeof DevicePaired>;

/** The pairing commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const pairingCommands = {
  /** An unpaired screen or kiosk asks for a code to show, for staff to approve. */
  'pairing:start': { request: PairingStartRequest, reply: PairingStartReply },
} as const satisfies CommandTable;

/** The pairing events the hub sends. */
export const pairingEvents = {
  /** Right after connecting: who the hub takes this client for. */
  'hub:identity': IdentityView,
  /** To the waiting device only: its token, to keep and send in every handshake. */
  'device:paired': DevicePaired,
  /** To a device that was just revoked, before it is disconnected. */
  'device:revoked': Type.Object({}),
} as const satisfies EventTable;
