/**
 * npm run test:e2e [-- playwright args] — the browser tests in two passes: first the specs that
 * measure time or frames, one at a time with nothing beside them; then the rest, two at a time.
 * Both passes always run (a Playwright project dependency would skip every other spec after one
 * timed failure and hide their results); the exit code is non-zero when either failed.
 * Extra arguments (a spec's name, --grep …) go to both passes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PLAYWRIGHT = path.resolve(import.meta.dirname, '../node_modules/@playwright/test/cli.js');
const PASSES = ['timed', 'flow'] as const;
const extra = process.argv.slice(2);

const failed = PASSES.filter((project) => {
  console.log(`\n── browser tests: ${project} ──`);
  const run = spawnSync(process.execPath, [PLAYWRIGHT, 'test', `--project=${project}`, '--pass-with-no-tests', ...extra], { stdio: 'inherit' });
  return run.status !== 0;
});

if (failed.length > 0) {
  console.error(`\nbrowser tests failed in: ${failed.join(', ')}`);
  process.exit(1);
}
