import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LivePlayer, type LiveScreen } from '../../kiosk/src/live/live-player.svelte.ts';
import type { Ack } from '../../shared/ack.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { LiveJoinReply, LivePhase, LiveQuestion, LiveState, LiveStateIn, LiveYou } from '../../shared/live.ts';
import { answeredOf } from '../../shared/live-rules.ts';
import { fakeHub, MemoryStorage, settle } from '../support/scripted-hub.ts';

const SESSION = 'La1b2c3d4';
const OTHER_SESSION = 'Lffff0000';
const PIN = '123456';
const OTHER_PIN = '654321';
const PLAYER = 'p1a2b3c4d5e6';
const TOKEN = `${SESSION}.${PLAYER}.c2lnbmF0dXJl`;
const TOKEN_KEY = 'eventday.live.token';
const LATE_KEY = 'eventday.live.late';
const WAIT_NEXT = 'Wait for the next question';

type Common = Omit<LiveStateIn<'lobby'>, 'phase' | 'recentPlayers'>;

const question = (index: number): LiveQuestion => ({
  prompt: { zh: `第 ${index + 1} 题`, en: `Question ${index + 1}` },
  options: [
    { zh: '甲', en: 'A' },
    { zh: '乙', en: 'B' },
    { zh: '丙', en: 'C' },
  ],
  type: 'single',
  deadline: Date.now() + 20_000,
  timeLimitMs: 20_000,
});

const standings = { leaderboard: [{ rank: 1, name: '小明', score: 950, team: null }], teams: [] };

/** A session's state in a phase, with the fields that phase carries; `differs` names what a test needs. */
function liveState(phase: LivePhase, differs: Partial<Common> & { answered?: number } = {}): LiveState {
  const { answered = 3, ...rest } = differs;
  const common: Common = {
    sessionId: SESSION,
    revision: 5,
    step: 1,
    name: '现场竞答',
    pin: PIN,
    joinCode: null,
    paused: false,
    index: phase === 'lobby' ? -1 : 0,
    total: 3,
    players: 40,
    serverNow: Date.now(),
    ...rest,
  };
  switch (phase) {
    case 'lobby':
      return { ...common, phase, recentPlayers: ['小明'] };
    case 'question':
    case 'closed':
      return { ...common, phase, question: question(common.index), answered };
    case 'reveal':
      return {
        ...common,
        phase,
        question: question(common.index),
        answered,
        reveal: { answer: [1], distribution: [1, 2, 0], explanation: { zh: '因为', en: 'Because' } },
        ...standings,
      };
    case 'leaderboard':
    case 'podium':
    case 'ended':
      return { ...common, phase, ...standings };
  }
}

const me = (differs: Partial<LiveYou> = {}): LiveYou => ({
  playerId: PLAYER,
  name: '小明',
  score: 0,
  rank: 1,
  answered: null,
  lastCorrect: null,
  lastPoints: 0,
  ...differs,
});

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
const refused = (code: ErrorCode, message = `refused: ${code}`): Ack<never> => ({ ok: false, code, message });
const reply = (state: LiveState, you: LiveYou = me(), token = TOKEN): Ack<LiveJoinReply> => ok({ token, you, state });

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setup(urlPin: string | null = null) {
  const hub = fakeHub();
  const player = new LivePlayer(hub.connection, urlPin, () => WAIT_NEXT);
  return { hub, player };
}

/** A phone with a kept token that (re)connects and is given this state by the hub. */
async function rejoined(state: LiveState, you: LiveYou = me(), urlPin: string | null = null) {
  storage.setItem(TOKEN_KEY, TOKEN);
  const { hub, player } = setup(urlPin);
  hub.answer('live:rejoin', reply(state, you));
  hub.ready();
  await settle();
  expect(hub.unused()).toEqual([]);
  return { hub, player };
}

describe('the screen', () => {
  test('a phone with no token shows the join screen; one with a kept token shows it is rejoining until the hub answers', () => {
    expect(setup().player.screen).toBe('join');
    storage.setItem(TOKEN_KEY, TOKEN);
    const { player } = setup();
    expect(player.token).toBe(TOKEN);
    expect(player.screen).toBe('rejoining');
  });

  const rows: { phase: LivePhase; answered: number[] | null; screen: LiveScreen }[] = [
    { phase: 'lobby', answered: null, screen: 'lobby' },
    { phase: 'question', answered: null, screen: 'question' },
    { phase: 'question', answered: [1], screen: 'answered' },
    { phase: 'closed', answered: null, screen: 'closed' },
    { phase: 'closed', answered: [1], screen: 'answered' },
    { phase: 'reveal', answered: [1], screen: 'reveal' },
    { phase: 'reveal', answered: null, screen: 'reveal' },
    { phase: 'leaderboard', answered: null, screen: 'leaderboard' },
    { phase: 'podium', answered: null, screen: 'podium' },
    { phase: 'ended', answered: null, screen: 'podium' },
  ];
  test.each(rows)('$phase, answered $answered: $screen', async ({ phase, answered, screen }) => {
    const { player } = await rejoined(liveState(phase), me({ answered }));
    expect(player.screen).toBe(screen);
  });

  test('joined while a question is open: wait for the next one (the hub takes answers from it), then play', async () => {
    const { hub, player } = setup();
    hub.answer('live:join', reply(liveState('question', { index: 1 })));
    expect(await player.join({ pin: PIN, nickname: '小明' })).toBeNull();
    expect(player.lateIndex).toBe(1);
    expect(player.screen).toBe('wait');
    hub.emit('live:state', liveState('closed', { index: 1, revision: 6 }));
    expect(player.screen).toBe('closed');
    hub.emit('live:state', liveState('question', { index: 2, revision: 7 }));
    expect(player.screen).toBe('question');
  });

  test('a late joiner stays late after a reload (the mark is kept with the session), not in another session', async () => {
    storage.setItem(LATE_KEY, `${SESSION}:1`);
    const { player } = await rejoined(liveState('question', { index: 1 }));
    expect(player.screen).toBe('wait');
    storage.setItem(LATE_KEY, `${OTHER_SESSION}:1`);
    const again = await rejoined(liveState('question', { index: 1 }));
    expect(again.player.screen).toBe('question');
  });

  test.each([
    { who: 'a pass holder', request: { pin: PIN, pass: 'PASS-1234' }, you: me(), screen: 'question' },
    { who: 'a phone whose answer the hub already has', request: { pin: PIN, nickname: '小明' }, you: me({ answered: [0] }), screen: 'answered' },
  ] as const)('joined mid-question as $who: not late ($screen)', async ({ request, you, screen }) => {
    const { hub, player } = setup();
    hub.answer('live:join', reply(liveState('question'), you));
    await player.join(request);
    expect(player.lateIndex).toBeNull();
    expect(storage.getItem(LATE_KEY)).toBeNull();
    expect(player.screen).toBe(screen);
  });
});

describe('joining', () => {
  test('a refused join keeps the join screen and says why; the code is returned', async () => {
    const { hub, player } = setup();
    hub.answer('live:join', refused('LIVE_PIN_INVALID', 'That PIN is not right'));
    expect(await player.join({ pin: '000000' })).toBe('LIVE_PIN_INVALID');
    expect(player.joinError).toEqual({ code: 'LIVE_PIN_INVALID', message: 'That PIN is not right' });
    expect(player.joining).toBe(false);
    expect(player.token).toBeNull();
    expect(player.screen).toBe('join');
  });

  test('a second press while joining sends nothing; the token is kept for a reload', async () => {
    const { hub, player } = setup();
    const release = hub.hold('live:join');
    const joining = player.join({ pin: PIN, nickname: '小明' });
    expect(player.joining).toBe(true);
    expect(await player.join({ pin: PIN, nickname: '小明' })).toBeNull();
    expect(hub.commands()).toEqual(['live:join']);
    release(reply(liveState('lobby')));
    expect(await joining).toBeNull();
    expect(player.token).toBe(TOKEN);
    expect(storage.getItem(TOKEN_KEY)).toBe(TOKEN);
    expect(player.screen).toBe('lobby');
  });

  test('the hub’s clock: the offset is measured at each state; counts come with it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const { player } = await rejoined(liveState('question', { serverNow: 1_001_500, answered: 7, players: 42 }));
    expect(player.offset).toBe(1500);
    expect(player.hubNow()).toBe(1_001_500);
    expect([player.answered, player.players]).toEqual([7, 42]);
  });
});

describe('broadcasts of the state', () => {
  const shown = () => liveState('question', { revision: 5 });
  const rows: { name: string; next: LiveState; applied: boolean }[] = [
    { name: 'strictly newer, same session', next: liveState('closed', { revision: 6 }), applied: true },
    { name: 'much newer, same session', next: liveState('reveal', { revision: 40 }), applied: true },
    { name: 'same revision', next: liveState('closed', { revision: 5 }), applied: false },
    { name: 'older revision', next: liveState('lobby', { revision: 4 }), applied: false },
    { name: 'newer, another session', next: liveState('closed', { revision: 9, sessionId: OTHER_SESSION }), applied: false },
  ];
  test.each(rows)('$name: applied $applied', async ({ next, applied }) => {
    const { hub, player } = await rejoined(shown());
    const before = player.state;
    hub.emit('live:state', next);
    expect(player.state).toBe(applied ? next : before);
    expect(player.screen).toBe(applied ? (next.phase === 'closed' ? 'closed' : 'reveal') : 'question');
  });

  test('before a join or rejoin has answered, a broadcast is not taken', () => {
    const { hub, player } = setup();
    hub.emit('live:state', liveState('question', { revision: 99 }));
    expect(player.state).toBeNull();
    expect(player.screen).toBe('join');
  });

  test('a rejoin reply is the truth even when older than what is shown; newer broadcasts follow it again', async () => {
    const { hub, player } = await rejoined(liveState('question', { revision: 5 }));
    hub.emit('live:state', liveState('reveal', { revision: 8 }));
    expect(player.screen).toBe('reveal');
    const older = liveState('closed', { revision: 6 });
    hub.answer('live:rejoin', reply(older));
    hub.ready();
    await settle();
    expect(player.state).toBe(older);
    const newer = liveState('reveal', { revision: 7 });
    hub.emit('live:state', newer);
    expect(player.state).toBe(newer);
  });

  test('the counts follow each applied state (none in phases without a question)', async () => {
    const { hub, player } = await rejoined(liveState('question', { answered: 9, players: 30 }));
    expect([player.answered, player.players]).toEqual([9, 30]);
    const board = liveState('leaderboard', { revision: 6, players: 31 });
    hub.emit('live:state', board);
    expect([player.answered, player.players]).toEqual([answeredOf(board), 31]);
    expect(player.answered).toBe(0);
  });
});

describe('live counts', () => {
  const rows = [
    { name: 'this session, this question', count: { sessionId: SESSION, index: 1, answered: 12, players: 41 }, expected: [12, 41] },
    { name: 'this session, the last question', count: { sessionId: SESSION, index: 0, answered: 12, players: 41 }, expected: [3, 40] },
    { name: 'another session, same index', count: { sessionId: OTHER_SESSION, index: 1, answered: 12, players: 41 }, expected: [3, 40] },
  ];
  test.each(rows)('$name → answered, players $expected', async ({ count, expected }) => {
    const { hub, player } = await rejoined(liveState('question', { index: 1, answered: 3, players: 40 }));
    hub.emit('live:count', count);
    expect([player.answered, player.players]).toEqual(expected);
  });

  test('a count before any state changes nothing', () => {
    const { hub, player } = setup();
    hub.emit('live:count', { sessionId: SESSION, index: 0, answered: 5, players: 6 });
    expect([player.answered, player.players]).toEqual([0, 0]);
  });
});

describe('answering', () => {
  test('accepted: sending while on its way, then answered, with the hub’s time', async () => {
    const { hub, player } = await rejoined(liveState('question', { index: 2 }));
    const release = hub.hold('live:answer');
    const answering = player.answer([1]);
    expect(player.sending).toEqual([1]);
    expect(hub.payloads('live:answer')).toEqual([{ token: TOKEN, index: 2, choice: [1] }]);
    release(ok({ index: 2, accepted: true, elapsedMs: 2300 }));
    await answering;
    expect(player.sending).toBeNull();
    expect(player.you?.answered).toEqual([1]);
    expect(player.elapsedMs).toBe(2300);
    expect(player.problem).toBeNull();
    expect(player.screen).toBe('answered');
  });

  test('a second press while sending, or after answering, sends nothing', async () => {
    const { hub, player } = await rejoined(liveState('question'));
    const release = hub.hold('live:answer');
    const answering = player.answer([1]);
    await player.answer([2]);
    release(ok({ index: 0, accepted: true, elapsedMs: 900 }));
    await answering;
    await player.answer([0]);
    expect(hub.payloads('live:answer')).toEqual([{ token: TOKEN, index: 0, choice: [1] }]);
    expect(player.you?.answered).toEqual([1]);
  });

  test('no answer before joining', async () => {
    const { hub, player } = setup();
    await player.answer([1]);
    expect(hub.commands()).toEqual([]);
  });

  test.each(['LIVE_CLOSED', 'QUIZ_BAD_CHOICE'] as const)('%s locks the question with the problem and what happens next; no retry', async (code) => {
    const { hub, player } = await rejoined(liveState('question', { index: 1 }));
    hub.answer('live:answer', refused(code, 'This question is closed.'));
    await player.answer([0]);
    expect(player.lockedIndex).toBe(1);
    expect(player.problem).toEqual({ message: 'This question is closed.', hint: WAIT_NEXT });
    expect(player.sending).toBeNull();
    expect(player.you?.answered).toBeNull();
    expect(hub.commands()).toEqual(['live:rejoin', 'live:answer']);
  });

  test('LIVE_ALREADY_ANSWERED locks the question and fetches the answer given on another phone', async () => {
    const { hub, player } = await rejoined(liveState('question', { index: 1 }));
    hub.answer('live:answer', refused('LIVE_ALREADY_ANSWERED', 'One answer per question.'));
    hub.answer('live:rejoin', reply(liveState('question', { index: 1 }), me({ answered: [2] })));
    await player.answer([0]);
    await settle();
    expect(player.lockedIndex).toBe(1);
    expect(player.problem).toEqual({ message: 'One answer per question.', hint: WAIT_NEXT });
    expect(hub.payloads('live:rejoin')).toEqual([{ token: TOKEN }, { token: TOKEN }]);
    expect(player.you?.answered).toEqual([2]);
    expect(player.screen).toBe('answered');
  });

  test.each(['LIVE_TOKEN_INVALID', 'LIVE_UNKNOWN_SESSION'] as const)('%s: the token is worth nothing, back to the join screen', async (code) => {
    storage.setItem(LATE_KEY, `${SESSION}:0`);
    const { hub, player } = await rejoined(liveState('question', { index: 1 }));
    hub.answer('live:answer', refused(code, 'Please join again.'));
    await player.answer([0]);
    expect(player.screen).toBe('join');
    expect([player.token, player.state, player.you, player.sending, player.lateIndex]).toEqual([null, null, null, null, null]);
    expect(player.joinError).toEqual({ code, message: 'Please join again.' });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.getItem(LATE_KEY)).toBeNull();
  });

  test.each(['NO_ANSWER', 'RATE_LIMITED'] as const)('%s: a problem with a retry that sends the same choice again', async (code) => {
    const { hub, player } = await rejoined(liveState('question'));
    hub.answer('live:answer', refused(code, 'Try again.'));
    await player.answer([2]);
    expect(player.problem?.message).toBe('Try again.');
    expect(player.problem?.hint).toBeUndefined();
    expect(player.lockedIndex).toBeNull();
    expect(player.sending).toBeNull();
    expect(player.screen).toBe('question');
    hub.answer('live:answer', ok({ index: 0, accepted: true, elapsedMs: 4000 }));
    player.problem?.retry?.();
    await settle();
    expect(hub.payloads('live:answer')).toEqual([
      { token: TOKEN, index: 0, choice: [2] },
      { token: TOKEN, index: 0, choice: [2] },
    ]);
    expect(player.problem).toBeNull();
    expect(player.you?.answered).toEqual([2]);
  });

  test('a reply that arrives after the question moved on is dropped', async () => {
    const { hub, player } = await rejoined(liveState('question', { index: 0 }));
    const release = hub.hold('live:answer');
    const answering = player.answer([1]);
    hub.emit('live:state', liveState('question', { index: 1, revision: 6 }));
    expect(player.sending).toBeNull();
    release(ok({ index: 0, accepted: true, elapsedMs: 19_000 }));
    await answering;
    expect(player.you?.answered).toBeNull();
    expect(player.elapsedMs).toBeNull();
    expect(player.screen).toBe('question');
  });

  test('dismissProblem() clears the problem', async () => {
    const { hub, player } = await rejoined(liveState('question'));
    hub.answer('live:answer', refused('NO_ANSWER'));
    await player.answer([1]);
    expect(player.problem).not.toBeNull();
    player.dismissProblem();
    expect(player.problem).toBeNull();
  });
});

describe('the player’s own view', () => {
  test.each([
    { name: 'this player', playerId: PLAYER, applied: true },
    { name: 'another player', playerId: 'p999999999999', applied: false },
  ])('live:you for $name: applied $applied', async ({ playerId, applied }) => {
    const { hub, player } = await rejoined(liveState('reveal'));
    const before = player.you;
    const sent = me({ playerId, score: 950, rank: 2, answered: [1], lastCorrect: true, lastPoints: 950 });
    hub.emit('live:you', sent);
    expect(player.you).toBe(applied ? sent : before);
  });

  test('live:you before joining is not taken', () => {
    const { hub, player } = setup();
    hub.emit('live:you', me({ score: 100 }));
    expect(player.you).toBeNull();
  });

  test('a new question clears the last answer and its result, keeps the score; a phase change of the same question keeps them', async () => {
    const { hub, player } = await rejoined(liveState('question', { index: 0, revision: 5 }));
    hub.answer('live:answer', ok({ index: 0, accepted: true, elapsedMs: 1200 }));
    await player.answer([1]);
    hub.emit('live:state', liveState('closed', { index: 0, revision: 6 }));
    expect(player.you?.answered).toEqual([1]);
    expect(player.elapsedMs).toBe(1200);
    expect(player.screen).toBe('answered');
    hub.emit('live:state', liveState('reveal', { index: 0, revision: 7 }));
    hub.emit('live:you', me({ answered: [1], lastCorrect: true, lastPoints: 950, score: 950 }));
    hub.emit('live:state', liveState('question', { index: 1, revision: 8 }));
    expect(player.you).toEqual(me({ answered: null, lastCorrect: null, lastPoints: 0, score: 950 }));
    expect(player.elapsedMs).toBeNull();
    expect(player.screen).toBe('question');
  });

  test('a new question lifts the lock and the problem of the last one', async () => {
    const { hub, player } = await rejoined(liveState('question', { index: 0 }));
    hub.answer('live:answer', refused('LIVE_CLOSED', 'Closed.'));
    await player.answer([1]);
    expect(player.lockedIndex).toBe(0);
    hub.emit('live:state', liveState('question', { index: 1, revision: 6 }));
    expect(player.problem).toBeNull();
    expect(player.lockedIndex === player.state?.index).toBe(false);
    hub.answer('live:answer', ok({ index: 1, accepted: true, elapsedMs: 800 }));
    await player.answer([2]);
    expect(player.you?.answered).toEqual([2]);
  });
});

describe('rejoining', () => {
  test('with a kept token: nothing is asked until the hub is ready, then the same player comes back', async () => {
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup();
    expect(hub.commands()).toEqual([]);
    hub.answer('live:rejoin', reply(liveState('leaderboard'), me({ score: 1900, rank: 3 })));
    hub.ready();
    expect(player.rejoining).toBe(true);
    await settle();
    expect(hub.payloads('live:rejoin')).toEqual([{ token: TOKEN }]);
    expect(player.rejoining).toBe(false);
    expect(player.you?.score).toBe(1900);
    expect(player.screen).toBe('leaderboard');
  });

  test('without a token a reconnect asks nothing', async () => {
    const { hub, player } = setup();
    hub.ready();
    await settle();
    expect(hub.commands()).toEqual([]);
    expect(player.screen).toBe('join');
  });

  test('a reconnect while a rejoin is on its way sends no second one', async () => {
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup();
    const release = hub.hold('live:rejoin');
    hub.ready();
    hub.ready();
    release(reply(liveState('lobby')));
    await settle();
    expect(hub.commands()).toEqual(['live:rejoin']);
    expect(player.screen).toBe('lobby');
  });

  const qrRows: { name: string; urlPin: string | null; pin: string; stays: boolean }[] = [
    { name: 'no PIN in the address', urlPin: null, pin: PIN, stays: true },
    { name: 'the QR of the same session', urlPin: PIN, pin: PIN, stays: true },
    { name: 'the QR of another session', urlPin: OTHER_PIN, pin: PIN, stays: false },
  ];
  test.each(qrRows)('a kept token, page opened from $name: stays $stays', async ({ urlPin, pin, stays }) => {
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup(urlPin);
    hub.answer('live:rejoin', reply(liveState('lobby', { pin })));
    hub.ready();
    await settle();
    expect(player.screen).toBe(stays ? 'lobby' : 'join');
    expect(player.token).toBe(stays ? TOKEN : null);
    expect(storage.getItem(TOKEN_KEY)).toBe(stays ? TOKEN : null);
    expect(player.joinError).toBeNull();
  });

  test('already in the game, a reconnect keeps the session even if the address names another PIN', async () => {
    const { hub, player } = setup(OTHER_PIN);
    hub.answer('live:join', reply(liveState('question', { revision: 6 }), me({ answered: [0] })));
    await player.join({ pin: PIN, nickname: '小明' });
    expect(player.screen).toBe('answered');
    hub.answer('live:rejoin', reply(liveState('closed', { revision: 7 }), me({ answered: [0] })));
    hub.ready();
    await settle();
    expect(player.token).toBe(TOKEN);
    expect(player.screen).toBe('answered');
  });

  const goneRows: { code: ErrorCode; urlPin: string | null; says: boolean }[] = [
    { code: 'LIVE_TOKEN_INVALID', urlPin: null, says: true },
    { code: 'LIVE_TOKEN_INVALID', urlPin: OTHER_PIN, says: false },
    { code: 'LIVE_UNKNOWN_SESSION', urlPin: null, says: true },
    { code: 'LIVE_UNKNOWN_SESSION', urlPin: OTHER_PIN, says: true },
  ];
  test.each(goneRows)('rejoin refused with $code (address PIN $urlPin): back to join, saying why $says', async ({ code, urlPin, says }) => {
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup(urlPin);
    hub.answer('live:rejoin', refused(code, 'Please join again.'));
    hub.ready();
    await settle();
    expect(player.screen).toBe('join');
    expect(player.token).toBeNull();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(player.joinError).toEqual(says ? { code, message: 'Please join again.' } : null);
  });

  test('no answer before any state: tried again after 2 s, as the same player', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup();
    hub.answer('live:rejoin', refused('NO_ANSWER'), reply(liveState('lobby')));
    hub.ready();
    await settle();
    expect(player.screen).toBe('rejoining');
    vi.advanceTimersByTime(1999);
    expect(hub.commands()).toEqual(['live:rejoin']);
    vi.advanceTimersByTime(1);
    await settle();
    expect(hub.payloads('live:rejoin')).toEqual([{ token: TOKEN }, { token: TOKEN }]);
    expect(player.screen).toBe('lobby');
  });

  test('no answer while a state is shown: no retry (the next reconnect rejoins)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { hub, player } = await rejoined(liveState('lobby'));
    hub.answer('live:rejoin', refused('NO_ANSWER'));
    hub.ready();
    await settle();
    vi.advanceTimersByTime(10_000);
    expect(hub.commands()).toEqual(['live:rejoin', 'live:rejoin']);
    expect(player.screen).toBe('lobby');
  });

  test('leaving stops a pending retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup();
    hub.answer('live:rejoin', refused('NO_ANSWER'));
    hub.ready();
    await settle();
    player.leave();
    vi.advanceTimersByTime(5000);
    expect(hub.commands()).toEqual(['live:rejoin']);
  });

  test('a rejoin reply for a token given up meanwhile is ignored', async () => {
    storage.setItem(TOKEN_KEY, TOKEN);
    const { hub, player } = setup();
    const release = hub.hold('live:rejoin');
    hub.ready();
    player.leave();
    release(reply(liveState('lobby')));
    await settle();
    expect(player.state).toBeNull();
    expect(player.screen).toBe('join');
  });
});

describe('in Node: no localStorage, no navigator', () => {
  test('without storage the player plays on in memory (a reload would forget it)', async () => {
    vi.stubGlobal('localStorage', undefined);
    const { hub, player } = setup();
    expect(player.token).toBeNull();
    hub.answer('live:join', reply(liveState('lobby')));
    await player.join({ pin: PIN, nickname: '小明' });
    expect(player.token).toBe(TOKEN);
    expect(player.screen).toBe('lobby');
    player.leave();
    expect(player.screen).toBe('join');
  });

  test('storage that refuses (private mode) is the same as none', async () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    refusing.getItem = () => {
      throw new Error('SecurityError');
    };
    vi.stubGlobal('localStorage', refusing);
    const { hub, player } = setup();
    hub.answer('live:join', reply(liveState('lobby')));
    await player.join({ pin: PIN, nickname: '小明' });
    expect(player.screen).toBe('lobby');
  });

  test('without storage the late-join mark is lost: a late joiner is shown the question', async () => {
    vi.stubGlobal('localStorage', undefined);
    const { hub, player } = setup();
    hub.answer('live:join', reply(liveState('question', { index: 1 })));
    await player.join({ pin: PIN, nickname: '小明' });
    expect(player.lateIndex).toBeNull();
    expect(player.screen).toBe('question');
  });

  const vibrators: { name: string; navigator: unknown; buzzes: boolean }[] = [
    { name: 'no navigator', navigator: undefined, buzzes: false },
    { name: 'no vibrate()', navigator: {}, buzzes: false },
    {
      name: 'a vibrate() that throws',
      navigator: {
        vibrate: vi.fn(() => {
          throw new Error('blocked');
        }),
      },
      buzzes: true,
    },
    { name: 'a vibrate()', navigator: { vibrate: vi.fn(() => true) }, buzzes: true },
  ];
  test.each(vibrators)('an accepted answer with $name is still answered', async ({ navigator, buzzes }) => {
    vi.stubGlobal('navigator', navigator);
    const { hub, player } = await rejoined(liveState('question'));
    hub.answer('live:answer', ok({ index: 0, accepted: true, elapsedMs: 500 }));
    await player.answer([1]);
    expect(player.screen).toBe('answered');
    if (buzzes) expect((navigator as { vibrate: (ms: number) => void }).vibrate).toHaveBeenCalledWith(40);
  });
});
