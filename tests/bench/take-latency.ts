/**
 * npm run bench:take [-- --screens 3,50,200 --takes 40 --json]
 * How long a take needs to reach every screen of a group (the slowest screen counts), against a
 * bare Socket.io broadcast on the same machine in the same run, so a noisy machine shows as noise
 * in both columns rather than as our overhead.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { startHub } from '../support/hub-harness.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1]! : fallback;
};
const screenCounts = option('screens', '3,50,200').split(',').map(Number);
const takes = Number(option('takes', '40'));
const asJson = args.includes('--json');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

function connectAll(base: string, count: number, auth: object): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const socket = connect(base, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    }),
  );
}

/** Sends `runs` commands; each resolves when every screen has the broadcast. Returns the slowest per run. */
async function measure(screens: Socket[], event: string, send: () => void, runs: number): Promise<number[]> {
  const slowest: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const arrivals = screens.map((screen) => new Promise<number>((resolve) => screen.once(event, () => resolve(performance.now()))));
    send();
    const times = await Promise.all(arrivals);
    slowest.push(Math.max(...times) - started);
  }
  return slowest;
}

async function benchHub(screenCount: number) {
  const running = await startHub();
  const auth = (client: string) => ({ protocol: PROTOCOL_VERSION, client });
  const screens = await connectAll(running.base, screenCount, auth('screen'));
  await Promise.all(screens.map((screen) => screen.emitWithAck('stage:watch', { groupId: 'main-stage' })));
  const [mc] = await connectAll(running.base, 1, auth('console'));
  let toggle = 0;
  // Each run: prepare (not measured), then the take (measured to the last screen).
  const slowest: number[] = [];
  for (let run = 0; run < takes; run++) {
    const prepared = await mc!.emitWithAck('stage:prepare', {
      groupId: 'main-stage',
      scene: { kind: 'message', tone: 'info', title: `第${toggle++}条`, body: '' },
    });
    const [ms] = await measure(
      screens,
      'stage:program',
      () => mc!.emit('stage:take', { groupId: 'main-stage', previewRevision: prepared.data.revision }, () => {}),
      1,
    );
    slowest.push(ms!);
    // Stay under the per-socket rate limit, as a real MC does.
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  [...screens, mc!].forEach((socket) => socket.close());
  await running.close();
  return slowest;
}

async function benchBare(screenCount: number) {
  const http = createServer();
  const io = new Server(http, { perMessageDeflate: false });
  io.on('connection', (socket) => {
    socket.on('join', () => void socket.join('group'));
    socket.on('take', (payload, ack: () => void) => {
      io.to('group').emit('program', payload);
      ack();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const screens = await connectAll(base, screenCount, {});
  screens.forEach((screen) => screen.emit('join'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const [mc] = await connectAll(base, 1, {});
  const scene = { kind: 'message', tone: 'info', title: '基准', body: '' };
  const slowest: number[] = [];
  for (let run = 0; run < takes; run++) {
    slowest.push(...(await measure(screens, 'program', () => mc!.emit('take', { groupId: 'main-stage', slot: { revision: run, scene } }, () => {}), 1)));
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  [...screens, mc!].forEach((socket) => socket.close());
  await io.close();
  return slowest;
}

const rows = [];
for (const count of screenCounts) {
  const bare = await benchBare(count);
  const hub = await benchHub(count);
  rows.push({
    screens: count,
    takes,
    hubP50: round(percentile(hub, 50)),
    hubP95: round(percentile(hub, 95)),
    hubMax: round(Math.max(...hub)),
    bareP50: round(percentile(bare, 50)),
    bareP95: round(percentile(bare, 95)),
    bareMax: round(Math.max(...bare)),
  });
}

console.log('take → slowest screen (ms), eventday hub (validate, store in SQLite with fsync, broadcast) vs bare Socket.io broadcast');
console.table(rows);
if (asJson) console.log(JSON.stringify({ bench: 'take-latency', rows }));
process.exit(0);
