import type { LiveAction, LivePhase, LiveQuestion, LiveState, LiveStateIn } from './live.ts';

/** Where a session stands: the part of its state the MC's buttons move. */
export interface LivePosition {
  phase: LivePhase;
  index: number;
  paused: boolean;
  total: number;
}

export type LiveMove = { ok: true; phase: LivePhase; index: number; paused: boolean; opens: boolean; discards: boolean } | { ok: false; why: string };

/**
 * The live quiz's phase rules, in one place for the hub (which applies them), the console (which
 * offers the buttons they allow) and the phones and screens (which show what a phase means).
 *
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
    // Only after the reveal: a leaderboard before it would count points the hall has not seen
    // explained, and phones would never get their own result for the question.
    case 'leaderboard':
      return at.phase === 'reveal' || at.phase === 'podium' ? { ok: true, ...stay, phase: 'leaderboard', paused: false } : refuse('no leaderboard now');
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

/** What the MC's one big button does next, and what it means for the hall. */
export interface LiveStep {
  action: LiveAction;
  /** The kind of step, for its label: the next question's number, the podium, … */
  kind: 'resume' | 'start' | 'close' | 'reveal' | 'leaderboard' | 'next' | 'podium';
  /** A question opens with it: its prompt is worth showing the MC in advance. */
  opens: boolean;
}

const positionOf = (state: LivePosition): LivePosition => ({ phase: state.phase, index: state.index, paused: state.paused, total: state.total });

/**
 * The one button's step from where a session stands: resume when paused, else the step the show
 * goes on with (lobby → start, question → close, closed → reveal, reveal → leaderboard,
 * leaderboard → the next question or the podium); null once there is nothing to go on with.
 */
export function nextStep(state: LivePosition): LiveStep | null {
  const at = positionOf(state);
  if (at.paused) return { action: 'resume', kind: 'resume', opens: false };
  const forward: Partial<Record<LivePhase, LiveAction>> = { lobby: 'start', question: 'close', closed: 'reveal', reveal: 'leaderboard', leaderboard: 'next' };
  const action = forward[at.phase];
  const move = action ? moveLive(at, action) : null;
  if (!action || !move?.ok) return null;
  if (action === 'next') return move.phase === 'podium' ? { action, kind: 'podium', opens: false } : { action, kind: 'next', opens: true };
  return { action, kind: action as LiveStep['kind'], opens: move.opens };
}

/** Whether an action is possible now (the pause and skip buttons). */
export const allows = (state: LivePosition, action: LiveAction): boolean => moveLive(positionOf(state), action).ok;

/** The phases in which answers are being counted (the open question, closed, and its reveal). */
export const countsAnswers = (phase: LivePhase): boolean => phase === 'question' || phase === 'closed' || phase === 'reveal';

/** The phases that show the question's countdown (running while open, stopped once closed). */
export const showsClock = (phase: LivePhase): boolean => phase === 'question' || phase === 'closed';

/**
 * The state narrowed to its phase, or an error if it is in another: for code that knows which phase
 * it is in (a test after a step, a screen's part for one phase).
 */
export function inPhase<P extends LivePhase>(state: LiveState, ...phases: P[]): LiveStateIn<P> {
  if (!(phases as LivePhase[]).includes(state.phase)) throw new Error(`the session is in ${state.phase}, not ${phases.join(' or ')}`);
  return state as LiveStateIn<P>;
}

/** The question on now, if the phase has one (open, closed, revealed). */
export const questionOf = (state: LiveState): LiveQuestion | null => ('question' in state ? state.question : null);

/** The standings, if the phase shows them (reveal, leaderboard, podium, end). */
export const standingsOf = (state: LiveState): Pick<LiveStateIn<'reveal'>, 'leaderboard' | 'teams'> | null =>
  'leaderboard' in state ? { leaderboard: state.leaderboard, teams: state.teams } : null;

/** How many have answered the question on now (0 where the phase has none). */
export const answeredOf = (state: LiveState): number => ('answered' in state ? state.answered : 0);

/** The reveal's answer and distribution, in the reveal only. */
export const revealOf = (state: LiveState): LiveStateIn<'reveal'>['reveal'] | null => (state.phase === 'reveal' ? state.reveal : null);
