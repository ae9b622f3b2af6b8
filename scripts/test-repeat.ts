/**
 * npm run test:repeat -- N [--json] — runs `npm test` N times in a row (10 by default) and stops at
 * the first failure, saying which run and which tests failed. Each run's whole output is kept in
 * test-repeat-logs/run-K.log. Prints each run's duration, a table at the end, and with --json
 * one line: {"runs":N,"passed":P,"seconds":[…],"failed_run":K|null,"failures":[…]}.
 * A check that the suite passes on every run, not by chance: run it on a fresh clone
 * (git clone, npm ci), with nothing else running, and once more beside a CPU-heavy process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 10);
// Not under test-results/: Playwright empties that folder at the start of every run.
const LOG_DIR = path.resolve('test-repeat-logs');
fs.mkdirSync(LOG_DIR, { recursive: true });

/** Lines of a failed run's output that name what failed (Vitest's FAIL lines, Playwright's ✘ lines and its summary). */
function failuresIn(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').map((line) => line.trim());
  const named = lines.filter((line) => /^(FAIL\s|✘|×)|^\[(timed|flow)\] ›|error TS\d+|^Error:/.test(line));
  return [...new Set(named)].slice(0, 40);
}

function runOnce(index: number): Promise<{ ok: boolean; seconds: number; log: string; failures: string[] }> {
  const log = path.join(LOG_DIR, `run-${index}.log`);
  const out = fs.createWriteStream(log);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['test'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const keep = (chunk: Buffer) => {
      out.write(chunk);
      output += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      out.end();
      resolve({ ok: code === 0, seconds: Math.round((Date.now() - startedAt) / 1000), log, failures: code === 0 ? [] : failuresIn(output) });
    });
  });
}

const seconds: number[] = [];
let failedRun: number | null = null;
let failures: string[] = [];
for (let index = 1; index <= runs; index++) {
  process.stdout.write(`run ${index}/${runs} … `);
  const result = await runOnce(index);
  seconds.push(result.seconds);
  console.log(`${result.ok ? 'passed' : 'FAILED'} in ${result.seconds} s (${result.log})`);
  if (!result.ok) {
    failedRun = index;
    failures = result.failures;
    console.log(`\nrun ${index} failed:\n  ${failures.join('\n  ') || '(see the log)'}`);
    break;
  }
}

console.log('\n| run | result | seconds |\n| --: | --- | --: |');
seconds.forEach((s, i) => console.log(`| ${i + 1} | ${i + 1 === failedRun ? 'failed' : 'passed'} | ${s} |`));
const passed = seconds.length - (failedRun === null ? 0 : 1);
console.log(`${passed} of ${runs} runs passed${failedRun === null ? '' : `; stopped at run ${failedRun}`}`);
if (json) console.log(JSON.stringify({ runs, passed, seconds, failed_run: failedRun, failures }));
process.exit(failedRun === null ? 0 : 1);
