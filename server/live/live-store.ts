import type { Db } from '../store/database.ts';
import type { LivePhase, LiveSettings } from '../../shared/live.ts';

export interface SessionRow {
  id: string;
  pin: string;
  settings: LiveSettings;
  phase: LivePhase;
  idx: number;
  paused_at: number | null;
  opened_at: number | null;
  deadline: number | null;
  /** Every change clients see. */
  revision: number;
  /** The MC's steps only: what a press names. */
  step: number;
  created_at: number;
}

interface PlayerRow {
  id: string;
  session_id: string;
  name: string;
  team: string | null;
  joined_at: number;
  removed_at: number | null;
  score: number;
  correct: number;
}

/** The live quiz's SQL, prepared once: a session's row, its players, its answers. */
export function createLiveStore(db: Db) {
  const s = {
    session: db.prepare('SELECT * FROM live_sessions WHERE id = ?'),
    byPin: db.prepare("SELECT * FROM live_sessions WHERE pin = ? AND phase != 'ended' ORDER BY created_at DESC LIMIT 1"),
    pinTaken: db.prepare("SELECT 1 FROM live_sessions WHERE pin = ? AND phase != 'ended'").pluck(),
    list: db.prepare(
      `SELECT s.id, s.settings_json, s.pin, s.phase, s.created_at,
         (SELECT COUNT(*) FROM live_players p WHERE p.session_id = s.id AND p.removed_at IS NULL) AS players
       FROM live_sessions s ORDER BY s.created_at DESC LIMIT 50`,
    ),
    open: db.prepare("SELECT * FROM live_sessions WHERE phase = 'question' AND paused_at IS NULL"),
    active: db.prepare("SELECT * FROM live_sessions WHERE phase != 'ended'"),
    insertSession: db.prepare(
      "INSERT INTO live_sessions (id, pin, settings_json, phase, idx, revision, step, created_by, created_at) VALUES (?, ?, ?, 'lobby', -1, 1, 1, ?, ?)",
    ),
    move: db.prepare(
      'UPDATE live_sessions SET phase = ?, idx = ?, paused_at = ?, opened_at = ?, deadline = ?, revision = revision + 1, step = step + 1 WHERE id = ?',
    ),
    /** A change clients see that is not a step (an arrival, a rename, a turning join code). */
    bump: db.prepare('UPDATE live_sessions SET revision = revision + 1 WHERE id = ?'),
    command: db.prepare('INSERT INTO live_commands (session_id, revision, action, actor, at) VALUES (?, ?, ?, ?, ?)'),
    player: db.prepare('SELECT * FROM live_players WHERE id = ? AND session_id = ?'),
    insertPlayer: db.prepare('INSERT INTO live_players (id, session_id, name, visitor_id, team, joined_at) VALUES (?, ?, ?, ?, ?, ?)'),
    visitorPlayer: db.prepare('SELECT * FROM live_players WHERE session_id = ? AND visitor_id = ? AND removed_at IS NULL'),
    rename: db.prepare('UPDATE live_players SET name = ? WHERE id = ? AND session_id = ?'),
    remove: db.prepare('UPDATE live_players SET removed_at = ? WHERE id = ? AND session_id = ?'),
    playerCount: db.prepare('SELECT COUNT(*) FROM live_players WHERE session_id = ? AND removed_at IS NULL').pluck(),
    recent: db.prepare('SELECT name FROM live_players WHERE session_id = ? AND removed_at IS NULL ORDER BY joined_at DESC LIMIT 12').pluck(),
    // Teams by venue are stored as venue ids and shown by the venue's name.
    top: db.prepare(
      `SELECT p.id, p.name, p.score, COALESCE(v.name, p.team) AS team FROM live_players p LEFT JOIN venues v ON v.id = p.team
       WHERE p.session_id = ? AND p.removed_at IS NULL ORDER BY p.score DESC, p.joined_at LIMIT ?`,
    ),
    ahead: db.prepare('SELECT COUNT(*) FROM live_players WHERE session_id = ? AND removed_at IS NULL AND score > ?').pluck(),
    teams: db.prepare(
      `SELECT COALESCE(v.name, p.team) AS team, SUM(p.score) AS score, COUNT(*) AS players FROM live_players p LEFT JOIN venues v ON v.id = p.team
       WHERE p.session_id = ? AND p.removed_at IS NULL AND p.team IS NOT NULL GROUP BY p.team ORDER BY score DESC LIMIT 20`,
    ),
    answer: db.prepare('SELECT choice_json, correct, points FROM live_answers WHERE session_id = ? AND idx = ? AND player_id = ?'),
    answeredCount: db.prepare('SELECT COUNT(*) FROM live_answers WHERE session_id = ? AND idx = ?').pluck(),
    choices: db.prepare('SELECT choice_json FROM live_answers WHERE session_id = ? AND idx = ?').pluck(),
    insertAnswer: db.prepare(
      'INSERT INTO live_answers (session_id, player_id, idx, choice_json, correct, points, elapsed_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    addScore: db.prepare('UPDATE live_players SET score = score + ?, correct = correct + ? WHERE id = ?'),
    /** A skipped question gives its points back. */
    discard: db.prepare(
      `UPDATE live_players SET
         score = score - COALESCE((SELECT points FROM live_answers a WHERE a.session_id = live_players.session_id AND a.idx = ? AND a.player_id = live_players.id), 0),
         correct = correct - COALESCE((SELECT correct FROM live_answers a WHERE a.session_id = live_players.session_id AND a.idx = ? AND a.player_id = live_players.id), 0)
       WHERE session_id = ?`,
    ),
    discardAnswers: db.prepare('UPDATE live_answers SET points = 0, correct = 0 WHERE session_id = ? AND idx = ?'),
    allPlayers: db.prepare(
      `SELECT p.id, p.session_id, p.name, p.visitor_id, COALESCE(v.name, p.team) AS team, p.joined_at, p.removed_at, p.score, p.correct
       FROM live_players p LEFT JOIN venues v ON v.id = p.team WHERE p.session_id = ? ORDER BY p.score DESC, p.joined_at`,
    ),
    questionAnswers: db.prepare('SELECT player_id, choice_json, correct, points FROM live_answers WHERE session_id = ? AND idx = ?'),
    allAnswers: db.prepare('SELECT player_id, idx, choice_json, correct, points, elapsed_ms FROM live_answers WHERE session_id = ?'),
  };
  const parse = (row: (Omit<SessionRow, 'settings'> & { settings_json: string }) | undefined): SessionRow | undefined =>
    row && { ...row, settings: JSON.parse(row.settings_json) as LiveSettings };
  return {
    ...s,
    session: (id: string) => parse(s.session.get(id) as Parameters<typeof parse>[0]),
    byPin: (pin: string) => parse(s.byPin.get(pin) as Parameters<typeof parse>[0]),
    open: () => (s.open.all() as NonNullable<Parameters<typeof parse>[0]>[]).map((row) => parse(row)!),
    active: () => (s.active.all() as NonNullable<Parameters<typeof parse>[0]>[]).map((row) => parse(row)!),
    player: (playerId: string, sessionId: string) => s.player.get(playerId, sessionId) as PlayerRow | undefined,
  };
}
