import type { DayDataRemoved } from '../../shared/event.ts';
import type { Db } from '../store/database.ts';

/**
 * The day's visitor data: what visitors, MCs and draws leave behind, as opposed to the setup
 * (event, venues, groups, points, running order, award list, playlists, question bank, accounts,
 * devices). Children before the rows they refer to. The audit log stays: it records the reset.
 */
const DAY_TABLES = [
  'answers',
  'challenges',
  'stamps',
  'entries',
  'scans',
  'live_answers',
  'live_commands',
  'live_players',
  'live_sessions',
  'draw_winners',
  'draws',
  'emergencies',
  'visitors',
] as const;

const count = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;

/** Venues whose screens and kiosks show an emergency notice now. */
export function venuesUnderEmergency(db: Db): string[] {
  return db.prepare('SELECT venue_id FROM venue_emergencies WHERE emergency_id IS NOT NULL ORDER BY venue_id').pluck().all() as string[];
}

/**
 * Removes the day's visitor data, inside the caller's transaction. Revisions clients compare
 * (a venue's emergency state, the running order, the award ceremony) move on rather than
 * start again, so a device that saw the rehearsal still takes the day's first change.
 */
export function removeDayData(db: Db, now: number): DayDataRemoved {
  const removed: DayDataRemoved = {
    visitors: count(db, 'SELECT COUNT(*) FROM visitors'),
    checkins: count(db, 'SELECT COUNT(*) FROM scans'),
    quizPlays: count(db, 'SELECT COUNT(*) FROM challenges'),
    liveSessions: count(db, 'SELECT COUNT(*) FROM live_sessions'),
    draws: count(db, 'SELECT COUNT(*) FROM draws'),
    emergencies: count(db, 'SELECT COUNT(*) FROM emergencies'),
  };
  db.prepare('UPDATE venue_emergencies SET emergency_id = NULL, revision = revision + 1 WHERE emergency_id IS NOT NULL').run();
  for (const table of DAY_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  db.prepare('UPDATE programme_state SET revision = revision + 1, current_id = NULL, started_at = NULL WHERE id = 1').run();
  db.prepare('UPDATE award_ceremony SET step = -1, revision = revision + 1, updated_at = ? WHERE id = 1').run(now);
  // Rehearsal passes must not open the day's gates, not even at a kiosk checking offline.
  db.prepare('UPDATE pass_keys SET active = 0, retired_at = ? WHERE retired_at IS NULL').run(now);
  return removed;
}
