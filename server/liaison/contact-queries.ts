import type { LiaisonContact } from '../../shared/liaison.ts';
import type { Db } from '../store/database.ts';

/** The contact fields of staff accounts (the liaison list's columns), one row per account. */
export interface StoredContact extends LiaisonContact {
  accountId: number;
  username: string;
  role: string;
  venueIds: string[] | null;
  disabled: boolean;
}

interface ContactRow {
  account_id: number;
  username: string;
  role: string;
  venue_ids: string | null;
  disabled: number;
  unit: string;
  department: string;
  name: string;
  title: string;
  mobile: string;
  office_phone: string;
  wechat: string;
  fax: string;
  email: string;
}

const toContact = (row: ContactRow): StoredContact => ({
  accountId: row.account_id,
  username: row.username,
  role: row.role,
  venueIds: row.venue_ids === null ? null : (JSON.parse(row.venue_ids) as string[]),
  disabled: row.disabled === 1,
  unit: row.unit,
  department: row.department,
  name: row.name,
  title: row.title,
  mobile: row.mobile,
  officePhone: row.office_phone,
  wechat: row.wechat,
  fax: row.fax,
  email: row.email,
});

/** Every contact in the order of the list as last imported. */
export function readContacts(db: Db): StoredContact[] {
  const rows = db
    .prepare(
      `SELECT c.*, a.username, a.role, a.venue_ids, a.disabled
       FROM staff_contacts c JOIN accounts a ON a.id = c.account_id
       ORDER BY c.sort, c.account_id`,
    )
    .all() as ContactRow[];
  return rows.map(toContact);
}

export function saveContact(db: Db, accountId: number, contact: LiaisonContact, sort: number, now: number): void {
  db.prepare(
    `INSERT INTO staff_contacts (account_id, unit, department, name, title, mobile, office_phone, wechat, fax, email, sort, updated_at)
     VALUES (@accountId, @unit, @department, @name, @title, @mobile, @officePhone, @wechat, @fax, @email, @sort, @now)
     ON CONFLICT (account_id) DO UPDATE SET unit = @unit, department = @department, name = @name, title = @title, mobile = @mobile,
       office_phone = @officePhone, wechat = @wechat, fax = @fax, email = @email, sort = @sort, updated_at = @now`,
  ).run({ accountId, ...contact, sort, now });
}
