import type { Db } from '../store/database.ts';
import { maskName } from '../../shared/masking.ts';

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

export function countVisitors(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM visitors').pluck().get() as number;
}
