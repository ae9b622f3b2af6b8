import type { FastifyBaseLogger } from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../server/clock.ts';
import { HubError } from '../../server/hub-error.ts';
import { allows, moveLive, nextStep, questionOf, type LivePosition } from '../../shared/live-rules.ts';
import { createLiveService } from '../../server/live/live-service.ts';
import { createPlayerTokens } from '../../server/live/player-token.ts';
import { checkBank } from '../../server/quiz/bank-check.ts';
import { bankImageExists, builtinBankItems } from '../../server/quiz/builtin-bank.ts';
import { createQuestionStore } from '../../server/quiz/question-store.ts';
import { openDatabase } from '../../server/store/database.ts';
import { LIVE_GRACE_MS } from '../../shared/live-scoring.ts';
import { LIVE_ACTIONS, LIVE_PHASES, type LiveAction, type LivePhase, type LiveState } from '../../shared/live.ts';
import { newDataDir } from '../support/hub-harness.ts';
import { liveSettings } from '../support/live-settings.ts';

/**
 * The live quiz's MC buttons as a state machine: for every phase and every action, whether the
 * hub takes it and where the session goes, first as the pure rules (shared/live-rules.ts),
 * then through the live service, which names a refused step LIVE_WRONG_STEP and a press for an
 * older (or unknown) revision LIVE_STALE.
 */
const REFUSED = 'LIVE_WRONG_STEP';
type Outcome = LivePhase | typeof REFUSED;
const R = REFUSED;

/** From each phase (not paused, a question that is not the last), where each button leads. */
const STEPS: Record<LivePhase, Record<LiveAction, Outcome>> = {
  lobby: { start: 'question', close: R, reveal: R, leaderboard: R, next: R, pause: R, resume: R, skip: R, end: 'ended' },
  question: { start: R, close: 'closed', reveal: 'reveal', leaderboard: R, next: R, pause: 'question', resume: R, skip: 'question', end: 'ended' },
  // A closed question goes to the leaderboard only through its reveal (phones get their result there).
  closed: { start: R, close: R, reveal: 'reveal', leaderboard: R, next: R, pause: 'closed', resume: R, skip: 'question', end: 'ended' },
  reveal: { start: R, close: R, reveal: R, leaderboard: 'leaderboard', next: 'question', pause: 'reveal', resume: R, skip: R, end: 'ended' },
  leaderboard: { start: R, close: R, reveal: R, leaderboard: R, next: 'question', pause: 'leaderboard', resume: R, skip: R, end: 'ended' },
  podium: { start: R, close: R, reveal: R, leaderboard: 'leaderboard', next: R, pause: R, resume: R, skip: R, end: 'ended' },
  ended: { start: R, close: R, reveal: R, leaderboard: R, next: R, pause: R, resume: R, skip: R, end: R },
};

/** From a paused question, where each button leads, and whether the session is still paused after it. */
const FROM_PAUSED_QUESTION: Record<LiveAction, Outcome | [LivePhase, 'paused']> = {
  start: R,
  close: ['closed', 'paused'],
  reveal: 'reveal',
  leaderboard: R,
  next: R,
  pause: R,
  resume: 'question',
  skip: 'question',
  end: 'ended',
};

const combos = LIVE_PHASES.flatMap((phase) => LIVE_ACTIONS.map((action) => ({ phase, action, outcome: STEPS[phase][action] })));
/** Actions that open a question: its clock starts, and the index moves on. */
const opensFrom = (phase: LivePhase, action: LiveAction) =>
  STEPS[phase][action] === 'question' && (action === 'start' || action === 'next' || action === 'skip');

test('the table covers every phase and every action of the protocol', () => {
  expect(Object.keys(STEPS).sort()).toEqual([...LIVE_PHASES].sort());
  for (const phase of LIVE_PHASES) expect(Object.keys(STEPS[phase]).sort()).toEqual([...LIVE_ACTIONS].sort());
  expect(Object.keys(FROM_PAUSED_QUESTION).sort()).toEqual([...LIVE_ACTIONS].sort());
});

describe('the rules (moveLive)', () => {
  // Question 2 of 3 (index 1); the lobby has none yet.
  const at = (phase: LivePhase, paused = false): LivePosition => ({ phase, index: phase === 'lobby' ? -1 : 1, paused, total: 3 });

  test.each(combos)('$phase, $action → $outcome', ({ phase, action, outcome }) => {
    const move = moveLive(at(phase), action);
    if (outcome === REFUSED) {
      expect(move.ok).toBe(false);
      if (!move.ok) expect(move.why).toMatch(/\w/);
      return;
    }
    const opens = opensFrom(phase, action);
    expect(move).toEqual({
      ok: true,
      phase: outcome,
      index: opens ? at(phase).index + 1 : at(phase).index,
      paused: action === 'pause',
      opens,
      discards: action === 'skip',
    });
  });

  test.each(LIVE_ACTIONS.map((action) => ({ action, outcome: FROM_PAUSED_QUESTION[action] })))(
    'a paused question, $action → $outcome',
    ({ action, outcome }) => {
      const move = moveLive(at('question', true), action);
      if (outcome === REFUSED) return expect(move.ok).toBe(false);
      const [phase, paused] = Array.isArray(outcome) ? [outcome[0], true] : [outcome, false];
      expect(move).toMatchObject({ ok: true, phase, paused, opens: action === 'skip', discards: action === 'skip', index: action === 'skip' ? 2 : 1 });
    },
  );

  test('pause and resume hold any phase that has a question on (a closed one, a reveal, a leaderboard), then give it back', () => {
    for (const phase of ['question', 'closed', 'reveal', 'leaderboard'] as const) {
      expect(moveLive(at(phase, true), 'pause')).toMatchObject({ ok: false });
      expect(moveLive(at(phase, true), 'resume')).toEqual({ ok: true, phase, index: 1, paused: false, opens: false, discards: false });
    }
  });

  test('after the last question, next and skip lead to the podium and open nothing', () => {
    const last = (phase: LivePhase): LivePosition => ({ phase, index: 2, paused: false, total: 3 });
    expect(moveLive(last('reveal'), 'next')).toEqual({ ok: true, phase: 'podium', index: 2, paused: false, opens: false, discards: false });
    expect(moveLive(last('leaderboard'), 'next')).toEqual({ ok: true, phase: 'podium', index: 2, paused: false, opens: false, discards: false });
    expect(moveLive(last('question'), 'skip')).toEqual({ ok: true, phase: 'podium', index: 2, paused: false, opens: false, discards: true });
    expect(moveLive(last('closed'), 'skip')).toEqual({ ok: true, phase: 'podium', index: 2, paused: false, opens: false, discards: true });
    // A session of one question: its start opens it, its next ends on the podium.
    expect(moveLive({ phase: 'lobby', index: -1, paused: false, total: 1 }, 'start')).toMatchObject({ ok: true, phase: 'question', index: 0 });
    expect(moveLive({ phase: 'reveal', index: 0, paused: false, total: 1 }, 'next')).toMatchObject({ ok: true, phase: 'podium', index: 0 });
  });
});

describe('through the live service: the error codes, the revision, the clock', () => {
  const db = openDatabase(newDataDir());
  const clock = manualClock();
  const questions = createQuestionStore(db, clock.now);
  questions.seedBuiltin(checkBank(builtinBankItems(), { imageExists: bankImageExists }).questions);
  const published: LiveState[] = [];
  const quiet = { warn() {}, info() {}, error() {}, debug() {} } as unknown as FastifyBaseLogger;
  const live = createLiveService(db, questions, createPlayerTokens(db), { state: (state) => void published.push(state), count() {}, you() {} }, quiet, clock);
  afterAll(() => {
    live.stop();
    db.close();
  });

  const MC = { kind: 'staff', id: '1', name: 'mc', ip: '127.0.0.1' } as const;
  const SETTINGS = liveSettings({ name: '规则表' });
  /** Presses that bring a new session to each phase (question 1 of 3; the podium after skipping all three). */
  const PATHS: Record<LivePhase, LiveAction[]> = {
    lobby: [],
    question: ['start'],
    closed: ['start', 'close'],
    reveal: ['start', 'reveal'],
    leaderboard: ['start', 'reveal', 'leaderboard'],
    podium: ['start', 'skip', 'skip', 'skip'],
    ended: ['end'],
  };
  const press = (state: LiveState, action: LiveAction, step = state.step) => live.control(state.sessionId, action, step, MC);
  const sessionAt = (phase: LivePhase) => PATHS[phase].reduce((state, action) => press(state, action), live.create(SETTINGS, MC));
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof HubError) return error.code;
      throw error;
    }
    return 'accepted';
  };

  test.each(combos)('$phase, $action → $outcome', ({ phase, action, outcome }) => {
    const before = sessionAt(phase);
    expect(before.phase).toBe(phase);
    const heard = published.length;
    if (outcome === REFUSED) {
      expect(refusal(() => press(before, action))).toBe('LIVE_WRONG_STEP');
      // Nothing moved, nothing was sent.
      expect(live.state(before.sessionId)).toMatchObject({ phase, revision: before.revision, index: before.index, paused: false });
      expect(published).toHaveLength(heard);
      return;
    }
    const after = press(before, action);
    expect(after).toMatchObject({ phase: outcome, revision: before.revision + 1, paused: action === 'pause' });
    expect(after.index).toBe(opensFrom(phase, action) ? before.index + 1 : before.index);
    expect(published.slice(heard)).toEqual([after]);
  });

  test('a press names the revision the MC saw: an older one (a double press) or a newer one is LIVE_STALE, and nothing moves', () => {
    const lobby = live.create(SETTINGS, MC);
    const started = press(lobby, 'start');
    expect(started.revision).toBe(lobby.revision + 1);
    // The same press again, with the revision it was made for.
    expect(refusal(() => press(started, 'close', lobby.step))).toBe('LIVE_STALE');
    expect(refusal(() => press(started, 'close', started.step + 1))).toBe('LIVE_STALE');
    // The revision is checked first: a stale press of a step that is not possible now is stale too.
    expect(refusal(() => press(started, 'start', lobby.step))).toBe('LIVE_STALE');
    expect(live.state(started.sessionId)).toMatchObject({ phase: 'question', revision: started.revision });
    // A refused step does not use up the revision: the right press with it still works.
    expect(refusal(() => press(started, 'next'))).toBe('LIVE_WRONG_STEP');
    expect(press(started, 'close')).toMatchObject({ phase: 'closed', revision: started.revision + 1 });
    expect(refusal(() => live.control('L00000000', 'start', 1, MC))).toBe('LIVE_UNKNOWN_SESSION');
  });

  test('an open question closes itself at its deadline plus the grace; a pause holds its clock', () => {
    const opened = press(live.create(SETTINGS, MC), 'start');
    expect(questionOf(opened)!.deadline).toBe(clock.now() + 20_000);
    clock.advance(5_000);
    const paused = press(opened, 'pause');
    // Paused for a minute: the question keeps the 15 s it had left.
    clock.advance(60_000);
    const resumed = press(paused, 'resume');
    expect(questionOf(resumed)!.deadline).toBe(clock.now() + 15_000);
    clock.advance(15_000 + LIVE_GRACE_MS - 1);
    expect(live.state(opened.sessionId)).toMatchObject({ phase: 'question', revision: resumed.revision });
    clock.advance(1);
    expect(live.state(opened.sessionId)).toMatchObject({ phase: 'closed', revision: resumed.revision + 1 });
    // The MC's press made for the open question is now stale.
    expect(refusal(() => press(resumed, 'close'))).toBe('LIVE_STALE');
  });
});

describe('the one button: the step the console offers, from the same rules the hub applies', () => {
  const at = (phase: LivePhase, index = 0, paused = false, total = 3): LivePosition => ({ phase, index, paused, total });
  test.each([
    { where: at('lobby', -1), step: { action: 'start', kind: 'start', opens: true } },
    { where: at('question'), step: { action: 'close', kind: 'close', opens: false } },
    { where: at('closed'), step: { action: 'reveal', kind: 'reveal', opens: false } },
    { where: at('reveal'), step: { action: 'leaderboard', kind: 'leaderboard', opens: false } },
    { where: at('leaderboard'), step: { action: 'next', kind: 'next', opens: true } },
    { where: at('leaderboard', 2), step: { action: 'next', kind: 'podium', opens: false } },
    { where: at('question', 1, true), step: { action: 'resume', kind: 'resume', opens: false } },
    { where: at('podium', 2), step: null },
    { where: at('ended', 2), step: null },
  ])('$where.phase (question $where.index, paused $where.paused) → $step.kind', ({ where, step }) => {
    expect(nextStep(where)).toEqual(step);
    // Whatever the button offers, the hub accepts.
    if (step) expect(moveLive(where, step.action as LiveAction).ok).toBe(true);
  });

  test('pause and skip are offered exactly where the hub takes them', () => {
    for (const phase of LIVE_PHASES) {
      const where = at(phase, phase === 'lobby' ? -1 : 0);
      expect(allows(where, 'pause'), phase).toBe(moveLive(where, 'pause').ok);
      expect(allows(where, 'skip'), phase).toBe(['question', 'closed'].includes(phase));
    }
  });
});
