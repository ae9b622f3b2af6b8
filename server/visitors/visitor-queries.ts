import type { Db } from '../store/database.ts';
import { maskMobile, maskName } from '../../shared/masking.ts';
import { cleanName } from '../../shared/visitor-text.ts';
import type { VisitorMatch } from '../../shared/visitors.ts';

export interface NewVisitor {
  id: string;
  shortCode: string;
  nickname: string;
  realName: string | null;
  showRealName: boolean;
  mobile: string | null;
  unit: string | null;
  under14: boolean;
  guardianConsent: boolean;
  privacyConsentAt: number | null;
  registeredVia: 'phone' | 'kiosk';
  registeredDevice: string | null;
}

export function insertVisitor(db: Db, visitor: NewVisitor, now: number): void {
  db.prepare(
    `INSERT INTO visitors (id, short_code, nickname, real_name, show_real_name, mobile, unit, under_14, guardian_consent,
       privacy_consent_at, registered_via, registered_device, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    visitor.id,
    visitor.shortCode,
    visitor.nickname,
    visitor.realName,
    Number(visitor.showRealName),
    visitor.mobile,
    visitor.unit,
    Number(visitor.under14),
    Number(visitor.guardianConsent),
    visitor.privacyConsentAt,
    visitor.registeredVia,
    visitor.registeredDevice,
    now,
  );
}

/** The name a screen or kiosk may show: the nickname, or the real name masked when the visitor agreed to show it. */
export function publicName(row: { nickname: string; real_name: string | null; show_real_name: number }): string {
  return row.show_real_name && row.real_name ? maskName(row.real_name) : row.nickname;
}

const SEARCH_LIMIT = 20;

/**
 * A desk's search: four digits find numbers ending in them (indexed), anything else finds
 * nicknames containing it. Names and numbers come back masked.
 */
export function searchVisitors(db: Db, query: string): { matches: VisitorMatch[]; more: boolean } {
  const text = cleanName(query);
  if (!text) return { matches: [], more: false };
  const byMobileTail = /^\d{4}$/.test(text);
  const rows = db
    .prepare(
      `SELECT v.short_code, v.nickname, v.real_name, v.mobile, (SELECT COUNT(*) FROM stamps s WHERE s.visitor_id = v.id) AS stamps
       FROM visitors v
       WHERE ${byMobileTail ? 'substr(v.mobile, -4) = ?' : "v.nickname LIKE ? ESCAPE '\\'"}
       ORDER BY v.created_at DESC LIMIT ?`,
    )
    .all(byMobileTail ? text : `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`, SEARCH_LIMIT + 1) as {
    short_code: string;
    nickname: string;
    real_name: string | null;
    mobile: string | null;
    stamps: number;
  }[];
  return {
    matches: rows.slice(0, SEARCH_LIMIT).map((row) => ({
      shortCode: row.short_code,
      nickname: row.nickname,
      realName: row.real_name ? maskName(row.real_name) : null,
      mobile: row.mobile ? maskMobile(row.mobile) : null,
      stamps: row.stamps,
    })),
    more: rows.length > SEARCH_LIMIT,
  };
}
