import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../ack.ts';
import { errorMessage, type Locale } from '../errors.ts';
import type { ClientCommand, ClientToServerEvents, CommandReply, CommandRequest, ServerToClientEvents } from '../events.ts';
import type { HandshakeAuth, HandshakeRefusal } from '../handshake.ts';
import { PROTOCOL_VERSION } from '../protocol-version.ts';
import type { ConnectionStatus } from './connection-status.ts';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface HubConnection {
  socket: HubSocket;
  readonly status: ConnectionStatus;
  /** Sends a command and resolves with the hub's acknowledgement, or NO_ANSWER after a timeout. */
  request<C extends ClientCommand>(command: C, payload: CommandRequest<C>, timeoutMs?: number): Promise<Ack<CommandReply<C>>>;
  /** Runs on every (re)connect: where a client asks for its snapshot. */
  onConnect(run: () => void): void;
}

/**
 * One socket per app, reconnecting forever (a screen must come back on its own). A hub on
 * another protocol version refuses the handshake, and the page reloads to fetch the new build.
 */
export function connectHub(client: HandshakeAuth['client'], locale: () => Locale, reload = () => location.reload()): HubConnection {
  let status = $state<ConnectionStatus>('connecting');
  const onConnectRuns: (() => void)[] = [];
  const socket: HubSocket = io({
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    auth: (send) => send({ protocol: PROTOCOL_VERSION, client, locale: locale() } satisfies HandshakeAuth),
  });

  socket.on('connect', () => {
    status = 'online';
    for (const run of onConnectRuns) run();
  });
  socket.on('disconnect', (reason) => {
    status = 'offline';
    // Socket.io does not retry after the hub itself hung up; a screen must come back anyway.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
  });
  socket.on('connect_error', (error: Error & { data?: HandshakeRefusal }) => {
    if (error.data?.code === 'PROTOCOL_MISMATCH') {
      status = 'reloading';
      socket.disconnect();
      setTimeout(reload, 1500);
      return;
    }
    status = 'offline';
  });

  return {
    socket,
    get status() {
      return status;
    },
    async request(command, payload, timeoutMs = 5000) {
      try {
        const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
        return (await timed.emitWithAck(command, payload)) as Ack<CommandReply<typeof command>>;
      } catch {
        return { ok: false, code: 'NO_ANSWER', message: errorMessage('NO_ANSWER', locale()) };
      }
    },
    onConnect(run) {
      onConnectRuns.push(run);
      if (socket.connected) run();
    },
  };
}
