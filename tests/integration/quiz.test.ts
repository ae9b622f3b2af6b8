import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import { manualClock } from '../../server/clock.ts';
import type { BankQuestion, AskedQuestion, Leaderboard } from '../../shared/quiz.ts';
import type { RegisterReply } from '../../shared/visitors.ts';
import { connectClient, record, request, startHub, type RunningHub, requestOk } from '../support/hub-harness.ts';
import { api, deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

/** The kiosk challenge against the real hub: drawn, timed and scored there, every answer stored. The hub's time moves only when a test moves it. */
const clock = manualClock();
let running: RunningHub;
let admin: Session;
let kiosk: Socket;

beforeAll(async () => {
  running = await startHub(undefined, { clock });
  admin = await signIn(running.base);
  const { token } = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: 'taihu', name: '答题一号机' });
  kiosk = await deviceSocket(running.base, token, 'kiosk');
});
afterAll(async () => {
  kiosk?.close();
  await running?.close();
});

const db = () => running.hub.db;
const bankQuestion = (id: string) => JSON.parse(db().prepare('SELECT body_json FROM questions WHERE id = ?').pluck().get(id) as string) as BankQuestion;
const scoreOf = (challengeId: string) => db().prepare('SELECT score FROM challenges WHERE id = ?').pluck().get(challengeId) as number;
const answersOf = (challengeId: string) => db().prepare('SELECT COUNT(*) FROM answers WHERE challenge_id = ?').pluck().get(challengeId) as number;
/** The right options as this kiosk shows them (options are shuffled per visitor), found by their text. */
function rightChoice(question: AskedQuestion): number[] {
  const bank = bankQuestion(question.id);
  return bank.answer.map((index) => question.options.findIndex((option) => option.zh === bank.options[index]!.zh)).sort((a, b) => a - b);
}
const wrongChoice = (question: AskedQuestion) => [[...Array(question.options.length).keys()].find((index) => !rightChoice(question).includes(index))!];

/** The deadline is data: moving when a question was asked is time passing, as the hub sees it. */
const age = (challengeId: string, ms: number) => db().prepare('UPDATE challenges SET asked_at = asked_at - ? WHERE id = ?').run(ms, challengeId);

const ok = requestOk;

/** Plays a whole challenge; `wrongAt` lists the questions answered wrongly, `slow` answers each a second before its time runs out. */
async function play(socket: Socket, start: { nickname?: string; pass?: string }, options: { wrongAt?: number[]; slow?: boolean } = {}) {
  const started = await ok(socket, 'quiz:start', start);
  let question: AskedQuestion = started.question;
  const asked: AskedQuestion[] = [];
  for (;;) {
    asked.push(question);
    if (options.slow) age(started.challengeId, question.timeLimitMs - 1000);
    const reply = await ok(socket, 'quiz:answer', {
      challengeId: started.challengeId,
      index: question.index,
      choice: options.wrongAt?.includes(question.index) ? wrongChoice(question) : rightChoice(question),
    });
    if (reply.last) break;
    question = await ok(socket, 'quiz:next', { challengeId: started.challengeId });
  }
  return { started, asked, result: await ok(socket, 'quiz:result', { challengeId: started.challengeId }) };
}

test('options are shuffled per visitor: the right one is not always first', async () => {
  const firsts = new Set<number>();
  for (let round = 0; round < 12; round++) {
    const started = await ok(kiosk, 'quiz:start', {});
    if (started.question.type !== 'truefalse') firsts.add(rightChoice(started.question)[0]!);
  }
  expect(firsts.size).toBeGreaterThan(1);
});

test('a challenge: ten questions of ten themes, no answer before answering, each answer scored and stored; the screen’s leaderboard gets it', async () => {
  const screen = await connectClient(running.base, 'screen');
  await ok(screen, 'leaderboard:watch', {});
  const updates = record<Leaderboard>(screen, 'leaderboard:update');

  const started = await ok(kiosk, 'quiz:start', { nickname: '消防先锋86' });
  expect(started.playerName).toBe('消防先锋86');
  expect(started.question).not.toHaveProperty('answer');
  expect(started.question).not.toHaveProperty('explanation');
  const ids = JSON.parse(db().prepare('SELECT question_ids_json FROM challenges WHERE id = ?').pluck().get(started.challengeId) as string) as string[];
  expect(ids).toHaveLength(10);
  expect(new Set(ids.map((id) => bankQuestion(id).theme)).size).toBe(10);
  expect(ids.every((id) => bankQuestion(id).checked)).toBe(true);

  // First question right at once, second wrong.
  const first = bankQuestion(started.question.id);
  const reply = await ok(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: 0, choice: rightChoice(started.question) });
  expect(reply).toMatchObject({ correct: true, answer: rightChoice(started.question), explanation: first.explanation, source: first.source, last: false });
  expect(reply.points).toBeGreaterThanOrEqual(108);
  const second = await ok(kiosk, 'quiz:next', { challengeId: started.challengeId });
  expect(second.index).toBe(1);
  expect(await ok(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: 1, choice: wrongChoice(second) })).toMatchObject({
    correct: false,
    points: 0,
  });
  expect(answersOf(started.challengeId)).toBe(2);

  // The rest: right, except the time running out on the last one.
  let question = await ok(kiosk, 'quiz:next', { challengeId: started.challengeId });
  for (;;) {
    const last = question.index === 9;
    const answer = await ok(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: question.index, choice: last ? [] : rightChoice(question) });
    if (answer.last) break;
    question = await ok(kiosk, 'quiz:next', { challengeId: started.challengeId });
  }
  const result = await ok(kiosk, 'quiz:result', { challengeId: started.challengeId });
  expect(result).toMatchObject({ correct: 8, total: 10, rank: 1, playerName: '消防先锋86' });
  expect(result.score).toBe(scoreOf(started.challengeId));
  expect(result.score).toBeGreaterThanOrEqual(800);
  expect(result.score).toBeLessThanOrEqual(872);
  expect(result.missed).toHaveLength(2);
  expect(answersOf(started.challengeId)).toBe(10);

  // Boards are pushed at most every half second: this one goes out half a second after the challenge finished.
  clock.advance(499);
  await ok(screen, 'leaderboard:watch', {});
  expect(updates).toEqual([]);
  clock.advance(1);
  await ok(screen, 'leaderboard:watch', {});
  expect(updates).toHaveLength(1);
  const board = updates[0]!;
  expect(board.overall[0]).toMatchObject({ challengeId: started.challengeId, name: '消防先锋86', score: result.score, rank: 1 });
  expect(board.venues.find((venue) => venue.venueId === 'taihu')!.entries[0]!.challengeId).toBe(started.challengeId);
  screen.close();
});

test('bad answers are refused with a clear code, and the score stays as it was', async () => {
  const started = await ok(kiosk, 'quiz:start', {});
  const challengeId = started.challengeId;
  const options = started.question.options.length;
  const refusals: [string, unknown, string][] = [
    ['a question not asked yet', { challengeId, index: 5, choice: [0] }, 'QUIZ_NOT_ASKED'],
    ['a question beyond the challenge', { challengeId, index: 10, choice: [0] }, 'QUIZ_NOT_ASKED'],
    ['an option out of range', { challengeId, index: 0, choice: [options] }, 'QUIZ_BAD_CHOICE'],
    ['the same option twice', { challengeId, index: 0, choice: [0, 0] }, 'QUIZ_BAD_CHOICE'],
    ['a forged score', { challengeId, index: 0, choice: [0], score: 9999 }, 'BAD_PAYLOAD'],
    ['a forged points field', { challengeId, index: 0, choice: [0], points: 109, correct: true }, 'BAD_PAYLOAD'],
    ['a negative option', { challengeId, index: 0, choice: [-1] }, 'BAD_PAYLOAD'],
    ['an unknown challenge', { challengeId: 'A'.repeat(22), index: 0, choice: [0] }, 'QUIZ_UNKNOWN_CHALLENGE'],
  ];
  for (const [what, payload, code] of refusals) {
    expect(await request(kiosk, 'quiz:answer', payload), what).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  }
  expect(await request(kiosk, 'quiz:result', { challengeId })).toMatchObject({ ok: false, code: 'QUIZ_NOT_FINISHED' });
  expect(scoreOf(challengeId)).toBe(0);
  expect(answersOf(challengeId)).toBe(0);

  // Answered once; a second answer to the same question is refused.
  const right = rightChoice(started.question);
  const first = await ok(kiosk, 'quiz:answer', { challengeId, index: 0, choice: right });
  expect(await request(kiosk, 'quiz:answer', { challengeId, index: 0, choice: right })).toMatchObject({ ok: false, code: 'QUIZ_ALREADY_ANSWERED' });
  expect(scoreOf(challengeId)).toBe(first.points);

  // An answer after its time (and the grace) is refused; "time ran out" (no choice) is taken as a miss.
  const next = await ok(kiosk, 'quiz:next', { challengeId });
  age(challengeId, next.timeLimitMs + 2000);
  expect(await request(kiosk, 'quiz:answer', { challengeId, index: 1, choice: rightChoice(next) })).toMatchObject({ ok: false, code: 'QUIZ_TOO_LATE' });
  expect(scoreOf(challengeId)).toBe(first.points);
  expect(answersOf(challengeId)).toBe(1);
  expect(await ok(kiosk, 'quiz:answer', { challengeId, index: 1, choice: [] })).toMatchObject({ correct: false, points: 0 });
  expect(scoreOf(challengeId)).toBe(first.points);

  // A visitor's phone may play; a screen may not.
  const screen = await connectClient(running.base, 'screen');
  const { token } = await pairDevice(running.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'lobby' });
  const pairedScreen = await deviceSocket(running.base, token, 'screen');
  expect(await request(pairedScreen, 'quiz:start', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await request(screen, 'quiz:start', {})).toMatchObject({ ok: true });
  screen.close();
  pairedScreen.close();
});

test('more right answers always beat fewer faster ones; ties go to the faster time', async () => {
  const fast = await play(kiosk, { nickname: '快但错一题' }, { wrongAt: [4] });
  const slow = await play(kiosk, { nickname: '慢但全对' }, { slow: true });
  expect(slow.result.correct).toBe(10);
  expect(fast.result.correct).toBe(9);
  expect(slow.result.score).toBeGreaterThan(fast.result.score);
  expect(slow.result.score).toBeLessThan(1010);
  const board = await ok(kiosk, 'leaderboard:watch', {});
  const names = board.overall.map((entry) => entry.name);
  expect(names.indexOf('慢但全对')).toBeLessThan(names.indexOf('快但错一题'));
});

test('a pass ties the score to the visitor, stamps the quiz station, and a second challenge that day repeats no question', async () => {
  const visitor = (await (
    await api(running.base).post('/api/visitors', { nickname: '小明', realName: '王小明', showRealName: true, privacyConsent: true })
  ).json()) as RegisterReply;
  const first = await play(kiosk, { pass: visitor.pass });
  expect(first.started).toMatchObject({ visitor: true, playerName: '王**' });
  const stamp = db().prepare("SELECT COUNT(*) FROM stamps WHERE visitor_id = ? AND checkpoint_id = 'taihu-quiz'").pluck().get(visitor.visitorId);
  expect(stamp).toBe(1);
  const second = await play(kiosk, { pass: visitor.shortCode });
  const overlap = second.asked.filter((q) => first.asked.some((p) => p.id === q.id));
  expect(overlap).toEqual([]);
  expect(await request(kiosk, 'quiz:start', { pass: 'EDP1.k1.AAAAAAAAAA.' + 'A'.repeat(86) })).toMatchObject({ ok: false, code: 'PASS_INVALID' });
  expect(await request(kiosk, 'quiz:start', { nickname: '长'.repeat(30) })).toMatchObject({ ok: false, code: 'NAME_INVALID' });
});

test('staff hide an offensive name from every board (audited); a kiosk may not', async () => {
  const rude = await play(kiosk, { nickname: '不雅昵称' });
  const mcSession = await staffSession(running.base, admin, 'quiz-mc', 'mc', ['taihu']);
  const mc = await staffSocket(running.base, mcSession);
  expect(await request(kiosk, 'leaderboard:hide', { challengeId: rude.started.challengeId, hidden: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const board = await ok(mc, 'leaderboard:hide', { challengeId: rude.started.challengeId, hidden: true });
  expect(board.overall.map((entry) => entry.name)).not.toContain('不雅昵称');
  expect(board.venues.flatMap((venue) => venue.entries).map((entry) => entry.name)).not.toContain('不雅昵称');
  const audited = db().prepare("SELECT actor_name FROM audit_log WHERE action = 'leaderboard:hide'").pluck().get();
  expect(audited).toBe('quiz-mc');
  mc.close();
});

test('offline: a kiosk keeps a pack of questions with answers; a challenge finished offline is scored on upload, flagged, applied once', async () => {
  const pack = await ok(kiosk, 'quiz:pack', {});
  expect(new Set(pack.questions.map((q) => q.theme)).size).toBe(11);
  expect(pack.questions.every((q) => q.checked && !q.retired && q.answer.length > 0)).toBe(true);
  const phone = await connectClient(running.base, 'kiosk');
  expect(await request(phone, 'quiz:pack', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

  // Ten from the pack, one of each theme where possible; nine right, one wrong, each in 5 s (as the kiosk measured).
  const chosen = [...new Map(pack.questions.map((q) => [q.theme, q])).values()].slice(0, 10);
  const answers = chosen.map((q, index) => ({
    index,
    questionId: q.id,
    choice: index === 3 ? [q.options.findIndex((_, i) => !q.answer.includes(i))] : q.answer,
    elapsedMs: 5000,
  }));
  const offlineId = 'offline-' + 'x'.repeat(20);
  const upload = { offlineId, nickname: '离线答题', answers };
  const result = await ok(kiosk, 'quiz:upload', upload);
  expect(result).toMatchObject({ challengeId: offlineId, correct: 9, total: 10, playerName: '离线答题' });
  expect(result.missed).toHaveLength(1);
  expect(db().prepare('SELECT offline FROM challenges WHERE id = ?').pluck().get(offlineId)).toBe(1);
  // Sent again (the acknowledgement was lost): the same result, nothing added.
  expect(await ok(kiosk, 'quiz:upload', upload)).toEqual(result);
  expect(answersOf(offlineId)).toBe(10);

  // The rest of a challenge the hub started: two answered online, eight offline.
  const started = await ok(kiosk, 'quiz:start', { nickname: '断网续答' });
  await ok(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: 0, choice: rightChoice(started.question) });
  const second = await ok(kiosk, 'quiz:next', { challengeId: started.challengeId });
  await ok(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: 1, choice: rightChoice(second) });
  const rest = pack.questions.filter((q) => q.id !== started.question.id && q.id !== second.id).slice(0, 8);
  const restAnswers = rest.map((q, i) => ({ index: i + 2, questionId: q.id, choice: q.answer, elapsedMs: 600_000 }));
  const incomplete = await request(kiosk, 'quiz:upload', {
    offlineId: 'rest-' + 'y'.repeat(20),
    continues: started.challengeId,
    answers: restAnswers.slice(0, 7),
  });
  expect(incomplete).toMatchObject({ ok: false, code: 'QUIZ_NOT_FINISHED' });
  expect(answersOf(started.challengeId)).toBe(2);
  const finished = await ok(kiosk, 'quiz:upload', { offlineId: 'rest-' + 'y'.repeat(20), continues: started.challengeId, answers: restAnswers });
  expect(finished.correct).toBe(10);
  // Times the kiosk reports are capped at each question's limit: no bonus for a slow offline answer.
  expect(finished.score).toBeLessThanOrEqual(2 * 109 + 8 * 100);
  expect(finished.score).toBeGreaterThanOrEqual(1000);

  // Bad uploads change nothing.
  const bad = { offlineId: 'bad-' + 'z'.repeat(20), nickname: 'x', answers: answers.map((a) => ({ ...a, choice: [9] })) };
  expect(await request(kiosk, 'quiz:upload', bad)).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
  const outOfRange = { ...bad, answers: answers.map((a) => ({ ...a, choice: [5] })) };
  expect(await request(kiosk, 'quiz:upload', outOfRange)).toMatchObject({ ok: false, code: 'QUIZ_BAD_CHOICE' });
  expect(db().prepare('SELECT COUNT(*) FROM answers WHERE challenge_id = ?').pluck().get(bad.offlineId)).toBe(0);
  phone.close();
});

test('a hub restarted mid-question carries on: same question, same deadline, the answer counted', async () => {
  const started = await ok(kiosk, 'quiz:start', { nickname: '重启测试' });
  await ok(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: 0, choice: rightChoice(started.question) });
  const asked = await ok(kiosk, 'quiz:next', { challengeId: started.challengeId });
  kiosk.close();
  const dataDir = running.dataDir;
  await running.close();
  running = await startHub(dataDir, { clock });
  const phone = await connectClient(running.base, 'kiosk');
  const again = await ok(phone, 'quiz:next', { challengeId: started.challengeId });
  expect(again).toEqual(asked);
  const reply = await ok(phone, 'quiz:answer', { challengeId: started.challengeId, index: 1, choice: rightChoice(asked) });
  expect(reply.correct).toBe(true);
  expect(answersOf(started.challengeId)).toBe(2);
  phone.close();
  kiosk = phone;
});
