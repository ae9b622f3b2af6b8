import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import { manualClock } from '../../server/clock.ts';
import type { LiveJoinReply, LiveState } from '../../shared/live.ts';
import type { BankQuestion } from '../../shared/quiz.ts';
import { livePoints } from '../../shared/live-scoring.ts';
import { connectClient, nextEvent, record, request, startHub, type RunningHub, requestOk } from '../support/hub-harness.ts';
import { signIn, staffSocket } from '../support/staff.ts';
import { inPhase, questionOf, standingsOf } from '../../shared/live-rules.ts';
import { liveSettings } from '../support/live-settings.ts';

/** The live stage quiz against the real hub: the MC's steps, phones answering, the hub's time and truth. */
let running: RunningHub;
let mc: Socket;

const SETTINGS = liveSettings({ name: '开幕竞答' });

beforeAll(async () => {
  running = await startHub();
  mc = await staffSocket(running.base, await signIn(running.base));
});
afterAll(async () => {
  mc?.close();
  await running?.close();
});

const db = () => running.hub.db;
const bank = (id: string) => JSON.parse(db().prepare('SELECT body_json FROM questions WHERE id = ?').pluck().get(id) as string) as BankQuestion;

const ok = requestOk;

async function step(state: LiveState, action: string, by = mc): Promise<LiveState> {
  return ok(by, 'live:control', { sessionId: state.sessionId, action, step: state.step });
}

async function player(pin: string, nickname: string, base = running.base): Promise<{ socket: Socket; joined: LiveJoinReply }> {
  const socket = await connectClient(base, 'kiosk');
  return { socket, joined: await ok(socket, 'live:join', { pin, nickname }) };
}

test('a session from lobby to podium: no answer before the reveal, points by the formula, counts not answers broadcast, ties share a place', async () => {
  let state = await ok(mc, 'live:create', SETTINGS);
  expect(state).toMatchObject({ phase: 'lobby', index: -1, total: 3, players: 0 });
  expect(state.pin).toMatch(/^\d{6}$/);
  // The MC's console learns from the hub what the next step opens: the first question's prompt, no answer.
  expect(await ok(mc, 'live:upcoming', { sessionId: state.sessionId })).toEqual({ index: 0, prompt: bank(SETTINGS.questionIds[0]!).prompt });
  const lobbyStates = record<LiveState>(mc, 'live:state');
  const players = await Promise.all(['甲', '乙', '丙', '丁'].map((name) => player(state.pin, `选手${name}`)));
  // Arrivals are a change the lobby shows: the session's revision moves with them, the MC's step does not.
  await expect.poll(() => lobbyStates.at(-1)?.players).toBe(4);
  expect(lobbyStates.at(-1)!.revision).toBeGreaterThan(state.revision);
  expect(lobbyStates.at(-1)!.step).toBe(state.step);
  const phone = players[0]!.socket;
  expect(await request(phone, 'live:upcoming', { sessionId: state.sessionId })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  const screenStates = record<LiveState>(players[0]!.socket, 'live:state');
  const answersSeen = record<unknown>(players[1]!.socket, 'live:answer');

  state = await step(state, 'start');
  expect(state).toMatchObject({ phase: 'question', index: 0, players: 4 });
  expect(inPhase(state, 'question').question).not.toHaveProperty('answer');
  expect(state).not.toHaveProperty('reveal');
  const first = bank('fire-001');
  const right = first.answer;
  const wrong = [[0, 1, 2, 3].find((i) => !right.includes(i))!];

  // 甲 and 乙 right (the same moment, so the same points), 丙 wrong, 丁 silent.
  const [a, b, c] = await Promise.all([
    ok(players[0]!.socket, 'live:answer', { token: players[0]!.joined.token, index: 0, choice: right }),
    ok(players[1]!.socket, 'live:answer', { token: players[1]!.joined.token, index: 0, choice: right }),
    ok(players[2]!.socket, 'live:answer', { token: players[2]!.joined.token, index: 0, choice: wrong }),
  ]);
  expect([a.accepted, b.accepted, c.accepted]).toEqual([true, true, true]);
  // Stored before acknowledged.
  expect(db().prepare('SELECT COUNT(*) FROM live_answers WHERE session_id = ?').pluck().get(state.sessionId)).toBe(3);

  const you = nextEvent(players[0]!.socket, 'live:you');
  state = await step(state, 'reveal');
  expect(state.phase).toBe('reveal');
  const revealed = inPhase(state, 'reveal');
  expect(revealed.reveal.answer).toEqual(right);
  expect(revealed.reveal.distribution.reduce((sum, n) => sum + n, 0)).toBe(3);
  const mine = await you;
  const elapsed = db().prepare('SELECT elapsed_ms FROM live_answers WHERE player_id = ?').pluck().get(players[0]!.joined.you.playerId) as number;
  expect(mine.lastPoints).toBe(livePoints(true, elapsed, 20_000, 1000, 3));
  expect(mine.lastPoints).toBeGreaterThan(1000);
  expect(mine.lastPoints).toBeLessThanOrEqual(1000 + 333);
  expect(mine).toMatchObject({ lastCorrect: true, score: mine.lastPoints });

  state = await step(state, 'leaderboard');
  const standings = inPhase(state, 'leaderboard').leaderboard;
  expect(
    standings
      .map((entry) => entry.name)
      .slice(0, 2)
      .sort(),
  ).toEqual(['选手乙', '选手甲']);
  const last = standings.filter((entry) => entry.score === 0);
  expect(new Set(last.map((entry) => entry.rank)).size).toBe(1);

  // Two more questions, nobody answering: the clock closes nothing early, the MC moves on.
  expect(await ok(mc, 'live:upcoming', { sessionId: state.sessionId })).toEqual({ index: 1, prompt: bank(SETTINGS.questionIds[1]!).prompt });
  state = await step(state, 'next');
  expect(state).toMatchObject({ phase: 'question', index: 1 });
  state = await step(state, 'skip');
  expect(state).toMatchObject({ phase: 'question', index: 2 });
  state = await step(state, 'close');
  state = await step(state, 'reveal');
  state = await step(state, 'next');
  expect(state.phase).toBe('podium');
  expect(await ok(mc, 'live:upcoming', { sessionId: state.sessionId })).toEqual({ index: -1, prompt: null });
  const podium = inPhase(state, 'podium').leaderboard;
  expect(podium[0]!.rank).toBe(1);
  expect(podium[1]!.rank).toBe(podium[0]!.score === podium[1]!.score ? 1 : 2);

  // Phones got states and counts, never another phone's answer.
  expect(screenStates.length).toBeGreaterThan(3);
  expect(answersSeen).toEqual([]);
  expect(JSON.stringify(screenStates)).not.toContain(players[1]!.joined.token);
  expect(await ok(mc, 'live:watch', { sessionId: state.sessionId })).toMatchObject({ phase: 'podium', revision: state.revision });
  players.forEach(({ socket }) => socket.close());
});

test('answered counts: screens get them within a quarter second; phones not while the question is still reaching them, then at most every 2 s', async () => {
  // A hub of its own whose time moves only when told (answers are timed on it too).
  const clock = manualClock(Date.now());
  const own = await startHub(undefined, { clock });
  const sockets: Socket[] = [];
  try {
    const host = await staffSocket(own.base, await signIn(own.base));
    sockets.push(host);
    let state = await ok(host, 'live:create', SETTINGS);
    // Six players, five of whom answer: the question stays open throughout.
    const players = await Promise.all(['戊', '己', '庚', '辛', '壬', '癸'].map((name) => player(state.pin, `选手${name}`, own.base)));
    sockets.push(...players.map((p) => p.socket));
    // A console following the session stands in for a screen: both join by live:watch.
    const screen = await staffSocket(own.base, await signIn(own.base));
    sockets.push(screen);
    await ok(screen, 'live:watch', { sessionId: state.sessionId });
    type Count = { answered: number; players: number };
    const screenCounts = record<Count>(screen, 'live:count');
    const phone = players[5]!;
    const phoneCounts = record<Count>(phone.socket, 'live:count');
    // Events to one socket arrive in the order the hub sent them: after a round trip, anything sent before is here.
    const roundTrip = async (socket: Socket) => void (await request(socket, 'clock:sync', {}));
    const answer = (index: number) => ok(players[index]!.socket, 'live:answer', { token: players[index]!.joined.token, index: 0, choice: [index % 2] });

    state = await step(state, 'start', host);
    const openedAt = clock.now();

    // The first answer's count reaches screens a quarter second later, not before; phones not at all (the question's first second).
    await answer(0);
    clock.advance(249);
    await roundTrip(screen);
    expect(screenCounts).toEqual([]);
    const first = nextEvent(screen, 'live:count');
    clock.advance(1);
    expect(await first).toMatchObject({ answered: 1, players: 6 });
    await roundTrip(phone.socket);
    expect(phoneCounts).toEqual([]);

    // After the quiet second, the next answer's count reaches the phones too.
    clock.set(openedAt + 1200);
    await answer(1);
    const toPhones = nextEvent(phone.socket, 'live:count');
    clock.advance(250);
    expect(await toPhones).toMatchObject({ answered: 2, players: 6 });
    await roundTrip(screen);
    expect(screenCounts.at(-1)).toMatchObject({ answered: 2 });
    const phonesHadItAt = clock.now();

    // Within 2 s of that, counts reach screens only.
    await answer(2);
    clock.advance(250);
    clock.set(phonesHadItAt + 1749);
    await answer(3);
    clock.advance(250);
    await roundTrip(screen);
    expect(screenCounts.slice(-2).map((count) => count.answered)).toEqual([3, 4]);
    await roundTrip(phone.socket);
    expect(phoneCounts.map((count) => count.answered)).toEqual([2]);

    // Past 2 s since the phones' last count, they get one again.
    await answer(4);
    const again = nextEvent(phone.socket, 'live:count');
    clock.advance(250);
    expect(await again).toMatchObject({ answered: 5, players: 6 });
    expect(phoneCounts.map((count) => count.answered)).toEqual([2, 5]);
    await step(state, 'end', host);
  } finally {
    sockets.forEach((socket) => socket.close());
    await own.close();
  }
});

test('the questions an MC picks from: the playable bank, never its answers or explanations', async () => {
  const { questions } = await ok(mc, 'live:questions', {});
  const playable = db().prepare('SELECT COUNT(*) FROM questions WHERE checked = 1 AND retired = 0').pluck().get() as number;
  expect(questions).toHaveLength(playable);
  expect(questions.length).toBeGreaterThan(100);
  for (const question of questions) expect(Object.keys(question).sort()).toEqual(['difficulty', 'id', 'prompt', 'theme', 'type']);
  expect(JSON.stringify(questions)).not.toContain(bank('fire-001').explanation.zh);
});

test('teams by venue: the leaderboard and the team totals name the venue, not its id', async () => {
  let state = await ok(mc, 'live:create', { ...SETTINGS, teamMode: 'venue', venueIds: ['taihu', 'songzhuang'] });
  const phone = await connectClient(running.base, 'kiosk');
  const joined = await ok(phone, 'live:join', { pin: state.pin, nickname: '宋庄选手', venueId: 'songzhuang' });
  expect(await request(phone, 'live:join', { pin: state.pin, nickname: '潞城选手', venueId: 'lucheng' })).toMatchObject({
    ok: false,
    code: 'LIVE_VENUE_NOT_IN',
  });
  state = await step(state, 'start');
  await ok(phone, 'live:answer', { token: joined.token, index: 0, choice: bank('fire-001').answer });
  state = await step(state, 'reveal');
  state = await step(state, 'leaderboard');
  const { leaderboard, teams } = standingsOf(state)!;
  expect(leaderboard[0]).toMatchObject({ name: '宋庄选手', team: '宋庄镇分会场' });
  expect(teams).toEqual([{ team: '宋庄镇分会场', score: leaderboard[0]!.score, players: 1 }]);
  await step(state, 'end');
  phone.close();
});

test('refusals: a stale button, a closed question, two answers, an option that does not exist, a forged token, a late joiner', async () => {
  let state = await ok(mc, 'live:create', SETTINGS);
  const p = await player(state.pin, '规则测试');
  expect(await request(mc, 'live:control', { sessionId: state.sessionId, action: 'reveal', step: state.step })).toMatchObject({
    ok: false,
    code: 'LIVE_WRONG_STEP',
  });
  state = await step(state, 'start');
  // A double press: the second carries the old step.
  expect(await request(mc, 'live:control', { sessionId: state.sessionId, action: 'start', step: state.step - 1 })).toMatchObject({
    ok: false,
    code: 'LIVE_STALE',
  });

  const late = await player(state.pin, '迟到者');
  expect(await request(late.socket, 'live:answer', { token: late.joined.token, index: 0, choice: [0] })).toMatchObject({ ok: false, code: 'LIVE_CLOSED' });
  expect(await request(p.socket, 'live:answer', { token: p.joined.token, index: 0, choice: [7] })).toMatchObject({ ok: false, code: 'QUIZ_BAD_CHOICE' });
  expect(await request(p.socket, 'live:answer', { token: p.joined.token, index: 1, choice: [0] })).toMatchObject({ ok: false, code: 'LIVE_CLOSED' });
  const [sessionId, playerId] = p.joined.token.split('.');
  expect(await request(p.socket, 'live:answer', { token: `${sessionId}.${playerId}.forged`, index: 0, choice: [0] })).toMatchObject({
    ok: false,
    code: 'LIVE_TOKEN_INVALID',
  });
  expect(await request(p.socket, 'live:answer', { token: `${sessionId}.p000000000000.${p.joined.token.split('.')[2]}`, index: 0, choice: [0] })).toMatchObject({
    ok: false,
    code: 'LIVE_TOKEN_INVALID',
  });
  expect(await ok(p.socket, 'live:answer', { token: p.joined.token, index: 0, choice: [0] })).toMatchObject({ accepted: true });
  expect(await request(p.socket, 'live:answer', { token: p.joined.token, index: 0, choice: [1] })).toMatchObject({ ok: false, code: 'LIVE_ALREADY_ANSWERED' });

  // The deadline passed (it is data: moved back here) — a late answer is refused, nothing stored.
  db()
    .prepare('UPDATE live_sessions SET deadline = ? WHERE id = ?')
    .run(Date.now() - 5000, state.sessionId);
  const other = await player(state.pin, '另一位');
  expect(await request(other.socket, 'live:answer', { token: other.joined.token, index: 0, choice: [0] })).toMatchObject({ ok: false, code: 'LIVE_CLOSED' });
  expect(db().prepare('SELECT COUNT(*) FROM live_answers WHERE session_id = ?').pluck().get(state.sessionId)).toBe(1);
  // The late joiner plays from the next question.
  state = await ok(mc, 'live:watch', { sessionId: state.sessionId });
  state = await step(state, state.phase === 'question' ? 'close' : 'reveal');
  if (state.phase === 'closed') state = await step(state, 'reveal');
  await step(state, 'next');
  expect(await ok(late.socket, 'live:answer', { token: late.joined.token, index: 1, choice: [0] })).toMatchObject({ accepted: true });
  [p, late, other].forEach(({ socket }) => socket.close());
});

test('a phone that reconnects is the same player with the same score; the MC can rename and remove', async () => {
  let state = await ok(mc, 'live:create', SETTINGS);
  const p = await player(state.pin, '断线选手');
  state = await step(state, 'start');
  await ok(p.socket, 'live:answer', { token: p.joined.token, index: 0, choice: bank('fire-001').answer });
  state = await step(state, 'reveal');
  p.socket.close();
  const again = await connectClient(running.base, 'kiosk');
  const back = await ok(again, 'live:rejoin', { token: p.joined.token });
  expect(back.you.playerId).toBe(p.joined.you.playerId);
  expect(back.you.score).toBeGreaterThan(1000);
  expect(back.state.phase).toBe('reveal');

  await ok(mc, 'live:player', { sessionId: state.sessionId, playerId: back.you.playerId, name: '<b>新名字</b>' });
  expect((await ok(again, 'live:rejoin', { token: p.joined.token })).you.name).toBe('新名字');
  await ok(mc, 'live:player', { sessionId: state.sessionId, playerId: back.you.playerId, remove: true });
  expect(await request(again, 'live:rejoin', { token: p.joined.token })).toMatchObject({ ok: false, code: 'LIVE_TOKEN_INVALID' });
  again.close();
});

test('a hub restarted mid-question resumes it: same question, same deadline, every acknowledged answer kept', async () => {
  let state = await ok(mc, 'live:create', SETTINGS);
  const p = await player(state.pin, '重启选手');
  state = await step(state, 'start');
  await ok(p.socket, 'live:answer', { token: p.joined.token, index: 0, choice: [0] });
  p.socket.close();
  mc.close();
  const dataDir = running.dataDir;
  await running.close();
  running = await startHub(dataDir);
  mc = await staffSocket(running.base, await signIn(running.base));
  const resumed = await ok(mc, 'live:watch', { sessionId: state.sessionId });
  expect(resumed).toMatchObject({ phase: 'question', index: 0, answered: 1 });
  expect(questionOf(resumed)!.deadline).toBe(questionOf(state)!.deadline);
  const phone = await connectClient(running.base, 'kiosk');
  expect(await request(phone, 'live:answer', { token: p.joined.token, index: 0, choice: [1] })).toMatchObject({ ok: false, code: 'LIVE_ALREADY_ANSWERED' });
  phone.close();
});

test('a rotating join QR: the code the screen shows lets a phone in; an old or missing one does not', async () => {
  const state = await ok(mc, 'live:create', { ...SETTINGS, rotatingJoin: true });
  expect(state.joinCode).toMatch(/^[A-Z0-9]{6}$/);
  const phone = await connectClient(running.base, 'kiosk');
  expect(await request(phone, 'live:join', { pin: state.pin, nickname: '没扫码' })).toMatchObject({ ok: false, code: 'LIVE_JOIN_CODE' });
  expect(await request(phone, 'live:join', { pin: state.pin, joinCode: 'ZZZZZZ', nickname: '旧码' })).toMatchObject({ ok: false, code: 'LIVE_JOIN_CODE' });
  expect(await ok(phone, 'live:join', { pin: state.pin, joinCode: state.joinCode!.toLowerCase(), nickname: '看到大屏' })).toMatchObject({
    you: { name: '看到大屏' },
  });
  phone.close();
});

test('bad joins: wrong PINs slowed and logged, blocked, long and HTML nicknames', async () => {
  const state = await ok(mc, 'live:create', SETTINGS);
  const phone = await connectClient(running.base, 'kiosk');
  const cases: [unknown, string][] = [
    [{ pin: state.pin, nickname: '傻逼' }, 'NAME_BLOCKED'],
    [{ pin: state.pin, nickname: 'F u c k' }, 'NAME_BLOCKED'],
    [{ pin: state.pin, nickname: '长'.repeat(300) }, 'BAD_PAYLOAD'],
    [{ pin: state.pin, nickname: '长'.repeat(30) }, 'NAME_INVALID'],
    [{ pin: state.pin, nickname: '<img src=x onerror=alert(1)>' }, 'NAME_INVALID'],
    [{ pin: state.pin, nickname: 'a', role: 'admin' }, 'BAD_PAYLOAD'],
  ];
  for (const [payload, code] of cases) expect(await request(phone, 'live:join', payload), JSON.stringify(payload)).toMatchObject({ ok: false, code });
  const cleaned = await ok(phone, 'live:join', { pin: state.pin, nickname: '<b>小明</b>' });
  expect(cleaned.you.name).toBe('小明');

  const codes: string[] = [];
  for (let i = 0; i < 100; i++) {
    const ack = await request(phone, 'live:join', { pin: String(100000 + ((Number(state.pin) + 1 + i) % 900000)), nickname: '猜码' });
    codes.push(ack.ok ? 'ok' : ack.code);
  }
  expect(codes.slice(0, 20).every((code) => code === 'LIVE_PIN_INVALID')).toBe(true);
  expect(codes.slice(25).every((code) => code === 'RATE_LIMITED' || code === 'LIVE_PIN_INVALID')).toBe(true);
  expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThan(50);
  expect(running.logs.filter((line) => line.msg === 'live quiz: wrong PIN').length).toBeGreaterThanOrEqual(20);
  // The hub keeps serving: the right PIN from another address still works, and this one after the lock.
  phone.close();
});
