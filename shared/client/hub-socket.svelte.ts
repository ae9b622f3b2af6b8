import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../ack.ts';
import { errorMessage, type ErrorCode, type Locale } from '../errors.ts';
import type { ClientCommand, ClientToServerEvents, CommandReply, CommandRequest, ServerToClientEvents } from '../events.ts';
import type { HandshakeAuth, HandshakeRefusal } from '../handshake.ts';
import type { IdentityView } from '../identity.ts';
import { PROTOCOL_VERSION } from '../protocol-version.ts';
import type { ConnectionStatus } from './connection-status.ts';
import { deviceToken } from './device-token.ts';

type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface HubConnection {
  socket: HubSocket;
  readonly status: ConnectionStatus;
  /** Who the hub takes this client for; null until it has said so on this connection. */
  readonly identity: IdentityView | null;
  /** Sends a command and resolves with the hub's acknowledgement, or NO_ANSWER after a timeout. */
  request<C extends ClientCommand>(command: C, payload: CommandRequest<C>, timeoutMs?: number): Promise<Ack<CommandReply<C>>>;
  /** Runs each time the hub has named this client, after every (re)connect: where snapshots are asked for. */
  onReady(run: (identity: IdentityView) => void): void;
  /** Connects again, e.g. after signing in (the new cookie) or pairing (the new token). */
  reconnect(): void;
}

const DEVICE_REFUSALS: ErrorCode[] = ['DEVICE_UNKNOWN', 'DEVICE_REVOKED', 'DEVICE_EXPIRED'];

/**
 * One socket per app, reconnecting forever (a screen must come back on its own). A hub on
 * another protocol version refuses the handshake and the page reloads to fetch the new build;
 * a refused device token is forgotten, and the device comes back unpaired, to be paired again.
 */
export function connectHub(client: HandshakeAuth['client'], locale: () => Locale, reload = () => location.reload()): HubConnection {
  let status = $state<ConnectionStatus>('connecting');
  let identity = $state.raw<IdentityView | null>(null);
  const readyRuns: ((identity: IdentityView) => void)[] = [];
  const socket: HubSocket = io({
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    auth: (send) => {
      const token = deviceToken.get();
      send({ protocol: PROTOCOL_VERSION, client, locale: locale(), ...(token ? { deviceToken: token } : {}) } satisfies HandshakeAuth);
    },
  });

  socket.on('connect', () => {
    status = 'online';
  });
  socket.on('hub:identity', (view) => {
    identity = view;
    for (const run of readyRuns) run(view);
  });
  socket.on('disconnect', (reason) => {
    status = 'offline';
    identity = null;
    // Socket.io does not retry after the hub itself hung up; a screen must come back anyway.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
  });
  socket.on('device:paired', ({ token }) => {
    deviceToken.set(token);
    socket.disconnect().connect();
  });
  // Revoked: forget the token and come straight back as an unpaired device (pairing screen only).
  socket.on('device:revoked', () => {
    deviceToken.clear();
    socket.disconnect().connect();
  });
  socket.on('connect_error', (error: Error & { data?: HandshakeRefusal }) => {
    const code = error.data?.code;
    if (code === 'PROTOCOL_MISMATCH') {
      status = 'reloading';
      socket.disconnect();
      setTimeout(reload, 1500);
      return;
    }
    status = 'offline';
    // A refusal by the hub's middleware is not retried by Socket.io: come back unpaired.
    if (code && DEVICE_REFUSALS.includes(code)) {
      deviceToken.clear();
      setTimeout(() => socket.connect(), 200);
    }
  });

  return {
    socket,
    get status() {
      return status;
    },
    get identity() {
      return identity;
    },
    async request(command, payload, timeoutMs = 5000) {
      try {
        const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
        return (await timed.emitWithAck(command, payload)) as Ack<CommandReply<typeof command>>;
      } catch {
        return { ok: false, code: 'NO_ANSWER', message: errorMessage('NO_ANSWER', locale()) };
      }
    },
    onReady(run) {
      readyRuns.push(run);
      if (identity) run(identity);
    },
    reconnect() {
      socket.disconnect().connect();
    },
  };
}
