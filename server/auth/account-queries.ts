import type { Db } from '../store/database.ts';
import type { AccountView } from '../../shared/identity.ts';
import type { Role } from '../../shared/permissions.ts';

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  venue_ids: string | null;
  password_hash: string;
  disabled: number;
  must_change_password: number;
}

const COLUMNS = 'id, username, display_name, role, venue_ids, password_hash, disabled, must_change_password';

export const toAccountView = (row: AccountRow): AccountView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  venueIds: row.venue_ids === null ? null : (JSON.parse(row.venue_ids) as string[]),
  disabled: row.disabled === 1,
  mustChangePassword: row.must_change_password === 1,
});

export function findAccountByUsername(db: Db, username: string): (AccountView & { passwordHash: string }) | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE username = ?`).get(username) as AccountRow | undefined;
  return row && { ...toAccountView(row), passwordHash: row.password_hash };
}

export function findAccount(db: Db, id: number): AccountView | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow | undefined;
  return row && toAccountView(row);
}

export function listAccounts(db: Db): AccountView[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY id`).all() as AccountRow[]).map(toAccountView);
}

export function countAccounts(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM accounts').pluck().get() as number;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  venueIds: string[] | null;
  passwordHash: string;
  mustChangePassword?: boolean;
}

export function insertAccount(db: Db, account: NewAccount, now: number): number {
  const result = db
    .prepare(
      `INSERT INTO accounts (username, display_name, role, venue_ids, password_hash, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      account.username,
      account.displayName,
      account.role,
      account.venueIds && JSON.stringify(account.venueIds),
      account.passwordHash,
      Number(account.mustChangePassword ?? false),
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

export interface AccountChange {
  displayName?: string;
  role?: Role;
  venueIds?: string[] | null;
  passwordHash?: string;
  disabled?: boolean;
  mustChangePassword?: boolean;
}

export function updateAccount(db: Db, id: number, change: AccountChange, now: number): void {
  const current = db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow;
  db.prepare(
    `UPDATE accounts SET display_name = ?, role = ?, venue_ids = ?, password_hash = ?, disabled = ?, must_change_password = ?, updated_at = ? WHERE id = ?`,
  ).run(
    change.displayName ?? current.display_name,
    change.role ?? current.role,
    change.venueIds === undefined ? current.venue_ids : change.venueIds && JSON.stringify(change.venueIds),
    change.passwordHash ?? current.password_hash,
    change.disabled === undefined ? current.disabled : Number(change.disabled),
    change.mustChangePassword === undefined ? current.must_change_password : Number(change.mustChangePassword),
    now,
    id,
  );
}
