import type { LiveAction, LivePhase } from '../../shared/live.ts';

/** Where a session stands: the part of its state the MC's buttons move. */
export interface LivePosition {
  phase: LivePhase;
  index: number;
  paused: boolean;
  total: number;
}

export type LiveMove =
  | { ok: true; phase: LivePhase; index: number; paused: boolean; opens: boolean; discards: boolean }
  | { ok: false; why: string };

/**
 * The MC's buttons as a pure state machine. `opens`: a question opens now (its clock starts);
 * `discards`: the current question is skipped and its points taken back.
 *
 *   lobby ─start→ question ─close→ closed ─reveal→ reveal ─leaderboard→ leaderboard ─next→ question …
 *   question/closed ─reveal→ reveal (closing first); reveal ─next→ the next question (or the podium)
 *   the last question's next → podium; end from anywhere → ended; pause/resume hold the clock
 */
export function moveLive(at: LivePosition, action: LiveAction): LiveMove {
  const stay = { index: at.index, paused: at.paused, opens: false, discards: false };
  const refuse = (why: string): LiveMove => ({ ok: false, why });
  const nextQuestion = (discards: boolean): LiveMove =>
    at.index + 1 < at.total
      ? { ok: true, phase: 'question', index: at.index + 1, paused: false, opens: true, discards }
      : { ok: true, phase: 'podium', index: at.index, paused: false, opens: false, discards };
  if (at.phase === 'ended') return refuse('the session has ended');
  switch (action) {
    case 'start':
      return at.phase === 'lobby' ? { ok: true, phase: 'question', index: 0, paused: false, opens: true, discards: false } : refuse('already started');
    case 'close':
      return at.phase === 'question' ? { ok: true, ...stay, phase: 'closed' } : refuse('no open question');
    case 'reveal':
      return at.phase === 'question' || at.phase === 'closed' ? { ok: true, ...stay, phase: 'reveal', paused: false } : refuse('nothing to reveal');
    case 'leaderboard':
      return ['reveal', 'closed', 'podium'].includes(at.phase) ? { ok: true, ...stay, phase: 'leaderboard', paused: false } : refuse('no leaderboard now');
    case 'next':
      return at.phase === 'reveal' || at.phase === 'leaderboard' ? nextQuestion(false) : refuse('finish this question first');
    case 'skip':
      return at.phase === 'question' || at.phase === 'closed' ? nextQuestion(true) : refuse('no question to skip');
    case 'pause':
      return at.paused || at.phase === 'lobby' || at.phase === 'podium' ? refuse('nothing to pause') : { ok: true, ...stay, phase: at.phase, paused: true };
    case 'resume':
      return at.paused ? { ok: true, ...stay, phase: at.phase, paused: false } : refuse('not paused');
    case 'end':
      return { ok: true, ...stay, phase: 'ended', paused: false };
  }
}
