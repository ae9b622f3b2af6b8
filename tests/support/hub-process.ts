import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ADMIN_PASSWORD, newDataDir } from './hub-harness.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HubProcess {
  base: string;
  port: number;
  dataDir: string;
  /** The hub's process id (for reading its memory from /proc). */
  pid: number;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the hub dies at once, as in a power cut; nothing gets to clean up. */
  kill(): Promise<number | null>;
}

const PROJECT = path.resolve(import.meta.dirname, '../..');
/** The hub as `npm run build` bundles it: it starts in a fraction of a second, also on a loaded machine. */
const BUILT_HUB = path.join(PROJECT, 'dist/server/main.js');

/** The newest source file the bundle is made of: a test must not start a hub older than the code. */
function newestSource(): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) {
        const { mtimeMs } = fs.statSync(file);
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
      }
    }
  };
  for (const dir of ['server', 'shared']) walk(path.join(PROJECT, dir));
  return newest;
}

/** A loaded machine may take a while; a hub that has not answered by then is broken. */
const START_LIMIT_MS = 60_000;

/**
 * The hub exactly as `npm start` runs it (the built bundle), in its own process. HUB_NODE_ARGS
 * adds node flags for profiling a benchmark's hub, e.g. HUB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export async function startHubProcess(opts: { port?: number; dataDir?: string } = {}): Promise<HubProcess> {
  if (!fs.existsSync(BUILT_HUB)) throw new Error(`${BUILT_HUB} is missing: run npm run build (or npm run build:server)`);
  const stale = newestSource();
  if (stale && stale.mtimeMs > fs.statSync(BUILT_HUB).mtimeMs) throw new Error(`${BUILT_HUB} is older than ${stale.file}: run npm run build:server`);
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? newDataDir();
  const nodeArgs = (process.env.HUB_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', BUILT_HUB], {
    cwd: PROJECT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APPS_DIR: 'dist', LOG_LEVEL: 'warn', ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + START_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited at start:\n${output}`);
    const healthy = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`hub did not answer /healthz:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    port,
    dataDir,
    pid: child.pid!,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}
