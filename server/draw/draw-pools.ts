import type { Db } from '../store/database.ts';
import type { DrawPool } from '../../shared/draw.ts';
import { maskMobile } from '../../shared/masking.ts';
import { HubError } from '../hub-error.ts';
import { publicName } from '../visitors/visitor-queries.ts';

/** One person who may win: an id to draw and record, and how screens may name them (masked). */
export interface PoolMember {
  /** A visitor id; a live quiz player who joined without a pass is `player:<id>`. */
  memberId: string;
  name: string;
  mobile: string | null;
}

type VisitorRow = { id: string; nickname: string; real_name: string | null; show_real_name: number; mobile: string | null };
const VISITOR_COLUMNS = 'v.id, v.nickname, v.real_name, v.show_real_name, v.mobile';
const fromVisitor = (row: VisitorRow): PoolMember => ({ memberId: row.id, name: publicName(row), mobile: row.mobile ? maskMobile(row.mobile) : null });

/**
 * Who is in each pool, read from the check-in and quiz tables. A passport is complete with a stamp
 * at every station of its venue (as the figures count it); a venue without stations has none.
 */
export function createPoolQueries(db: Db) {
  const s = {
    venue: db.prepare('SELECT 1 FROM venues WHERE id = ?').pluck(),
    venues: db.prepare('SELECT id, name, name_en FROM venues ORDER BY sort'),
    checkedIn: db.prepare(
      `SELECT ${VISITOR_COLUMNS} FROM visitors v
       WHERE v.id IN (SELECT e.visitor_id FROM entries e WHERE e.day = @day AND (@venue IS NULL OR e.venue_id = @venue))`,
    ),
    passport: db.prepare(
      `SELECT ${VISITOR_COLUMNS} FROM visitors v WHERE v.id IN (
         SELECT s.visitor_id FROM stamps s JOIN checkpoints c ON c.id = s.checkpoint_id
         WHERE c.kind = 'station' AND c.retired_at IS NULL AND (@venue IS NULL OR c.venue_id = @venue)
         GROUP BY s.visitor_id, c.venue_id
         HAVING COUNT(*) = (SELECT COUNT(*) FROM checkpoints k WHERE k.venue_id = c.venue_id AND k.kind = 'station' AND k.retired_at IS NULL))`,
    ),
    // Each visitor's best finished challenge of the day, ranked as the leaderboard ranks them.
    quizTop: db.prepare(
      `SELECT ${VISITOR_COLUMNS} FROM (
         SELECT visitor_id, score, time_ms, finished_at,
           ROW_NUMBER() OVER (PARTITION BY visitor_id ORDER BY score DESC, time_ms ASC, finished_at ASC) AS n
         FROM challenges
         WHERE day = @day AND finished_at IS NOT NULL AND hidden_at IS NULL AND visitor_id IS NOT NULL AND (@venue IS NULL OR venue_id = @venue)
       ) best JOIN visitors v ON v.id = best.visitor_id
       WHERE best.n = 1 ORDER BY best.score DESC, best.time_ms ASC, best.finished_at ASC LIMIT @top`,
    ),
    quizRanked: db
      .prepare(
        `SELECT COUNT(DISTINCT visitor_id) FROM challenges
       WHERE day = ? AND finished_at IS NOT NULL AND hidden_at IS NULL AND visitor_id IS NOT NULL`,
      )
      .pluck(),
    session: db.prepare('SELECT 1 FROM live_sessions WHERE id = ?').pluck(),
    liveTop: db.prepare(
      `SELECT p.id, p.name, p.visitor_id, v.mobile FROM live_players p LEFT JOIN visitors v ON v.id = p.visitor_id
       WHERE p.session_id = ? AND p.removed_at IS NULL ORDER BY p.score DESC, p.joined_at ASC LIMIT ?`,
    ),
    liveSessions: db.prepare(
      `SELECT s.id, s.settings_json, (SELECT COUNT(*) FROM live_players p WHERE p.session_id = s.id AND p.removed_at IS NULL) AS players
       FROM live_sessions s ORDER BY s.created_at DESC LIMIT 20`,
    ),
    fullVisitor: db.prepare('SELECT real_name, nickname, mobile FROM visitors WHERE id = ?'),
  };

  function checkVenue(venueId: string | undefined) {
    if (venueId !== undefined && !s.venue.get(venueId)) throw new HubError('UNKNOWN_VENUE', `no venue "${venueId}"`);
  }

  function members(pool: DrawPool, day: string): PoolMember[] {
    checkVenue(pool.venueId);
    const venue = pool.venueId ?? null;
    switch (pool.kind) {
      case 'checked-in':
        return (s.checkedIn.all({ day, venue }) as VisitorRow[]).map(fromVisitor);
      case 'passport':
        return (s.passport.all({ venue }) as VisitorRow[]).map(fromVisitor);
      case 'quiz-top': {
        if (!pool.sessionId) return (s.quizTop.all({ day, venue, top: pool.top }) as VisitorRow[]).map(fromVisitor);
        if (!s.session.get(pool.sessionId)) throw new HubError('LIVE_UNKNOWN_SESSION', pool.sessionId);
        const rows = s.liveTop.all(pool.sessionId, pool.top) as { id: string; name: string; visitor_id: string | null; mobile: string | null }[];
        return rows.map((row) => ({ memberId: row.visitor_id ?? `player:${row.id}`, name: row.name, mobile: row.mobile ? maskMobile(row.mobile) : null }));
      }
    }
  }

  return {
    members,
    venues: () => s.venues.all() as { id: string; name: string; name_en: string }[],
    quizRanked: (day: string) => s.quizRanked.get(day) as number,
    liveSessions: () =>
      (s.liveSessions.all() as { id: string; settings_json: string; players: number }[]).map((row) => ({
        sessionId: row.id,
        name: (JSON.parse(row.settings_json) as { name: string }).name,
        players: row.players,
      })),
    /** The admin's console hands the prize over: the real name (or nickname) and the whole number. */
    fullContact(memberId: string): { fullName: string | null; fullMobile: string | null } {
      const row = s.fullVisitor.get(memberId) as { real_name: string | null; nickname: string; mobile: string | null } | undefined;
      return row ? { fullName: row.real_name ?? row.nickname, fullMobile: row.mobile } : { fullName: null, fullMobile: null };
    },
  };
}
