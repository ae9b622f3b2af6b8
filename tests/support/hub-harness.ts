import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createHub, type Hub } from '../../server/hub.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import type { Ack } from '../../shared/ack.ts';
import type { IdentityView } from '../../shared/identity.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface RunningHub {
  hub: Hub;
  base: string;
  dataDir: string;
  logs: LogLine[];
  close(): Promise<void>;
}

export const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'eventday-test-'));
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** The real hub, on a free loopback port, with a temporary data folder and its log lines kept. */
export async function startHub(dataDir = newDataDir()): Promise<RunningHub> {
  const logs: LogLine[] = [];
  const stream = { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) };
  const hub = await createHub(
    { port: 0, host: '127.0.0.1', dataDir, publicUrl: undefined, appsDir: path.resolve('dist'), logLevel: 'debug', adminPassword: ADMIN_PASSWORD },
    { level: 'debug', stream },
  );
  const base = await hub.listen();
  return { hub, base, dataDir, logs, close: () => hub.close() };
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

export function request<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<Ack<T>> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** A command that must succeed: its data, or the hub's refusal as a thrown error (code and detail). */
export async function requestOk<T = unknown>(socket: Socket, event: string, payload: unknown = {}): Promise<T> {
  const ack = await request<T>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.code} ${ack.detail ?? ''}`);
  return ack.data;
}

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
