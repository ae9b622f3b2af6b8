import type { Db } from '../store/database.ts';
import type { AccountView } from '../../shared/identity.ts';
import { toAccountView } from './account-queries.ts';

export function insertSession(db: Db, session: { tokenHash: string; accountId: number; csrfToken: string; ip: string }, now: number, expiresAt: number): void {
  db.prepare('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?)').run(
    session.tokenHash,
    session.accountId,
    session.csrfToken,
    now,
    expiresAt,
    session.ip,
  );
}

/** A live session of an account that is not disabled, or nothing. */
export function findSession(db: Db, tokenHash: string, now: number): { account: AccountView; csrfToken: string; expiresAt: number } | undefined {
  const row = db
    .prepare(
      `SELECT a.id, a.username, a.display_name, a.role, a.venue_ids, a.password_hash, a.disabled, a.must_change_password, s.csrf_token, s.expires_at
       FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0`,
    )
    .get(tokenHash, now) as (Parameters<typeof toAccountView>[0] & { csrf_token: string; expires_at: number }) | undefined;
  return row && { account: toAccountView(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Every session of the account, but the one whose token hash is `keep` (the caller's own). */
export function deleteSessionsOf(db: Db, accountId: number, keep = ''): void {
  db.prepare('DELETE FROM sessions WHERE account_id = ? AND token_hash != ?').run(accountId, keep);
}
