import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * One of the repository's command-line scripts (what `npm run …` runs), on the store at dataDir:
 * its exit code and what it printed (stdout when it succeeded, stderr when it failed).
 */
export async function runScript(script: string, args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, DATA_DIR: dataDir } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}
