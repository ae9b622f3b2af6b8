import type { Server as HttpServer } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { errorMessage, type Locale } from '../../shared/errors.ts';
import type { Identity } from '../auth/identity.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import { HandshakeAuth, type HandshakeRefusal } from '../../shared/handshake.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';

/** What the hub keeps on each socket: set by the handshake (client, locale, token) and the identity step. */
interface SocketData {
  client: HandshakeAuth['client'];
  locale: Locale;
  deviceToken: string | undefined;
  /** Who this socket is: decided on every (re)connection (auth/socket-identity.ts). */
  identity: Identity;
}

export type HubIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The largest real message (a scene with its texts) is a few kB; 64 kB leaves room and stops floods of bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const checkAuth = TypeCompiler.Compile(HandshakeAuth);

export function refusal(code: HandshakeRefusal['code'], detail: string): Error & { data: HandshakeRefusal } {
  const error = new Error(detail) as Error & { data: HandshakeRefusal };
  error.data = { code, message: errorMessage(code), serverProtocol: PROTOCOL_VERSION };
  return error;
}

/**
 * Socket.io on the same port as Fastify, attached by hand (fastify-socket.io supports only
 * Fastify 4). Per-message deflate stays off: it costs CPU on every broadcast for small gains.
 */
export function attachSocketServer(httpServer: HttpServer, log: FastifyBaseLogger): HubIo {
  const io: HubIo = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });

  // A stale build is told to reload instead of sending events this hub would misread.
  io.use((socket, next) => {
    const auth = socket.handshake.auth as unknown;
    if (!checkAuth.Check(auth)) {
      const protocol = (auth as { protocol?: unknown } | undefined)?.protocol;
      if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
        return next(refusal('PROTOCOL_MISMATCH', `client protocol ${String(protocol)}, hub ${PROTOCOL_VERSION}`));
      }
      return next(refusal('BAD_PAYLOAD', 'handshake auth must be { protocol, client, locale? }'));
    }
    if (auth.protocol !== PROTOCOL_VERSION) {
      return next(refusal('PROTOCOL_MISMATCH', `client protocol ${auth.protocol}, hub ${PROTOCOL_VERSION}`));
    }
    socket.data.client = auth.client;
    socket.data.locale = auth.locale ?? 'zh-CN';
    socket.data.deviceToken = auth.deviceToken;
    next();
  });

  io.engine.on('connection_error', (error: { code: number; message: string }) => {
    log.warn({ code: error.code, reason: error.message }, 'socket connection refused');
  });

  io.on('connection', (socket: HubSocket) => {
    socket.on('disconnect', (reason) => {
      // A message over the size limit closes the transport: say so, once.
      const level = reason === 'transport error' || reason === 'parse error' ? 'warn' : 'debug';
      log[level]({ socket: socket.id, client: socket.data.client, reason }, 'socket disconnected');
    });
  });

  return io;
}
