/**
 * npm run bench:quiz -- --players N [--questions 5] [--workers 2] [--concurrency 50] [--answer-delay-ms 400] [--json]
 * The live stage quiz against a real hub (its own process, as `npm start` runs it): N phones in
 * worker processes connect (websocket only) and join with the PIN; the MC, here, runs Q
 * questions (start/next, every phone answers 0.4–2 s after it has the question, close or the
 * hub's auto-close, reveal, leaderboard). The phones' processes run at a lower priority (nice 10):
 * in a hall each phone is its own device. Measured: joins, the question's fan-out (MC's command sent → each phone has the
 * 'live:state' of that question), answer acks, the reveal's and the leaderboard's fan-out, the
 * hub's memory per player, and acknowledged answers missing from the store after the hub stopped.
 * In the same run, interleaved with the questions, a bare Socket.io server (its own process)
 * broadcasts a payload of the question state's size to as many sockets of the same workers:
 * a noisy machine shows in both columns, not as the hub's overhead.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/ack.ts';
import type { LiveSettings, LiveState } from '../../shared/live.ts';
import { builtinBankItems } from '../../server/quiz/builtin-bank.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { signIn, staffSocket } from '../support/staff.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const playerCount = option('players', 200);
const questionCount = option('questions', 5);
const workerCount = option('workers', 2);
/** Joins in flight per worker: a hall's phones arrive over a minute, not in one SYN burst. */
const concurrency = option('concurrency', 50);
/**
 * Every phone answers within two seconds of having the question, but no sooner than a person can
 * read it and tap (`--answer-delay-ms`, default 400 ms): the answers then come in from 0.4 to 2 s,
 * evenly spread. An answer in the first few ms would be a robot's, and here it would also be the
 * phones' simulation competing with the fan-out being measured.
 */
const ANSWERED_WITHIN_MS = 2000;
const answerDelayMs = option('answer-delay-ms', 400);
const ANSWER_WINDOW_MS = Math.max(100, ANSWERED_WITHIN_MS - answerDelayMs);
/** Before each measured step: a quiet start for the hub and the baseline alike (an MC's presses are seconds apart). */
const SETTLE_MS = 250;
const asJson = args.includes('--json');
const PHONE_NICENESS = 10;
if (!(playerCount >= 1 && questionCount >= 1 && questionCount <= 30 && workerCount >= 1)) {
  throw new Error('usage: --players N (≥1) [--questions 1..30] [--workers W] [--concurrency C] [--answer-delay-ms D] [--json]');
}

/**
 * The same clock as the workers': performance.timeOrigin is the wall-clock time (ms since the
 * epoch, sub-ms) at which a process's monotonic clock started, so timeOrigin + performance.now()
 * is comparable across processes on one machine (process.hrtime alone has a per-process origin).
 * The agreement is checked below (IPC round trips) and printed as clock_offset_ms.
 */
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const round = (value: number) => Math.round(value * 10) / 10;
const summary = (name: string, values: number[]) => ({
  measure: name,
  count: values.length,
  p50_ms: round(quantile(values, 0.5)),
  p95_ms: round(quantile(values, 0.95)),
  p99_ms: round(quantile(values, 0.99)),
  max_ms: round(values.length ? Math.max(...values) : NaN),
});

// ---- processes: the hub, the bare server, the workers -------------------------------------

interface Worker {
  child: ChildProcess;
  call<T>(message: object): Promise<T>;
}

function startWorker(index: number): Worker {
  const child = fork(path.join(import.meta.dirname, 'live-quiz-worker.ts'), [], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  // The phones run at a lower priority: in a hall each is its own device, here they share two
  // cores with the server under test, whose broadcast they would otherwise slow (the hub's and
  // the bare server's alike: both are measured against the same phones).
  if (child.pid) os.setPriority(child.pid, PHONE_NICENESS);
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(`worker ${index}: ${message.error}`));
    else waiting?.resolve(message as never);
  });
  child.once('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`worker ${index} exited with ${code}`));
    pending.clear();
  });
  return {
    child,
    call: <T>(message: object) =>
      new Promise<T>((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve: resolve as (value: never) => void, reject });
        child.send({ ...message, id, answerWindowMs: ANSWER_WINDOW_MS, answerDelayMs });
      }),
  };
}

function startBare(): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(path.join(import.meta.dirname, 'bare-broadcast-server.ts'), [], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve({ child, base: `http://127.0.0.1:${message.port}` }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

function stopChild(child: ChildProcess, message?: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (message && child.connected) child.send(message);
    else child.kill('SIGTERM');
  });
}

function connectBareMc(base: string): Promise<Socket> {
  const socket = connectSocket(base, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

// ---- the run ---------------------------------------------------------------------------------

const questionIds = builtinBankItems()
  .map((item) => item.value as { id: string; type: string })
  .filter((question) => question.type === 'single')
  .map((question) => question.id)
  .slice(0, questionCount);
const settings: LiveSettings = {
  name: '压力测试',
  questionIds,
  // Long enough that the clock never closes a question here: all answered → the hub closes it.
  timeLimitSec: 30,
  points: 1000,
  teamMode: 'none',
  venueIds: [],
  rotatingJoin: false,
};

let hub: HubProcess | undefined;
let bare: { child: ChildProcess; base: string } | undefined;
let workers: Worker[] = [];
const sockets: Socket[] = [];

try {
  hub = await startHubProcess();
  bare = await startBare();
  const admin = await signIn(hub.base);
  const mc = await staffSocket(hub.base, admin);
  sockets.push(mc);

  /** The newest state the MC has seen (its own replies and the room's broadcasts). */
  let latest: LiveState | undefined;
  const questionStates: LiveState[] = [];
  const seen = (state: LiveState) => {
    if (!latest || state.revision >= latest.revision) latest = state;
  };
  mc.on('live:state', (state: LiveState) => {
    seen(state);
    if (state.phase === 'question' && !questionStates[state.index]) questionStates[state.index] = state;
  });
  async function command<T>(event: string, payload: object): Promise<T> {
    const ack = (await mc.timeout(60_000).emitWithAck(event, payload)) as Ack<T>;
    if (!ack.ok) throw new Error(`${event} ${JSON.stringify(payload)}: ${ack.code} ${ack.detail ?? ''}`);
    return ack.data;
  }
  const control = async (action: string) => {
    const state = await command<LiveState>('live:control', { sessionId: latest!.sessionId, action, step: latest!.step });
    seen(state);
    return state;
  };

  seen(await command<LiveState>('live:create', settings));
  const pin = latest!.pin;

  workers = Array.from({ length: workerCount }, (_, index) => startWorker(index));
  const all = <T>(message: object | ((worker: number) => object)) =>
    Promise.all(workers.map((worker, index) => worker.call<T>(typeof message === 'function' ? message(index) : message)));

  // Clock agreement: the offset of each worker's clock from ours, from the closest of a few round trips.
  let clockOffset = 0;
  for (const worker of workers) {
    let best = { rtt: Infinity, offset: 0 };
    for (let i = 0; i < 8; i++) {
      const sent = clock();
      const { at } = await worker.call<{ at: number }>({ cmd: 'clock' });
      const back = clock();
      if (back - sent < best.rtt) best = { rtt: back - sent, offset: at - (sent + back) / 2 };
    }
    clockOffset = Math.max(clockOffset, Math.abs(best.offset));
  }

  // ---- joining ----
  await sleep(300);
  const rssBeforeKb = rssKb(hub.pid);
  const share = (worker: number) => Math.floor(playerCount / workerCount) + (worker < playerCount % workerCount ? 1 : 0);
  type Joined = { connectMs: number[]; joinMs: number[]; startedAt: number; endedAt: number; joined: number; failed: number; errors: string[] };
  const joins = await all<Joined>((worker) => ({ cmd: 'join', base: hub!.base, pin, count: share(worker), concurrency, worker }));
  const joined = joins.reduce((sum, result) => sum + result.joined, 0);
  const joinFailures = joins.reduce((sum, result) => sum + result.failed, 0);
  const joinSeconds = (Math.max(...joins.map((r) => r.endedAt)) - Math.min(...joins.map((r) => r.startedAt))) / 1000;
  if (joinFailures > 0)
    console.error(
      `joins refused or failed: ${joinFailures}; e.g. ${joins
        .flatMap((r) => r.errors)
        .slice(0, 5)
        .join(' | ')}`,
    );
  if (joined === 0) throw new Error('no player joined');
  // Let the lobby's last push go out and the hub settle before reading its memory.
  await sleep(1000);
  const rssAfterKb = rssKb(hub.pid);

  // ---- the baseline's sockets, from the same workers ----
  const bareMc = await connectBareMc(bare.base);
  sockets.push(bareMc);
  const bareConnects = await all<{ connected: number; connectMs: number[]; failed: number; errors: string[] }>((worker) => ({
    cmd: 'connect-bare',
    base: bare!.base,
    count: share(worker),
    concurrency,
  }));
  const bareFailures = bareConnects.reduce((sum, result) => sum + result.failed, 0);
  if (bareFailures > 0) console.error(`baseline connections failed: ${bareFailures}; e.g. ${bareConnects.flatMap((r) => r.errors).join(' | ')}`);

  // ---- the questions ----
  const fanout: number[] = [];
  const bareFanout: number[] = [];
  const revealFanout: number[] = [];
  const youFanout: number[] = [];
  const leaderboardFanout: number[] = [];
  const ackLatencies: number[] = [];
  const acked: { playerId: string; index: number }[] = [];
  const refused: Record<string, number> = {};
  let missedSteps = 0;
  let answerSeconds = 0;
  let autoClosed = 0;
  let stateBytes = 0;

  /** The MC's command sent → its acknowledgement: the hub's own time for the step (the broadcast is written before the ack). */
  const commandAcks: Record<string, number[]> = { question: [], reveal: [], leaderboard: [], bare: [] };
  /** Per question, for reading a run: the slowest phone of each step. */
  const slowest: Record<string, number[]> = { question: [], bare: [] };

  /** Sends a step and collects, from every worker, when each socket had `key` (relative to the send). */
  async function measured(step: string, send: () => Promise<unknown>, keys: string[], into: number[][]) {
    await all({ cmd: 'collect' });
    await sleep(SETTLE_MS);
    const sentAt = clock();
    const sending = send().then(() => commandAcks[step]!.push(clock() - sentAt));
    const replies = await Promise.all(keys.map((key) => all<{ times: (number | null)[] }>({ cmd: 'await', key, timeoutMs: 20_000 })));
    await sending;
    const times = replies[0]!.flatMap((reply) => reply.times).filter((at): at is number => at !== null);
    slowest[step]?.push(round(Math.max(...times) - sentAt));
    replies.forEach((perWorker, k) => {
      for (const times of perWorker.map((reply) => reply.times)) {
        for (const at of times) {
          if (at === null) missedSteps += 1;
          else into[k]!.push(at - sentAt);
        }
      }
    });
  }

  for (let index = 0; index < questionCount; index++) {
    await measured(
      'question',
      () => control(index === 0 ? 'start' : 'next').then((state) => (questionStates[index] ??= state)),
      [`question:${index}`],
      [fanout],
    );

    // Every phone answers within the window; the hub closes the question once all have answered.
    const answers = await all<{ id: number }>({ cmd: 'await', key: `settled:${index}`, timeoutMs: answerDelayMs + ANSWER_WINDOW_MS + 30_000 }).then(() =>
      all<{ acked: string[]; latencies: number[]; refused: Record<string, number>; firstSent: number; lastAck: number }>({ cmd: 'answers', index }),
    );
    for (const result of answers) {
      acked.push(...result.acked.map((playerId) => ({ playerId, index })));
      ackLatencies.push(...result.latencies);
      for (const [code, n] of Object.entries(result.refused)) refused[code] = (refused[code] ?? 0) + n;
    }
    answerSeconds += (Math.max(...answers.map((r) => r.lastAck)) - Math.min(...answers.map((r) => r.firstSent))) / 1000;
    const waitUntil = Date.now() + 1500;
    while (latest!.phase === 'question' && Date.now() < waitUntil) await sleep(10);
    if (latest!.phase === 'question') await control('close');
    else autoClosed += 1;

    await measured('reveal', () => control('reveal'), [`reveal:${index}`, `you:${index}`], [revealFanout, youFanout]);
    await measured('leaderboard', () => control('leaderboard'), [`leaderboard:${index}`], [leaderboardFanout]);

    // The baseline: the same payload (this question's state as the phones got it), the same sockets' workers.
    const payload = questionStates[index]!;
    stateBytes = Math.max(stateBytes, Buffer.byteLength(JSON.stringify(payload)));
    await measured('bare', () => bareMc.timeout(60_000).emitWithAck('broadcast', payload), [`bare:${index + 1}`], [bareFanout]);
  }

  // ---- the end: sockets closed, workers gone, the hub stopped, the store read ----
  await all({ cmd: 'close' });
  await Promise.all(workers.map((worker) => stopChild(worker.child)));
  sockets.forEach((socket) => socket.close());
  const sessionId = latest!.sessionId;
  const stoppedWith = await hub.stop();
  if (stoppedWith !== 0) throw new Error(`hub exited with ${stoppedWith}`);
  const db = new Database(path.join(hub.dataDir, 'eventday.db'), { readonly: true });
  const stored = new Set(
    (db.prepare('SELECT player_id, idx FROM live_answers WHERE session_id = ?').all(sessionId) as { player_id: string; idx: number }[]).map(
      (row) => `${row.player_id}:${row.idx}`,
    ),
  );
  db.close();
  const lost = acked.filter(({ playerId, index }) => !stored.has(`${playerId}:${index}`)).length;

  const hubP99 = quantile(fanout, 0.99);
  const bareP99 = quantile(bareFanout, 0.99);
  const joinMs = joins.flatMap((result) => result.joinMs);
  const figures = {
    players: joined,
    questions: questionCount,
    fanout_p50_ms: round(quantile(fanout, 0.5)),
    fanout_p99_ms: round(hubP99),
    baseline_fanout_p99_ms: round(bareP99),
    ratio_p99: Math.round((hubP99 / bareP99) * 100) / 100,
    answers_per_s: Math.round(acked.length / answerSeconds),
    ack_p99_ms: round(quantile(ackLatencies, 0.99)),
    acked: acked.length,
    lost,
    rss_mb: round(rssAfterKb / 1024),
    rss_per_player_kb: round((rssAfterKb - rssBeforeKb) / joined),
    join_p99_ms: round(quantile(joinMs, 0.99)),
    reveal_fanout_p99_ms: round(quantile(revealFanout, 0.99)),
    leaderboard_fanout_p99_ms: round(quantile(leaderboardFanout, 0.99)),
  };

  console.log(
    `live quiz against a real hub (own process, SQLite synchronous=FULL) and a bare Socket.io server (own process), ` +
      `${joined} players in ${workerCount} worker processes, ${questionCount} questions; fan-out = MC's command sent → each phone's receipt`,
  );
  console.table([
    summary('join ack (live:join sent → ack)', joinMs),
    summary(
      'connect (websocket), hub',
      joins.flatMap((result) => result.connectMs),
    ),
    summary(
      'connect (websocket), bare Socket.io',
      bareConnects.flatMap((result) => result.connectMs),
    ),
    summary('question fan-out, hub', fanout),
    summary('question fan-out, bare Socket.io', bareFanout),
    summary('answer ack', ackLatencies),
    summary('reveal fan-out (live:state)', revealFanout),
    summary('reveal: own result (live:you)', youFanout),
    summary('leaderboard fan-out', leaderboardFanout),
    summary('MC ack: start/next', commandAcks.question!),
    summary('MC ack: reveal', commandAcks.reveal!),
    summary('MC ack: leaderboard', commandAcks.leaderboard!),
    summary('MC ack: bare broadcast', commandAcks.bare!),
  ]);
  console.table({
    joins_per_s: Math.round(joined / joinSeconds),
    join_failures: joinFailures,
    ratio_p99: figures.ratio_p99,
    answers_per_s: figures.answers_per_s,
    acked: acked.length,
    refused: JSON.stringify(refused),
    lost,
    missed_steps: missedSteps,
    auto_closed: `${autoClosed}/${questionCount}`,
    rss_before_mb: round(rssBeforeKb / 1024),
    rss_after_joins_mb: figures.rss_mb,
    rss_per_player_kb: figures.rss_per_player_kb,
    question_state_bytes: stateBytes,
    slowest_phone_per_question_hub_ms: slowest.question!.join(' '),
    slowest_phone_per_question_bare_ms: slowest.bare!.join(' '),
    mc_ack_per_question_ms: commandAcks.question!.map(round).join(' '),
    clock_offset_ms: Math.round(clockOffset * 1000) / 1000,
  });
  if (asJson) console.log(JSON.stringify(figures));
} finally {
  // Whatever happened, nothing is left running: workers, the baseline server, the hub.
  sockets.forEach((socket) => socket.close());
  await Promise.all(workers.map((worker) => stopChild(worker.child)));
  if (bare) await stopChild(bare.child, 'stop');
  if (hub) {
    await hub.kill().catch(() => null);
    fs.rmSync(hub.dataDir, { recursive: true, force: true });
  }
}
