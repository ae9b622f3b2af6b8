/**
 * One player-generator process of `npm run bench:quiz`: it holds a share of the players' sockets
 * (to the hub) and of the baseline's sockets (to the bare Socket.io server), notes when each
 * socket receives each step, answers every question once within the answer window, and reports
 * to the parent over IPC when asked.
 *
 * Receipt keys: `<phase>:<index>` for the first 'live:state' of that phase and question,
 * `you:<index>` for the first 'live:you' after that question's reveal, `bare:<n>` for the n-th
 * baseline broadcast, `settled:<index>` once a player's answer to that question is acknowledged
 * or refused.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/ack.ts';
import type { LiveAnswerReply, LiveJoinReply, LiveState } from '../../shared/live.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import { questionOf } from '../../shared/live-rules.ts';

/**
 * A clock comparable across processes on one machine: performance.timeOrigin is the wall-clock
 * time (ms since the epoch, sub-ms precision) at which this process started its monotonic clock,
 * so timeOrigin + performance.now() is a monotonic, sub-ms reading that every process on this
 * machine takes against the same wall clock (process.hrtime, on its own, has a per-process
 * origin). The parent checks the agreement at start-up and prints the worst offset.
 */
const clock = () => performance.timeOrigin + performance.now();

interface Client {
  socket: Socket;
  receipts: Map<string, number>;
}

interface Player extends Client {
  playerId: string;
  token: string;
  revealIndex: number;
  answers: Map<number, { sentAt: number; ackAt: number; ok: boolean; code?: string }>;
}

type Command =
  | { id: number; cmd: 'clock' }
  | { id: number; cmd: 'join'; base: string; pin: string; count: number; concurrency: number; worker: number }
  | { id: number; cmd: 'connect-bare'; base: string; count: number; concurrency: number }
  | { id: number; cmd: 'await'; key: string; timeoutMs: number }
  | { id: number; cmd: 'answers'; index: number }
  | { id: number; cmd: 'collect' }
  | { id: number; cmd: 'close' };

const players: Player[] = [];
const bareClients: Client[] = [];
let answerWindowMs = 2000;
let answerDelayMs = 0;
/** How many sockets have each key, and who waits for a key to be complete. */
const counts = new Map<string, number>();
const waiters = new Map<string, Set<() => void>>();

const expected = (key: string) => (key.startsWith('bare:') ? bareClients.length : players.length);

function note(client: Client, key: string, at: number) {
  if (client.receipts.has(key)) return;
  client.receipts.set(key, at);
  const count = (counts.get(key) ?? 0) + 1;
  counts.set(key, count);
  if (count >= expected(key)) for (const wake of waiters.get(key) ?? []) wake();
}

function waitFor(key: string, timeoutMs: number): Promise<void> {
  if ((counts.get(key) ?? 0) >= expected(key)) return Promise.resolve();
  return new Promise((resolve) => {
    const set = waiters.get(key) ?? new Set();
    waiters.set(key, set);
    const done = () => {
      clearTimeout(timer);
      set.delete(done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    set.add(done);
  });
}

function connect(base: string): Promise<Socket> {
  const socket = io(base, {
    transports: ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, client: 'kiosk' },
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      reject(new Error(`connect_error: ${error.message}${error.data ? ` ${JSON.stringify(error.data)}` : ''}`));
    });
  });
}

function answer(player: Player, state: LiveState) {
  const index = state.index;
  const options = questionOf(state)?.options.length ?? 2;
  const delay = answerDelayMs + Math.random() * answerWindowMs;
  setTimeout(() => {
    const sentAt = clock();
    const record = { sentAt, ackAt: 0, ok: false } as { sentAt: number; ackAt: number; ok: boolean; code?: string };
    player.answers.set(index, record);
    player.socket
      .timeout(30_000)
      .emitWithAck('live:answer', { token: player.token, index, choice: [Math.floor(Math.random() * options)] })
      .then(
        (ack: Ack<LiveAnswerReply>) => {
          record.ackAt = clock();
          record.ok = ack.ok && ack.data.accepted;
          if (!ack.ok) record.code = ack.code;
        },
        () => {
          record.ackAt = clock();
          record.code = 'NO_ACK';
        },
      )
      .finally(() => note(player, `settled:${index}`, clock()));
  }, delay);
}

/** Runs `make` for `count` sockets, `concurrency` at a time; failures are counted, with the first few reasons kept. */
async function pool<T>(count: number, concurrency: number, make: (n: number) => Promise<T>) {
  let next = 0;
  const errors: string[] = [];
  let failed = 0;
  async function lane() {
    while (next < count) {
      const n = next++;
      try {
        await make(n);
      } catch (error) {
        failed += 1;
        if (errors.length < 5) errors.push(String((error as Error).message ?? error));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { failed, errors };
}

async function join(job: Extract<Command, { cmd: 'join' }>) {
  const connectMs: number[] = [];
  const joinMs: number[] = [];
  const startedAt = clock();
  const outcome = await pool(job.count, job.concurrency, async (n) => {
    const t0 = clock();
    const socket = await connect(job.base);
    const t1 = clock();
    // Listen before joining: the lobby state and everything after it is noted.
    const player: Player = { socket, receipts: new Map(), playerId: '', token: '', revealIndex: -1, answers: new Map() };
    socket.on('live:state', (state: LiveState) => {
      const at = clock();
      if (!player.token) return;
      note(player, `${state.phase}:${state.index}`, at);
      if (state.phase === 'reveal') player.revealIndex = state.index;
      if (state.phase === 'question' && !state.paused && !player.answers.has(state.index) && !player.receipts.has(`asked:${state.index}`)) {
        player.receipts.set(`asked:${state.index}`, at);
        answer(player, state);
      }
    });
    socket.on('live:you', () => note(player, `you:${player.revealIndex}`, clock()));
    const ack = (await socket.timeout(60_000).emitWithAck('live:join', { pin: job.pin, nickname: `选手${job.worker}-${n}` })) as Ack<LiveJoinReply>;
    const t2 = clock();
    if (!ack.ok) {
      socket.close();
      throw new Error(`live:join refused: ${ack.code} ${ack.detail ?? ''}`);
    }
    player.playerId = ack.data.you.playerId;
    player.token = ack.data.token;
    players.push(player);
    connectMs.push(t1 - t0);
    joinMs.push(t2 - t1);
  });
  return { connectMs, joinMs, startedAt, endedAt: clock(), joined: players.length, ...outcome };
}

async function connectBare(job: Extract<Command, { cmd: 'connect-bare' }>) {
  const connectMs: number[] = [];
  const outcome = await pool(job.count, job.concurrency, async () => {
    const t0 = clock();
    const socket = await connect(job.base);
    connectMs.push(clock() - t0);
    const client: Client = { socket, receipts: new Map() };
    let received = 0;
    socket.on('program', () => note(client, `bare:${++received}`, clock()));
    await socket.timeout(60_000).emitWithAck('join');
    bareClients.push(client);
  });
  return { connected: bareClients.length, connectMs, ...outcome };
}

/** Each socket's time for a key (null: never came), in the order of `players` / `bareClients`. */
function timesOf(key: string) {
  const clients: Client[] = key.startsWith('bare:') ? bareClients : players;
  return clients.map((client) => client.receipts.get(key) ?? null);
}

function answersOf(index: number) {
  const acked: string[] = [];
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  let firstSent = Infinity;
  let lastAck = 0;
  for (const player of players) {
    const record = player.answers.get(index);
    if (!record) {
      refused.NOT_SENT = (refused.NOT_SENT ?? 0) + 1;
      continue;
    }
    firstSent = Math.min(firstSent, record.sentAt);
    lastAck = Math.max(lastAck, record.ackAt);
    if (record.ok) {
      acked.push(player.playerId);
      latencies.push(record.ackAt - record.sentAt);
    } else refused[record.code ?? 'NOT_ACCEPTED'] = (refused[record.code ?? 'NOT_ACCEPTED'] ?? 0) + 1;
  }
  return { acked, latencies, refused, firstSent, lastAck };
}

async function handle(message: Command): Promise<unknown> {
  switch (message.cmd) {
    case 'clock':
      return { at: clock() };
    case 'join':
      return join(message);
    case 'connect-bare':
      return connectBare(message);
    case 'await':
      await waitFor(message.key, message.timeoutMs);
      return { times: timesOf(message.key) };
    case 'answers':
      return answersOf(message.index);
    case 'collect':
      // Before a measured step: this process's garbage goes now, not as a pause in the middle of
      // the fan-out (a phone's collector would stall its receipts, the hub's and the baseline's alike).
      (globalThis as { gc?: () => void }).gc?.();
      return { collected: true };
    case 'close':
      for (const client of [...players, ...bareClients]) client.socket.close();
      return { closed: players.length + bareClients.length };
  }
}

process.on('message', (message: Command & { answerWindowMs?: number; answerDelayMs?: number }) => {
  if (message.answerWindowMs !== undefined) answerWindowMs = message.answerWindowMs;
  if (message.answerDelayMs !== undefined) answerDelayMs = message.answerDelayMs;
  void handle(message).then(
    (reply) =>
      process.send!({ id: message.id, ...(reply as object) }, () => {
        if (message.cmd === 'close') process.disconnect();
      }),
    (error: unknown) => process.send!({ id: message.id, error: String(error) }),
  );
});
// An orphan (the bench died) does not linger.
process.on('disconnect', () => process.exit(0));
