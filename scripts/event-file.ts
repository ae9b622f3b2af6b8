/**
 * npm run event:export -- FILE   the whole setup of the store at DATA_DIR as one event file
 *                                (works while the hub runs: it only reads)
 * npm run event:import -- FILE   that setup in place of this store's (and its visitor data), with
 *                                the hub stopped; checked whole first, refused with its reasons
 * The console's 活动设置 → 活动文件 does the same over the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../shared/errors.ts';
import { configFromEnv } from '../server/config.ts';
import { DEMO_MEDIA_DIR } from '../server/demo/seed-demo.ts';
import { copyCarriedFiles } from '../server/event-file/event-file-apply.ts';
import { readEventFile } from '../server/event-file/event-file-read.ts';
import { eventFileManifest, writeEventFile } from '../server/event-file/event-file-write.ts';
import { createEventService } from '../server/event/event-service.ts';
import { HubError } from '../server/hub-error.ts';
import { mediaLimitsFromEnv } from '../server/media/media-limits.ts';
import { mediaDirOf } from '../server/media/media-paths.ts';
import { openDatabase } from '../server/store/database.ts';
import { runningHubPid } from '../server/store/hub-lock.ts';

const [which, file] = process.argv.slice(2);
if ((which !== 'export' && which !== 'import') || !file) {
  console.error('Usage: npm run event:export -- FILE, or npm run event:import -- FILE');
  process.exit(2);
}
const config = configFromEnv();
const mediaDir = mediaDirOf(config.dataDir);
const pid = which === 'import' ? runningHubPid(config.dataDir) : undefined;
if (pid) {
  console.error(`A hub is running on ${config.dataDir} (process ${pid}): stop it first, or import in the console (活动设置 → 活动文件).`);
  process.exit(1);
}
const db = openDatabase(config.dataDir);
try {
  if (which === 'export') {
    const manifest = eventFileManifest(db, mediaDir, Date.now());
    await writeEventFile(manifest, mediaDir, fs.createWriteStream(file));
    console.log(`The setup of "${manifest.eventName}" (${manifest.files.length} media files, ${fs.statSync(file).size} bytes) written to ${file}.`);
  } else {
    const read = await readEventFile(path.resolve(file), db, mediaLimitsFromEnv(), DEMO_MEDIA_DIR);
    if (!read.ok) throw new HubError('EVENT_FILE_INVALID', read.problems.join('\n'));
    const event = createEventService(
      db,
      () => {},
      Date.now,
      () => {},
    );
    const revision = event.info().revision;
    event.checkReplaceable(revision);
    await copyCarriedFiles(read.file, mediaDir);
    const actor = { kind: 'system', id: 'cli', name: 'event:import', ip: 'local' } as const;
    const { info } = event.importFile(revision, actor, read.file.manifest);
    console.log(`The setup of "${info.name}" (${info.venues.length} venues) imported into ${config.dataDir}; the visitor data there was removed.`);
  }
} catch (error) {
  if (!(error instanceof HubError)) throw error;
  console.error(`${error.code}: ${errorMessage(error.code)} ${errorMessage(error.code, 'en')}\n${error.detail ?? ''}`);
  process.exitCode = 1;
} finally {
  db.close();
}
