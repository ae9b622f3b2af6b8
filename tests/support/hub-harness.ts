import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { HubClock } from '../../server/clock.ts';
import type { ClientCommand, CommandReply, ServerToClientEvents } from '../../shared/events.ts';
import { createHub, type Hub } from '../../server/hub.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import type { Ack } from '../../shared/ack.ts';
import type { IdentityView } from '../../shared/identity.ts';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface RunningHub {
  hub: Hub;
  base: string;
  dataDir: string;
  logs: LogLine[];
  /** The first log line (already written or still to come) that matches. */
  logged(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  close(): Promise<void>;
}

export const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'eventday-test-'));
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** The real hub, on a free loopback port, with a temporary data folder and its log lines kept. */
export async function startHub(dataDir = newDataDir(), options: { clock?: HubClock } = {}): Promise<RunningHub> {
  const logs: LogLine[] = [];
  const listeners = new Set<(line: LogLine) => void>();
  const stream = {
    write: (text: string) => {
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      listeners.forEach((listener) => listener(line));
    },
  };
  const logged = (match: (line: LogLine) => boolean, timeoutMs = 5000) =>
    new Promise<LogLine>((resolve, reject) => {
      const found = logs.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => (listeners.delete(listener), reject(new Error(`no such log line within ${timeoutMs} ms`))), timeoutMs);
      const listener = (line: LogLine) => {
        if (!match(line)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(line);
      };
      listeners.add(listener);
    });
  const hub = await createHub(
    { port: 0, host: '127.0.0.1', dataDir, publicUrl: undefined, appsDir: path.resolve('dist'), logLevel: 'debug', adminPassword: ADMIN_PASSWORD },
    { logger: { level: 'debug', stream }, clock: options.clock },
  );
  const base = await hub.listen();
  return { hub, base, dataDir, logs, logged, close: () => hub.close() };
}

/**
 * Resolves once the hub has seen this client's socket go, after its own disconnect handlers ran
 * (device health, rooms left). Call it before closing the socket.
 */
export function closedOnHub(hub: Hub, socket: Socket): Promise<void> {
  const onHub = socket.id === undefined ? undefined : hub.io.of('/').sockets.get(socket.id);
  if (!onHub) return Promise.reject(new Error(`the hub has no socket ${socket.id}`));
  return new Promise((resolve) => onHub.once('disconnect', () => resolve()));
}

type Client = 'screen' | 'console' | 'kiosk';

export interface ConnectOptions {
  auth?: object;
  /** A staff session cookie, sent in the handshake as a browser would. */
  cookie?: string;
  deviceToken?: string;
  origin?: string;
}

/** A real socket.io-client, resolved once connected (or rejected with the hub's refusal). */
export function connectClient(base: string, client: Client = 'console', options: ConnectOptions = {}): Promise<Socket> {
  const auth = options.auth ?? { protocol: PROTOCOL_VERSION, client, ...(options.deviceToken ? { deviceToken: options.deviceToken } : {}) };
  const extraHeaders: Record<string, string> = {};
  if (options.cookie) extraHeaders.cookie = options.cookie;
  if (options.origin) extraHeaders.origin = options.origin;
  const socket = io(base, { transports: ['websocket'], auth, extraHeaders, reconnection: false, forceNew: true });
  // The hub names the client right after connecting: listen before the connection opens.
  identities.set(socket, new Promise((resolve) => socket.once('hub:identity', resolve)));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

const identities = new WeakMap<Socket, Promise<IdentityView>>();

/** Who the hub took this socket for ('hub:identity'). */
export const identityOf = (socket: Socket) => identities.get(socket)!;

/**
 * A command sent as a client would, and the hub's acknowledgement: typed by the protocol for a
 * command's name. The payload stays open, since tests send bad ones on purpose (and unknown names).
 */
export function request<C extends ClientCommand>(socket: Socket, event: C, payload?: unknown): Promise<Ack<CommandReply<C>>>;
export function request<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<Ack<T>>;
export function request(socket: Socket, event: string, payload?: unknown): Promise<Ack<unknown>> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<unknown>>;
}

/** A command that must succeed: its data, or the hub's refusal as a thrown error (code and detail). */
export async function requestOk<C extends ClientCommand>(socket: Socket, event: C, payload?: unknown): Promise<CommandReply<C>>;
export async function requestOk<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<T>;
export async function requestOk(socket: Socket, event: string, payload: unknown = {}): Promise<unknown> {
  const ack = await request(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.code} ${ack.detail ?? ''}`);
  return ack.data;
}

/** The next event of this name the socket hears (typed by the protocol for a hub event's name). */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: Socket, event: E, timeoutMs?: number): Promise<Parameters<ServerToClientEvents[E]>[0]>;
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs?: number): Promise<T>;
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Collects every payload of an event, for asserting what a socket did (or did not) receive. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}
