/**
 * npm run staff:import -- FILE [--passwords OUT.xlsx] [--take-good] [--create-venues]
 *
 * The liaison list (XLSX or CSV, UTF-8 or GBK) into the store at DATA_DIR, with the hub stopped:
 * every row creates or updates an operator account of the venue its unit runs. The new accounts'
 * one-time passwords go to OUT.xlsx (用户名, 姓名, 单位名称, 一次性密码), or, without it, to the
 * terminal. The console's 账号 → 联络员名单 does the same over the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../shared/errors.ts';
import { configFromEnv } from '../server/config.ts';
import { createEventService } from '../server/event/event-service.ts';
import { HubError } from '../server/hub-error.ts';
import { createLiaisonService, LiaisonImportRefused } from '../server/liaison/liaison-service.ts';
import { openDatabase } from '../server/store/database.ts';
import { runningHubPid } from '../server/store/hub-lock.ts';
import { createVenueSetupService } from '../server/venues/venue-setup-service.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const passwordsAt = args.indexOf('--passwords');
const passwordsFile = passwordsAt >= 0 ? args[passwordsAt + 1] : undefined;
const file = args.find((arg, index) => !arg.startsWith('--') && (passwordsAt < 0 || index !== passwordsAt + 1));
if (!file || (passwordsAt >= 0 && !passwordsFile)) {
  console.error('Usage: npm run staff:import -- FILE [--passwords OUT.xlsx] [--take-good] [--create-venues]');
  process.exit(2);
}
const config = configFromEnv();
const pid = runningHubPid(config.dataDir);
if (pid) {
  console.error(`A hub is running on ${config.dataDir} (process ${pid}): stop it first, or import in the console (账号 → 联络员名单).`);
  process.exit(1);
}

const db = openDatabase(config.dataDir);
const actor = { kind: 'system', id: 'cli', name: 'staff:import', ip: 'local' } as const;
const line = (entry: { line: number; reason: string }) => `  第 ${entry.line} 行 / line ${entry.line}: ${entry.reason}`;
try {
  const event = createEventService(
    db,
    () => {},
    Date.now,
    () => {},
  );
  const venues = createVenueSetupService(db, event.venuesChanged, Date.now);
  const liaison = createLiaisonService(db, { venues, kickAccount: () => {} }, Date.now);
  const consoleAddress = `http://<hub address>:${config.port}/display/console`;
  const options = { takeGood: flag('--take-good'), createVenues: flag('--create-venues') };
  const { reply, passwords, sheet } = await liaison.importFile(fs.readFileSync(file), path.basename(file), options, actor, consoleAddress);
  console.log(`${reply.created} accounts created, ${reply.updated} updated, ${reply.venuesCreated} sub-venues created, ${reply.skipped} rows skipped.`);
  for (const entry of [...reply.problems, ...reply.notes]) console.log(line(entry));
  if (sheet && passwordsFile) {
    fs.writeFileSync(passwordsFile, sheet, { mode: 0o600 });
    console.log(`The ${passwords.length} one-time passwords are in ${passwordsFile}: print it, hand each slip out, then delete the file.`);
  } else if (passwords.length > 0) {
    console.log('One-time passwords (each person sets their own at first sign-in):');
    for (const entry of passwords) console.log(`  ${entry.username}\t${entry.password}`);
  }
} catch (error) {
  if (!(error instanceof HubError)) throw error;
  console.error(`${error.code}: ${errorMessage(error.code)} ${errorMessage(error.code, 'en')}\n${error.detail ?? ''}`);
  if (error instanceof LiaisonImportRefused) for (const entry of error.report.problems) console.error(line(entry));
  process.exitCode = 1;
} finally {
  db.close();
}
