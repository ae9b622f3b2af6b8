/**
 * npm run event:rehearsal-reset — after the rehearsal: the setup stays, the day's visitor data goes.
 * npm run event:new — a new, empty event in place of the one in the store (the demo, last year's).
 * Both on the store at DATA_DIR, with the hub stopped (the console's 活动设置 tab does the same
 * while it runs); audited like the console's buttons.
 */
import { errorMessage } from '../shared/errors.ts';
import { configFromEnv } from '../server/config.ts';
import { createEventService } from '../server/event/event-service.ts';
import { HubError } from '../server/hub-error.ts';
import { openDatabase } from '../server/store/database.ts';
import { runningHubPid } from '../server/store/hub-lock.ts';

const which = process.argv[2];
if (which !== 'rehearsal' && which !== 'new') {
  console.error('Usage: tsx scripts/event-replace.ts rehearsal|new (npm run event:rehearsal-reset, npm run event:new)');
  process.exit(2);
}
const config = configFromEnv();
const pid = runningHubPid(config.dataDir);
if (pid) {
  console.error(`A hub is running on ${config.dataDir} (process ${pid}): stop it first, or use the console (活动设置 → 彩排与新活动).`);
  process.exit(1);
}
const db = openDatabase(config.dataDir);
const event = createEventService(
  db,
  () => {},
  Date.now,
  () => {},
);
const actor = { kind: 'system', id: 'cli', name: `event:${which}`, ip: 'local' } as const;
try {
  const revision = event.info().revision;
  const { removed, info } = which === 'new' ? event.newEvent(revision, actor) : event.rehearsalReset(revision, actor);
  const counts = Object.entries(removed)
    .map(([what, count]) => `${count} ${what}`)
    .join(', ');
  console.log(
    which === 'new'
      ? `New event "${info.name}" in ${config.dataDir} (one main venue); removed ${counts}.`
      : `Rehearsal data removed in ${config.dataDir}: ${counts}; the setup is kept.`,
  );
} catch (error) {
  if (!(error instanceof HubError)) throw error;
  console.error(`${error.code}: ${errorMessage(error.code)} ${errorMessage(error.code, 'en')}${error.detail ? ` (${error.detail})` : ''}`);
  process.exitCode = 1;
} finally {
  db.close();
}
