/**
 * npm run admin:password [-- USERNAME]
 * Sets a new password for an account (admin by default) in the store at DATA_DIR, enables it,
 * lifts any sign-in lock and ends its sessions. ADMIN_PASSWORD chooses the password; without
 * it a random one is printed. Works while the hub runs (SQLite in WAL mode).
 */
import type { FastifyBaseLogger } from 'fastify';
import { configFromEnv } from '../server/config.ts';
import { openDatabase } from '../server/store/database.ts';
import { createAuthService } from '../server/auth/auth-service.ts';
import { findAccountByUsername } from '../server/auth/account-queries.ts';
import { clearFailures } from '../server/auth/failure-throttle.ts';
import { newReadablePassword } from '../server/auth/secrets.ts';

const config = configFromEnv();
const username = process.argv[2] ?? 'admin';
const db = openDatabase(config.dataDir);
const quiet = { warn() {}, info() {}, error() {} } as unknown as FastifyBaseLogger;
const auth = createAuthService(db, quiet, () => {});

// An empty store gets its admin here, as the hub would on its first start.
await auth.ensureAdmin(config.adminPassword ?? newReadablePassword());
const account = findAccountByUsername(db, username);
if (!account) {
  console.error(`No account "${username}" in ${config.dataDir}.`);
  process.exit(1);
}
const password = config.adminPassword ?? newReadablePassword();
await auth.updateAccount(account.id, { password, disabled: false }, { kind: 'system', id: 'cli', name: 'admin:password', ip: 'local' });
clearFailures(db, `sign-in:${username}`);
db.close();
console.log(`Password of "${username}" in ${config.dataDir} set${config.adminPassword ? ' from ADMIN_PASSWORD' : `: ${password}`}`);
