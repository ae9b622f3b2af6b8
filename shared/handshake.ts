import { Type, type Static } from '@sinclair/typebox';

export const CLIENT_KINDS = ['screen', 'console', 'kiosk'] as const;

/** Sent as Socket.io's `auth` on every (re)connect. */
export const HandshakeAuth = Type.Object({
  protocol: Type.Integer(),
  client: Type.Union(CLIENT_KINDS.map((kind) => Type.Literal(kind))),
  locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
});
export type HandshakeAuth = Static<typeof HandshakeAuth>;

/** Attached to the connect_error a client gets when the hub refuses its handshake. */
export interface HandshakeRefusal {
  code: 'PROTOCOL_MISMATCH' | 'BAD_PAYLOAD';
  message: string;
  serverProtocol: number;
}
