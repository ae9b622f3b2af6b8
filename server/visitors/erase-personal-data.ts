import type { Db } from '../store/database.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';

/**
 * After the event: every visitor's real name, mobile number and unit are deleted. The rows
 * stay, anonymous (nickname, times, check-ins, stamps), so the day's counts and reports do too.
 */
export function erasePersonalData(db: Db, actor: Actor, now = Date.now()): number {
  return db.transaction(() => {
    const erased = db
      .prepare(
        `UPDATE visitors SET real_name = NULL, mobile = NULL, unit = NULL, show_real_name = 0, personal_data_deleted_at = ?
         WHERE personal_data_deleted_at IS NULL AND (real_name IS NOT NULL OR mobile IS NOT NULL OR unit IS NOT NULL)`,
      )
      .run(now).changes;
    recordAudit(db, actor, 'visitor:erase', 'visitors', { erased }, now);
    return erased;
  })();
}
