/**
 * One simulated kiosk process of `npm run bench:checkin`: connects as a paired kiosk and sends
 * check-ins as fast as the window allows, for the given time, then reports every acknowledged
 * scan id and its latency to the parent.
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';

interface Job {
  base: string;
  tokens: string[];
  passes: string[];
  seconds: number;
  batch: number;
  window: number;
  worker: number;
}

// The job comes over IPC: thousands of passes do not fit in a command line.
const job = await new Promise<Job>((resolve) => process.once('message', (message) => resolve(message as Job)));
let sequence = 0;
const acked: string[] = [];
const latencies: number[] = [];
let refused = 0;
let rateLimited = 0;

async function kiosk(token: string, deadline: number): Promise<void> {
  const socket = io(job.base, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, client: 'kiosk', deviceToken: token }, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const nextScan = () => ({
    scanId: `b${job.worker}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`,
    pass: job.passes[sequence % job.passes.length]!,
    checkpointId: 'taihu-gate',
    scannedAt: Date.now(),
    offline: true,
  });
  // A fixed number of uploads in flight per kiosk: each answered one makes room for the next.
  async function lane() {
    while (performance.now() < deadline) {
      const scans = Array.from({ length: job.batch }, nextScan);
      const sentAt = performance.now();
      const ack = (await socket
        .timeout(10_000)
        .emitWithAck('checkin:upload', { scans })
        .catch(() => ({ ok: false }))) as { ok: boolean; code?: string; data?: { outcomes: { scanId: string }[] } };
      const took = performance.now() - sentAt;
      if (!ack.ok || !ack.data) {
        // Refused (the per-kiosk rate limit) or unanswered: nothing was acknowledged, nothing may be counted.
        if (ack.code === 'RATE_LIMITED') rateLimited += 1;
        refused += scans.length;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      for (const outcome of ack.data.outcomes) {
        acked.push(outcome.scanId);
        latencies.push(took);
      }
    }
  }
  await Promise.all(Array.from({ length: job.window }, lane));
  socket.close();
}

const deadline = performance.now() + job.seconds * 1000;
const startedAt = Date.now();
await Promise.all(job.tokens.map((token) => kiosk(token, deadline)));
const endedAt = Date.now();
// Leave only once the parent has the report.
process.send!({ acked, latencies, refused, rateLimited, startedAt, endedAt }, () => process.disconnect());
