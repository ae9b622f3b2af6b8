import { Type, type Static } from '@sinclair/typebox';
import type { ErrorCode } from './errors.ts';

const CLIENT_KINDS = ['screen', 'console', 'kiosk'] as const;

/** Sent as Socket.io's `auth` on every (re)connect. */
export const HandshakeAuth = Type.Object({
  protocol: Type.Integer(),
  client: Type.Union(CLIENT_KINDS.map((kind) => Type.Literal(kind))),
  locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  /** A paired screen's or kiosk's token; staff are known by their session cookie instead. */
  deviceToken: Type.Optional(Type.String({ maxLength: 128 })),
});
export type HandshakeAuth = Static<typeof HandshakeAuth>;

/** Attached to the connect_error a client gets when the hub refuses its handshake. */
export interface HandshakeRefusal {
  code: ErrorCode;
  message: string;
  serverProtocol: number;
}
