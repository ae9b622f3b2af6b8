import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/database.ts';
import type { AccountView } from '../../shared/identity.ts';
import type { Role } from '../../shared/permissions.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor, Identity } from './identity.ts';
import { countAccounts, findAccount, findAccountByUsername, insertAccount, listAccounts, updateAccount, type AccountChange } from './account-queries.ts';
import { deleteSession, deleteSessionsOf, findSession, insertSession } from './session-queries.ts';
import { throttle } from './failure-throttle.ts';
import {
  DUMMY_PASSWORD_HASH,
  hashOneTimePassword,
  hashPassword,
  hashToken,
  newOneTimePassword,
  newReadablePassword,
  newToken,
  verifyPassword,
} from './secrets.ts';

/** An event day is long, but not longer than this: sign in again the next morning. */
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const MIN_PASSWORD_LENGTH = 10;

export interface SignedIn {
  sessionToken: string;
  csrfToken: string;
  account: AccountView;
  expiresAt: number;
}

/** Told when an account's sessions must end now (disabled, role or venues changed). */
export type AccountKicker = (accountId: number) => void;

export function createAuthService(db: Db, log: FastifyBaseLogger, kickAccount: AccountKicker, now = Date.now) {
  async function checkedHash(password: string): Promise<string> {
    if (password.length < MIN_PASSWORD_LENGTH) throw new HubError('WEAK_PASSWORD');
    return hashPassword(password);
  }

  /** Sign-in and a password change share one failure count per username. */
  function refuseIfLocked<T extends { lockedForMs: number }>(attempt: T): T {
    if (attempt.lockedForMs > 0) throw new HubError('SIGN_IN_LOCKED', `retry after ${Math.ceil(attempt.lockedForMs / 1000)} s`);
    return attempt;
  }

  return {
    /** The hub's clock, which sessions are given and checked by. */
    now,

    /** The same answer and about the same time for an unknown name as for a wrong password. */
    async signIn(username: string, password: string, ip: string): Promise<SignedIn> {
      const attempt = throttle(db, `sign-in:${username}`, now());
      if (attempt.lockedForMs > 0) log.warn({ username, failures: attempt.failures }, 'sign-in refused: locked after failures');
      refuseIfLocked(attempt);
      const account = findAccountByUsername(db, username);
      const passwordMatches = await verifyPassword(password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!account || !passwordMatches || account.disabled) {
        const record = attempt.failed();
        log.warn({ username, failures: record.failures, lockedForMs: record.lockedUntil - now(), ip }, 'sign-in failed');
        throw new HubError('BAD_CREDENTIALS');
      }
      attempt.succeeded();
      const sessionToken = newToken();
      const csrfToken = newToken();
      const expiresAt = now() + SESSION_LIFETIME_MS;
      const { passwordHash: _, ...view } = account;
      db.transaction(() => {
        insertSession(db, { tokenHash: hashToken(sessionToken), accountId: account.id, csrfToken, ip }, now(), expiresAt);
        recordAudit(db, { kind: 'staff', id: String(account.id), name: account.username, ip }, 'session:sign-in', `account:${account.id}`);
      })();
      return { sessionToken, csrfToken, account: view, expiresAt };
    },

    sessionOf(sessionToken: string | undefined): { identity: Identity; csrfToken: string } | undefined {
      if (!sessionToken) return undefined;
      const session = findSession(db, hashToken(sessionToken), now());
      return session && { identity: { kind: 'staff', account: session.account, sessionExpiresAt: session.expiresAt }, csrfToken: session.csrfToken };
    },

    signOut(sessionToken: string, actor: Actor): void {
      db.transaction(() => {
        deleteSession(db, hashToken(sessionToken));
        recordAudit(db, actor, 'session:sign-out', `account:${actor.id}`);
      })();
    },

    /**
     * The signed-in person sets their own password: the old one again (a session left open on a
     * shared laptop cannot be taken over), a new one of 10 characters or more that is not the old.
     * Their other sessions end; this one stays.
     */
    async changeOwnPassword(username: string, sessionToken: string, currentPassword: string, newPassword: string, ip: string): Promise<AccountView> {
      const account = findAccountByUsername(db, username);
      if (!account) throw new HubError('UNAUTHENTICATED');
      const attempt = refuseIfLocked(throttle(db, `sign-in:${username}`, now()));
      if (!(await verifyPassword(currentPassword, account.passwordHash))) {
        attempt.failed();
        throw new HubError('BAD_CREDENTIALS', 'the current password is not right');
      }
      if (currentPassword.normalize('NFKC') === newPassword.normalize('NFKC')) throw new HubError('PASSWORD_NOT_NEW');
      const passwordHash = await checkedHash(newPassword);
      db.transaction(() => {
        updateAccount(db, account.id, { passwordHash, mustChangePassword: false }, now());
        deleteSessionsOf(db, account.id, hashToken(sessionToken));
        recordAudit(db, { kind: 'staff', id: String(account.id), name: account.username, ip }, 'account:password', `account:${account.id}`, {
          firstSignIn: account.mustChangePassword,
        });
      })();
      // Sockets opened before the change carry the old identity: they connect again.
      kickAccount(account.id);
      return findAccount(db, account.id)!;
    },

    listAccounts: () => listAccounts(db),

    async createAccount(
      input: { username: string; displayName: string; role: Role; venueIds: string[] | null; password: string },
      actor: Actor,
    ): Promise<AccountView> {
      const passwordHash = await checkedHash(input.password);
      if (findAccountByUsername(db, input.username)) throw new HubError('USERNAME_TAKEN');
      const id = db.transaction(() => {
        const created = insertAccount(db, { ...input, passwordHash }, now());
        recordAudit(db, actor, 'account:create', `account:${created}`, { username: input.username, role: input.role, venueIds: input.venueIds });
        return created;
      })();
      return findAccount(db, id)!;
    },

    async updateAccount(id: number, change: Omit<AccountChange, 'passwordHash'> & { password?: string }, actor: Actor): Promise<AccountView> {
      if (!findAccount(db, id)) throw new HubError('UNKNOWN_ACCOUNT');
      const { password, ...rest } = change;
      const passwordHash = password === undefined ? undefined : await checkedHash(password);
      db.transaction(() => {
        updateAccount(db, id, { ...rest, passwordHash }, now());
        // A changed role, venue list, password or a disabled account starts again from sign-in.
        deleteSessionsOf(db, id);
        recordAudit(db, actor, 'account:update', `account:${id}`, { ...rest, passwordChanged: password !== undefined });
      })();
      kickAccount(id);
      return findAccount(db, id)!;
    },

    /** A one-time password in place of the account's password: its sessions end, its next sign-in sets a real one. */
    issueOneTimePassword(id: number, actor: Actor): { username: string; password: string } {
      const account = findAccount(db, id);
      if (!account) throw new HubError('UNKNOWN_ACCOUNT');
      const password = newOneTimePassword();
      db.transaction(() => {
        updateAccount(db, id, { passwordHash: hashOneTimePassword(password), mustChangePassword: true }, now());
        deleteSessionsOf(db, id);
        recordAudit(db, actor, 'account:one-time-password', `account:${id}`);
      })();
      kickAccount(id);
      return { username: account.username, password };
    },

    /**
     * The first start on an empty store creates the admin: with ADMIN_PASSWORD when set, else a
     * random password returned once for the start-up log.
     */
    async ensureAdmin(configured: string | undefined): Promise<string | undefined> {
      if (countAccounts(db) > 0) return undefined;
      const password = configured ?? newReadablePassword();
      const passwordHash = await checkedHash(password);
      db.transaction(() => {
        const id = insertAccount(db, { username: 'admin', displayName: '管理员', role: 'admin', venueIds: null, passwordHash }, now());
        recordAudit(db, { kind: 'system', id: 'system', name: 'system', ip: '' }, 'account:create', `account:${id}`, {
          username: 'admin',
          role: 'admin',
          bootstrap: true,
        });
      })();
      return configured ? undefined : password;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
