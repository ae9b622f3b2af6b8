import { configFromEnv } from './config.ts';
import { createHub } from './hub.ts';
import { listVenues } from './venues/venue-queries.ts';

/** `npm start`: the hub on the embedded store, and where to point each kind of device. */
const config = configFromEnv();
const hub = await createHub(config);
const base = await hub.listen();

const groups = listVenues(hub.db)
  .flatMap((venue) => venue.groups.map((group) => `      ${base}/display/screen/${group.id}   (${venue.name} · ${group.name})`))
  .join('\n');
process.stdout.write(`
  eventday hub is running — data in ${config.dataDir}
    Kiosks and phones:  ${base}/kiosk/
    MC console:         ${base}/display/console
    Big screens:
${groups}
    Health:             ${base}/healthz
`);
if (hub.initialAdminPassword) {
  // Shown once: it is stored only as a hash. `npm run admin:password` sets a new one.
  process.stdout.write(`
  First start: an admin account was created.
    username: admin
    password: ${hub.initialAdminPassword}
`);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  hub.app.log.info({ signal }, 'stopping: no new connections, finishing writes, closing the store');
  try {
    await hub.close();
    process.exit(0);
  } catch (error) {
    hub.app.log.error({ err: error }, 'stop failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
