/**
 * npm run dev — the hub from its sources, restarted on every change (tsx watch, demo content in
 * ./data), and both apps on Vite's dev servers with hot reload, proxying the hub's socket, REST
 * and media: http://localhost:5173/kiosk/ and http://localhost:5174/display/console.
 * Ctrl+C stops all three.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = (name: string) => path.resolve('node_modules/.bin', name);
const parts: [string, string, string[]][] = [
  ['hub', bin('tsx'), ['watch', 'server/main.ts']],
  ['kiosk', bin('vite'), ['--config', 'kiosk/vite.config.ts', '--port', '5173', '--strictPort']],
  ['display', bin('vite'), ['--config', 'display/vite.config.ts', '--port', '5174', '--strictPort']],
];

const children: ChildProcess[] = parts.map(([name, command, args]) => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '1' } });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    process.stdout.write(`[${name}] stopped (${code ?? 'signal'})\n`);
    stop();
  });
  return child;
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
