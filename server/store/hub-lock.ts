import fs from 'node:fs';
import path from 'node:path';

/**
 * A hub marks the data folder it serves (its process id in hub.pid), so a command-line tool that
 * replaces data under it (a rehearsal reset, a new event) can refuse while it runs: the hub keeps
 * a little in memory (the pass key it signs with) that only its own console action renews.
 */
const lockFile = (dataDir: string) => path.join(dataDir, 'hub.pid');

export function markHubRunning(dataDir: string): () => void {
  fs.writeFileSync(lockFile(dataDir), String(process.pid));
  return () => fs.rmSync(lockFile(dataDir), { force: true });
}

/** The process id of a hub serving this folder now, if any (a stale mark of a crashed hub is ignored). */
export function runningHubPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
