/**
 * npm run bench:checkin [-- --workers 2 --kiosks 6 --batch 5 --window 1 --seconds 8 --visitors 1000 --json]
 * Simulated kiosks in separate processes check passes in against a real hub (its own process,
 * as `npm start` runs it) as fast as they can. Prints check-ins per second, p50/p99 latency of
 * the acknowledgement, and how many acknowledged check-ins are missing from the store after.
 * Kiosks send what they send when they come back online: outbox uploads of `batch` scans.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startHubProcess } from '../support/hub-process.ts';
import { api, pairDevice, signIn } from '../support/staff.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const workers = option('workers', 2);
const kiosksPerWorker = option('kiosks', 6);
const batch = option('batch', 5);
const window = option('window', 1);
const seconds = option('seconds', 8);
const visitorCount = option('visitors', 1000);
const asJson = args.includes('--json');

const hub = await startHubProcess();
const admin = await signIn(hub.base);

const passes: string[] = [];
for (let i = 0; i < visitorCount; i += 50) {
  const replies = await Promise.all(
    Array.from({ length: Math.min(50, visitorCount - i) }, (_, k) =>
      api(hub.base)
        .post('/api/visitors', { nickname: `访客${i + k}`, privacyConsent: false })
        .then((r) => r.json() as Promise<{ pass: string }>),
    ),
  );
  passes.push(...replies.map((reply) => reply.pass));
}
const tokens: string[][] = [];
for (let w = 0; w < workers; w++) {
  tokens.push([]);
  for (let k = 0; k < kiosksPerWorker; k++) tokens[w]!.push((await pairDevice(hub.base, admin, { kind: 'kiosk', venueId: 'taihu' })).token);
}

type Report = { acked: string[]; latencies: number[]; refused: number; rateLimited: number; startedAt: number; endedAt: number };
const results = await Promise.all(
  tokens.map(
    (workerTokens, worker) =>
      new Promise<Report>((resolve, reject) => {
        const child = fork(path.join(import.meta.dirname, 'checkin-worker.ts'), [], { execArgv: ['--import', 'tsx'] });
        child.send({ base: hub.base, tokens: workerTokens, passes, seconds, batch, window, worker });
        child.once('message', (message) => resolve(message as Report));
        child.once('error', reject);
        child.once('exit', (code) => {
          if (code !== 0) reject(new Error(`kiosk worker ${worker} exited with ${code}`));
        });
      }),
  ),
);
// The run is from the first kiosk's first scan to the last kiosk's last answer (process start-up excluded).
const elapsed = (Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt))) / 1000;

// Every acknowledged scan must be in the store: read it after the hub has stopped.
expectExit(await hub.stop());
const db = new Database(path.join(hub.dataDir, 'eventday.db'), { readonly: true });
const stored = new Set(db.prepare('SELECT scan_id FROM scans').pluck().all() as string[]);
db.close();

const acked = results.flatMap((result) => result.acked);
const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
const quantile = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
const figures = {
  checkins_per_s: Math.round(acked.length / elapsed),
  p50_ms: quantile(0.5),
  p99_ms: quantile(0.99),
  acked: acked.length,
  lost: acked.filter((scanId) => !stored.has(scanId)).length,
  refused: results.reduce((sum, result) => sum + result.refused, 0),
  rate_limited_uploads: results.reduce((sum, result) => sum + result.rateLimited, 0),
  kiosks: workers * kiosksPerWorker,
  worker_processes: workers,
  batch,
  in_flight_per_kiosk: window,
  seconds: Math.round(elapsed * 10) / 10,
};

console.log('check-ins against a real hub (own process, SQLite synchronous=FULL, group commits); latency = upload sent → acknowledged');
console.table([figures]);
if (asJson) console.log(JSON.stringify(figures));

function expectExit(code: number | null) {
  if (code !== 0) throw new Error(`hub exited with ${code}`);
}
