import { Type, type Static } from '@sinclair/typebox';

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
});
export type AccountView = Static<typeof AccountView>;

export const IdentityView = Type.Object({
  principal: Type.String(),
  account: Type.Optional(AccountView),
  device: Type.Optional(DeviceView),
});
export type IdentityView = Static<typeof IdentityView>;

export const PairingStartRequest = Type.Object(
  { kind: Type.Union([Type.Literal('screen'), Type.Literal('kiosk')]) },
  { additionalProperties: false },
);
export const PairingStartReply = Type.Object({ code: Type.String(), expiresAt: Type.Integer() });
export type PairingStartReply = Static<typeof PairingStartReply>;

export const DevicePaired = Type.Object({ token: Type.String(), device: DeviceView });
export type DevicePaired = Static<typeof DevicePaired>;
