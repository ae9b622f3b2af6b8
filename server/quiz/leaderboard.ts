import type { Db } from '../store/database.ts';
import type { Leaderboard, LeaderboardEntry } from '../../shared/quiz.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';

const LEADERBOARD_SIZE = 20;
export const LEADERBOARD_ROOM = 'leaderboard';

/**
 * The day's top 20, overall and per venue: finished challenges only, hidden ones left out,
 * more points first, then the shorter total time, then who finished first. Names are stored
 * already as screens may show them (a nickname, or a real name masked).
 */
export function createLeaderboardQueries(db: Db) {
  const ORDER = 'ORDER BY score DESC, time_ms ASC, finished_at ASC';
  const statements = {
    overall: db.prepare(
      `SELECT id, player_name, venue_id, score, correct, time_ms FROM challenges
       WHERE day = ? AND finished_at IS NOT NULL AND hidden_at IS NULL ${ORDER} LIMIT ${LEADERBOARD_SIZE}`,
    ),
    venue: db.prepare(
      `SELECT id, player_name, venue_id, score, correct, time_ms FROM challenges
       WHERE day = ? AND venue_id = ? AND finished_at IS NOT NULL AND hidden_at IS NULL ${ORDER} LIMIT ${LEADERBOARD_SIZE}`,
    ),
    venues: db.prepare('SELECT id, name, name_en FROM venues ORDER BY sort'),
    hide: db.prepare('UPDATE challenges SET hidden_at = ? WHERE id = ?'),
    exists: db.prepare('SELECT 1 FROM challenges WHERE id = ?').pluck(),
  };
  type Row = { id: string; player_name: string; venue_id: string | null; score: number; correct: number; time_ms: number };
  const entries = (rows: Row[]): LeaderboardEntry[] =>
    rows.map((row, index) => ({
      challengeId: row.id,
      rank: index + 1,
      name: row.player_name,
      venueId: row.venue_id,
      score: row.score,
      correct: row.correct,
      timeMs: row.time_ms,
    }));

  return {
    read(day: string, revision: number): Leaderboard {
      const venues = statements.venues.all() as { id: string; name: string; name_en: string }[];
      return {
        day,
        revision,
        overall: entries(statements.overall.all(day) as Row[]),
        venues: venues.map((venue) => ({
          venueId: venue.id,
          name: venue.name,
          nameEn: venue.name_en,
          entries: entries(statements.venue.all(day, venue.id) as Row[]),
        })),
      };
    },
    /** An offensive nickname comes off every board (or back on); audited. */
    setHidden(challengeId: string, hidden: boolean, actor: Actor, at: number) {
      if (!statements.exists.get(challengeId)) throw new HubError('QUIZ_UNKNOWN_CHALLENGE');
      db.transaction(() => {
        statements.hide.run(hidden ? at : null, challengeId);
        recordAudit(db, actor, hidden ? 'leaderboard:hide' : 'leaderboard:show', `challenge:${challengeId}`);
      })();
    },
  };
}
