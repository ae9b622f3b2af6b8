import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { quizOutbox, quizPack } from '../../kiosk/src/quiz/offline-quiz.ts';
import { QuizSession, type QuizFeedback } from '../../kiosk/src/quiz/quiz-session.svelte.ts';
import type { Ack } from '../../shared/ack.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import {
  QUIZ_THEMES,
  type AskedQuestion,
  type BankQuestion,
  type QuizAnswerReply,
  type QuizPack,
  type QuizResult,
  type QuizStartReply,
} from '../../shared/quiz.ts';
import { QUESTIONS_PER_CHALLENGE } from '../../shared/quiz-scoring.ts';
import { MemoryStorage, scriptedRequests, settle } from '../support/scripted-hub.ts';

const CHALLENGE = 'c0123456789abcdef01';
const TEXT = { passPlayer: 'Visitor', noPack: 'No questions kept on this kiosk', wentOffline: 'The hub went away: carrying on here' };
const LAST = QUESTIONS_PER_CHALLENGE - 1;

const asked = (index: number, differs: Partial<AskedQuestion> = {}): AskedQuestion => ({
  index,
  total: QUESTIONS_PER_CHALLENGE,
  id: `fire-${String(index + 1).padStart(3, '0')}`,
  theme: 'fire',
  type: 'single',
  difficulty: 1,
  prompt: { zh: `第 ${index + 1} 题`, en: `Question ${index + 1}` },
  options: [
    { zh: '甲', en: 'A' },
    { zh: '乙', en: 'B' },
    { zh: '丙', en: 'C' },
  ],
  timeLimitMs: 20_000,
  deadline: Date.now() + 20_000,
  ...differs,
});

const answerReply = (index: number, correct: boolean, score: number): QuizAnswerReply => ({
  index,
  correct,
  answer: [1],
  explanation: { zh: '因为', en: 'Because' },
  source: 'GB 50016-2014 5.1',
  points: correct ? 105 : 0,
  score,
  last: index === LAST,
});

const startReply = (differs: Partial<QuizStartReply> = {}): QuizStartReply => ({
  challengeId: CHALLENGE,
  playerName: '安全小卫士',
  visitor: false,
  question: asked(0),
  ...differs,
});

const quizResult = (differs: Partial<QuizResult> = {}): QuizResult => ({
  challengeId: CHALLENGE,
  playerName: '安全小卫士',
  score: 735,
  correct: 7,
  total: QUESTIONS_PER_CHALLENGE,
  rank: 12,
  missed: [],
  ...differs,
});

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
const refused = (code: ErrorCode, message = `refused: ${code}`): Ack<never> => ({ ok: false, code, message });

/** A pack of twelve questions of eleven themes, with unique option texts (to find the right one however shuffled). */
const bankQuestion = (n: number): BankQuestion => {
  const truefalse = n % 4 === 3;
  const options = Array.from({ length: truefalse ? 2 : 3 }, (_, k) => ({ zh: `选项 ${n}-${k}`, en: `Option ${n}-${k}` }));
  return {
    id: `${QUIZ_THEMES[n % QUIZ_THEMES.length]}-${100 + n}`,
    theme: QUIZ_THEMES[n % QUIZ_THEMES.length]!,
    type: truefalse ? 'truefalse' : 'single',
    difficulty: ((n % 3) + 1) as 1 | 2 | 3,
    tags: [],
    prompt: { zh: `题目 ${n}`, en: `Question ${n}` },
    options,
    answer: [n % options.length],
    explanation: { zh: `解释 ${n}`, en: `Why ${n}` },
    source: 'GB 0000-2000',
    checked: true,
  };
};
const pack: QuizPack = { packId: 'pack-1', questions: Array.from({ length: 12 }, (_, n) => bankQuestion(n)) };
const bankOf = (question: AskedQuestion) => pack.questions.find((bank) => bank.id === question.id)!;
/** The right options of a question from the pack, as shown (the kiosk shuffles them). */
const rightChoice = (question: AskedQuestion) =>
  bankOf(question).answer.map((bankIndex) => question.options.findIndex((option) => option.zh === bankOf(question).options[bankIndex]!.zh));
const wrongChoice = (question: AskedQuestion) => [question.options.findIndex((_, shown) => !rightChoice(question).includes(shown))];

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function setup() {
  const hub = scriptedRequests();
  const feedbacks: QuizFeedback[] = [];
  const connection = { online: true };
  const session = new QuizSession(
    hub.request,
    (feedback) => feedbacks.push(feedback),
    () => connection.online,
    TEXT,
  );
  return { hub, session, feedbacks, connection };
}

/** The hub asks questions the pack holds too (so a pack taking over must avoid those already asked). */
const askedOnline = (index: number) => asked(index, { id: pack.questions[index]!.id });

/** A challenge started online and answered up to (not including) question `index`. */
async function playedTo(index: number) {
  const setupDone = setup();
  const { hub, session } = setupDone;
  hub.answer('quiz:start', ok(startReply({ question: askedOnline(0) })));
  await session.start({ nickname: '安全小卫士' });
  for (let at = 0; at < index; at++) {
    hub.answer('quiz:answer', ok(answerReply(at, true, (at + 1) * 105)));
    await session.answer([1]);
    hub.answer('quiz:next', ok(askedOnline(at + 1)));
    await session.next();
  }
  expect(session.screen).toBe('question');
  expect(session.question?.index).toBe(index);
  return setupDone;
}

describe('a challenge online', () => {
  const rights = [true, false, true, true, false, true, true, true, false, true];

  test('attract → question → feedback → next question … → results after the last', async () => {
    const { hub, session, feedbacks } = setup();
    expect(session.screen).toBe('attract');
    hub.answer('quiz:start', ok(startReply({ visitor: true, playerName: '张*' })));
    await session.start({ pass: 'PASS-1234' });
    expect([session.screen, session.challengeId, session.playerName, session.visitor]).toEqual(['question', CHALLENGE, '张*', true]);
    let score = 0;
    for (const [index, right] of rights.entries()) {
      expect(session.screen).toBe('question');
      expect(session.question?.index).toBe(index);
      score += right ? 105 : 0;
      hub.answer('quiz:answer', ok(answerReply(index, right, score)));
      await session.answer([right ? 1 : 0]);
      expect(session.screen).toBe('feedback');
      expect(session.feedback?.choice).toEqual([right ? 1 : 0]);
      expect(session.history).toEqual(rights.slice(0, index + 1));
      expect(session.score).toBe(score);
      if (index < LAST) hub.answer('quiz:next', ok(asked(index + 1)));
      else hub.answer('quiz:result', ok(quizResult({ score })));
      await session.next();
    }
    expect(session.screen).toBe('results');
    expect(session.result).toEqual(quizResult({ score }));
    expect(feedbacks.map((feedback) => feedback.reply.correct)).toEqual(rights);
    expect(hub.commands()).toEqual(['quiz:start', ...Array.from({ length: LAST }, () => ['quiz:answer', 'quiz:next']).flat(), 'quiz:answer', 'quiz:result']);
    expect(hub.payloads('quiz:answer').map((payload) => [payload.challengeId, payload.index])).toEqual(rights.map((_, index) => [CHALLENGE, index]));
    expect(hub.payloads('quiz:result')).toEqual([{ challengeId: CHALLENGE }]);
    expect(hub.payloads('quiz:start')).toEqual([{ pass: 'PASS-1234' }]);
  });

  test('answer() only on a question, next() only on feedback', async () => {
    const { hub, session } = await playedTo(0);
    await session.next();
    hub.answer('quiz:answer', ok(answerReply(0, true, 105)));
    await session.answer([1]);
    await session.answer([2]);
    expect(hub.commands()).toEqual(['quiz:start', 'quiz:answer']);
    expect(session.feedback?.choice).toEqual([1]);
  });

  test('dismissProblem() clears a problem', async () => {
    const { hub, session } = setup();
    hub.answer('quiz:start', refused('NO_ANSWER'));
    await session.start({ nickname: 'x' });
    expect(session.problem).not.toBeNull();
    session.dismissProblem();
    expect(session.problem).toBeNull();
  });
});

describe('answers the hub refuses', () => {
  test('QUIZ_TOO_LATE: the answer is sent again as an empty choice (the time is up) and shown as such', async () => {
    const { hub, session, feedbacks } = await playedTo(2);
    hub.answer('quiz:answer', refused('QUIZ_TOO_LATE'), ok(answerReply(2, false, 210)));
    await session.answer([1]);
    expect(hub.payloads('quiz:answer').slice(-2)).toEqual([
      { challengeId: CHALLENGE, index: 2, choice: [1] },
      { challengeId: CHALLENGE, index: 2, choice: [] },
    ]);
    expect(session.screen).toBe('feedback');
    expect(session.feedback?.choice).toEqual([]);
    expect(feedbacks.at(-1)?.choice).toEqual([]);
    expect(session.problem).toBeNull();
  });

  test('QUIZ_TOO_LATE for an empty choice is not sent again: a problem with a retry', async () => {
    const { hub, session } = await playedTo(0);
    hub.answer('quiz:answer', refused('QUIZ_TOO_LATE', 'Too late'));
    await session.answer([]);
    expect(hub.payloads('quiz:answer')).toHaveLength(1);
    expect(session.problem?.message).toBe('Too late');
    expect(session.screen).toBe('question');
    expect(session.busy).toBe(false);
  });

  test('QUIZ_ALREADY_ANSWERED (the reply was lost): carry on from the next question', async () => {
    const { hub, session } = await playedTo(4);
    hub.answer('quiz:answer', refused('QUIZ_ALREADY_ANSWERED'));
    hub.answer('quiz:next', ok(asked(5)));
    await session.answer([1]);
    await settle();
    expect(hub.commands().slice(-2)).toEqual(['quiz:answer', 'quiz:next']);
    expect(session.screen).toBe('question');
    expect(session.question?.index).toBe(5);
    expect(session.problem).toBeNull();
    expect(session.busy).toBe(false);
  });

  test('QUIZ_ALREADY_ANSWERED on the last question: QUIZ_FINISHED, so the result', async () => {
    const { hub, session } = await playedTo(LAST);
    hub.answer('quiz:answer', refused('QUIZ_ALREADY_ANSWERED'));
    hub.answer('quiz:next', refused('QUIZ_FINISHED'));
    hub.answer('quiz:result', ok(quizResult({ score: 945 })));
    await session.answer([1]);
    await settle();
    expect(hub.commands().slice(-3)).toEqual(['quiz:answer', 'quiz:next', 'quiz:result']);
    expect(session.screen).toBe('results');
    expect(session.score).toBe(945);
  });

  test('QUIZ_ALREADY_ANSWERED and no next question yet: a retry that carries on', async () => {
    const { hub, session } = await playedTo(1);
    hub.answer('quiz:answer', refused('QUIZ_ALREADY_ANSWERED'));
    hub.answer('quiz:next', refused('NO_ANSWER', 'No answer'), ok(asked(2)));
    await session.answer([1]);
    await settle();
    expect(session.problem?.message).toBe('No answer');
    session.problem?.retry?.();
    await settle();
    expect(session.question?.index).toBe(2);
    expect(session.screen).toBe('question');
  });

  test('another refusal: a problem whose retry sends the same answer again', async () => {
    const { hub, session } = await playedTo(3);
    hub.answer('quiz:answer', refused('RATE_LIMITED', 'Slow down'), ok(answerReply(3, true, 420)));
    await session.answer([2]);
    expect(session.problem?.message).toBe('Slow down');
    expect(session.screen).toBe('question');
    session.problem?.retry?.();
    await settle();
    expect(hub.payloads('quiz:answer').slice(-2)).toEqual([
      { challengeId: CHALLENGE, index: 3, choice: [2] },
      { challengeId: CHALLENGE, index: 3, choice: [2] },
    ]);
    expect(session.screen).toBe('feedback');
  });
});

describe('a challenge the hub no longer knows', () => {
  const rows: { command: 'quiz:answer' | 'quiz:next' | 'quiz:result'; code: ErrorCode; resets: boolean }[] = [
    { command: 'quiz:answer', code: 'QUIZ_UNKNOWN_CHALLENGE', resets: true },
    { command: 'quiz:next', code: 'QUIZ_UNKNOWN_CHALLENGE', resets: true },
    { command: 'quiz:result', code: 'QUIZ_UNKNOWN_CHALLENGE', resets: true },
    { command: 'quiz:answer', code: 'NO_ANSWER', resets: false },
    { command: 'quiz:next', code: 'NO_ANSWER', resets: false },
    { command: 'quiz:result', code: 'NO_ANSWER', resets: false },
  ];
  test.each(rows)('$code on $command: the retry resets to attract $resets (else it asks again)', async ({ command, code, resets }) => {
    const { hub, session } = await playedTo(command === 'quiz:result' ? LAST : 0);
    if (command !== 'quiz:answer') {
      hub.answer('quiz:answer', ok(answerReply(session.question!.index, true, 105)));
      await session.answer([1]);
    }
    hub.answer(command, refused(code, 'Refused'));
    await (command === 'quiz:answer' ? session.answer([1]) : session.next());
    expect(session.problem?.message).toBe('Refused');
    expect(session.busy).toBe(false);
    const sentBefore = hub.sent.length;
    if (!resets) hub.answer(command, refused(code, 'Refused again'));
    session.problem?.retry?.();
    await settle();
    if (resets) {
      expect([session.screen, session.challengeId, session.question, session.problem]).toEqual(['attract', '', null, null]);
      expect(hub.sent).toHaveLength(sentBefore);
    } else {
      expect(session.screen).not.toBe('attract');
      expect(hub.sent.slice(sentBefore).map((sent) => sent.command)).toEqual([command]);
      expect(session.problem?.message).toBe('Refused again');
    }
  });
});

describe('reset()', () => {
  test('forgets the visitor', async () => {
    const { session } = await playedTo(3);
    session.reset();
    expect(session.screen).toBe('attract');
    expect([session.challengeId, session.playerName, session.visitor, session.question, session.feedback, session.result]).toEqual([
      '',
      '',
      false,
      null,
      null,
      null,
    ]);
    expect([session.history, session.score, session.offline, session.busy]).toEqual([[], 0, false, false]);
  });

  test('a late quiz:start reply of the old challenge is ignored', async () => {
    const { hub, session } = setup();
    const release = hub.hold('quiz:start');
    const starting = session.start({ nickname: 'x' });
    expect(session.busy).toBe(true);
    session.reset();
    expect(session.busy).toBe(false);
    release(ok(startReply()));
    await starting;
    expect([session.screen, session.challengeId, session.question]).toEqual(['attract', '', null]);
  });

  test('a late quiz:answer reply is ignored (no feedback), and a new challenge starts clean', async () => {
    const { hub, session, feedbacks } = await playedTo(2);
    const release = hub.hold('quiz:answer');
    const answering = session.answer([1]);
    session.reset();
    release(ok(answerReply(2, true, 315)));
    await answering;
    expect([session.screen, session.feedback, session.score]).toEqual(['attract', null, 0]);
    expect(feedbacks).toHaveLength(2);
    hub.answer('quiz:start', ok(startReply({ challengeId: 'cNEW456789abcdef012' })));
    await session.start({ nickname: 'y' });
    expect([session.screen, session.challengeId, session.history]).toEqual(['question', 'cNEW456789abcdef012', []]);
  });

  test('a QUIZ_TOO_LATE reply after a reset sends no empty answer', async () => {
    const { hub, session } = await playedTo(0);
    const release = hub.hold('quiz:answer');
    const answering = session.answer([1]);
    session.reset();
    release(refused('QUIZ_TOO_LATE'));
    await answering;
    expect(hub.payloads('quiz:answer')).toHaveLength(1);
    expect(session.problem).toBeNull();
  });

  test('a reset while the empty answer is on its way: its reply is ignored too', async () => {
    const { hub, session, feedbacks } = await playedTo(1);
    hub.answer('quiz:answer', refused('QUIZ_TOO_LATE'));
    const release = hub.hold('quiz:answer');
    const answering = session.answer([1]);
    await settle();
    expect(hub.payloads('quiz:answer').slice(-1)).toEqual([{ challengeId: CHALLENGE, index: 1, choice: [] }]);
    session.reset();
    release(ok(answerReply(1, false, 105)));
    await answering;
    expect([session.screen, session.feedback, session.busy]).toEqual(['attract', null, false]);
    expect(feedbacks).toHaveLength(1);
  });

  test('a reset in an offline challenge: the next one, with the hub back, is the hub’s', async () => {
    quizPack.set(pack);
    const { hub, session, connection } = setup();
    connection.online = false;
    await session.start({ nickname: '小虎' });
    session.reset();
    connection.online = true;
    hub.answer('quiz:start', ok(startReply()));
    await session.start({ nickname: '小虎' });
    hub.answer('quiz:answer', ok(answerReply(0, true, 105)));
    await session.answer([1]);
    expect(session.offline).toBe(false);
    expect(hub.commands()).toEqual(['quiz:start', 'quiz:answer']);
    expect(quizOutbox.all()).toEqual([]);
  });

  test('a late quiz:next reply is ignored', async () => {
    const { hub, session } = await playedTo(0);
    hub.answer('quiz:answer', ok(answerReply(0, true, 105)));
    await session.answer([1]);
    const release = hub.hold('quiz:next');
    const moving = session.next();
    session.reset();
    release(ok(asked(1)));
    await moving;
    expect([session.screen, session.question]).toEqual(['attract', null]);
  });

  test('a late quiz:result reply is ignored, and so is a late refusal', async () => {
    const { hub, session } = await playedTo(LAST);
    hub.answer('quiz:answer', ok(answerReply(LAST, true, 945)));
    await session.answer([1]);
    const release = hub.hold('quiz:result');
    const finishing = session.next();
    session.reset();
    release(ok(quizResult()));
    await finishing;
    expect([session.screen, session.result, session.score]).toEqual(['attract', null, 0]);

    const again = await playedTo(0);
    const refuse = again.hub.hold('quiz:answer');
    const answering = again.session.answer([1]);
    again.session.reset();
    refuse(refused('RATE_LIMITED'));
    await answering;
    expect(again.session.problem).toBeNull();
  });
});

describe('busy', () => {
  test('a second start while the first is on its way sends nothing', async () => {
    const { hub, session } = setup();
    const release = hub.hold('quiz:start');
    const starting = session.start({ nickname: 'x' });
    await session.start({ nickname: 'x' });
    release(ok(startReply()));
    await starting;
    expect(hub.commands()).toEqual(['quiz:start']);
    expect(session.busy).toBe(false);
  });

  test('a second answer while the first is on its way sends nothing', async () => {
    const { hub, session } = await playedTo(0);
    const release = hub.hold('quiz:answer');
    const answering = session.answer([1]);
    expect(session.busy).toBe(true);
    await session.answer([2]);
    release(ok(answerReply(0, true, 105)));
    await answering;
    expect(hub.payloads('quiz:answer')).toEqual([{ challengeId: CHALLENGE, index: 0, choice: [1] }]);
    expect(session.busy).toBe(false);
  });

  test('a second next while the first is on its way sends nothing', async () => {
    const { hub, session } = await playedTo(0);
    hub.answer('quiz:answer', ok(answerReply(0, true, 105)));
    await session.answer([1]);
    const release = hub.hold('quiz:next');
    const moving = session.next();
    await session.next();
    release(ok(asked(1)));
    await moving;
    expect(hub.commands()).toEqual(['quiz:start', 'quiz:answer', 'quiz:next']);
    expect(session.question?.index).toBe(1);
  });
});

describe('offline: from the kiosk’s pack', () => {
  /** Plays the questions left from the pack: right on even indices, wrong on odd ones. */
  async function playFromPack(session: QuizSession, from: number) {
    const ids: string[] = [];
    for (let index = from; index < QUESTIONS_PER_CHALLENGE; index++) {
      const question = session.question!;
      expect(session.screen).toBe('question');
      expect(question.index).toBe(index);
      ids.push(question.id);
      const right = index % 2 === 0;
      await session.answer(right ? rightChoice(question) : wrongChoice(question));
      expect(session.screen).toBe('feedback');
      expect(session.feedback?.reply.correct).toBe(right);
      expect(session.feedback?.reply.last).toBe(index === LAST);
      await session.next();
    }
    return ids;
  }

  test('started with the hub away: the whole challenge from the pack, the result kept in the outbox', async () => {
    quizPack.set(pack);
    const { hub, session, connection, feedbacks } = setup();
    connection.online = false;
    await session.start({ nickname: '小虎' });
    expect(session.offline).toBe(true);
    expect(session.challengeId).toMatch(/^off-/);
    expect([session.playerName, session.visitor]).toEqual(['小虎', false]);
    const ids = await playFromPack(session, 0);
    expect(new Set(ids).size).toBe(QUESTIONS_PER_CHALLENGE);
    expect(hub.sent).toEqual([]);
    expect(session.screen).toBe('results');
    expect(session.result).toMatchObject({ challengeId: session.challengeId, playerName: '小虎', correct: 5, total: QUESTIONS_PER_CHALLENGE, rank: 0 });
    expect(session.result?.missed).toHaveLength(5);
    expect(session.result?.score).toBe(session.score);
    expect(feedbacks.filter((feedback) => feedback.reply.correct).reduce((sum, feedback) => sum + feedback.reply.points, 0)).toBe(session.score);
    const uploads = quizOutbox.all();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ offlineId: session.challengeId, nickname: '小虎' });
    expect(uploads[0]?.answers.map((answer) => [answer.index, answer.questionId])).toEqual(ids.map((id, index) => [index, id]));
    // The outbox keeps the choices as the bank orders them: a right answer is the bank's answer.
    expect(uploads[0]?.answers[0]?.choice).toEqual(pack.questions.find((bank) => bank.id === ids[0])!.answer);
  });

  test('a pass holder offline plays under the pass player name', async () => {
    quizPack.set(pack);
    const { session, connection } = setup();
    connection.online = false;
    await session.start({ pass: 'PASS-1234' });
    expect([session.playerName, session.visitor, session.offline]).toEqual([TEXT.passPlayer, true, true]);
  });

  const noPack: { name: string; storage: () => unknown }[] = [
    { name: 'no pack kept', storage: () => new MemoryStorage() },
    {
      name: 'a pack too small for ten questions',
      storage: () => Object.assign(new MemoryStorage(), { getItem: () => JSON.stringify({ ...pack, questions: pack.questions.slice(0, 4) }) }),
    },
    { name: 'a damaged pack', storage: () => Object.assign(new MemoryStorage(), { getItem: () => '{not json' }) },
    { name: 'no localStorage (Node)', storage: () => undefined },
  ];
  test.each(noPack)('started with the hub away and $name: a problem, still on attract', async ({ storage }) => {
    vi.stubGlobal('localStorage', storage());
    const { hub, session, connection } = setup();
    connection.online = false;
    await session.start({ nickname: '小虎' });
    expect(session.problem).toEqual({ message: TEXT.noPack });
    expect([session.screen, session.offline]).toEqual(['attract', false]);
    expect(hub.sent).toEqual([]);
  });

  test('the start request finds the hub gone: the challenge starts from the pack', async () => {
    quizPack.set(pack);
    const { hub, session, connection } = setup();
    const release = hub.hold('quiz:start');
    const starting = session.start({ nickname: '小虎' });
    connection.online = false;
    release(refused('NO_ANSWER'));
    await starting;
    expect(session.offline).toBe(true);
    expect(session.problem).toBeNull();
    expect(session.screen).toBe('question');
  });

  test('the start request unanswered but the hub still there: a retry, not the pack', async () => {
    quizPack.set(pack);
    const { hub, session } = setup();
    hub.answer('quiz:start', refused('NO_ANSWER', 'No answer'), ok(startReply()));
    await session.start({ nickname: '小虎' });
    expect([session.offline, session.screen, session.problem?.message]).toEqual([false, 'attract', 'No answer']);
    session.problem?.retry?.();
    await settle();
    expect(hub.payloads('quiz:start')).toEqual([{ nickname: '小虎' }, { nickname: '小虎' }]);
    expect([session.screen, session.challengeId]).toEqual(['question', CHALLENGE]);
  });

  const midWay: { name: string; away: 'before the answer' | 'while it is on its way' }[] = [
    { name: 'known before the answer', away: 'before the answer' },
    { name: 'found while the answer was on its way', away: 'while it is on its way' },
  ];
  test.each(midWay)('the hub goes away mid-way ($name): the rest from the pack, kept as the rest of the hub’s challenge', async ({ away }) => {
    quizPack.set(pack);
    const { hub, session, connection } = await playedTo(3);
    const replaced = session.question!;
    if (away === 'before the answer') {
      connection.online = false;
      await session.answer([1]);
      expect(hub.payloads('quiz:answer')).toHaveLength(3);
    } else {
      const release = hub.hold('quiz:answer');
      const answering = session.answer([1]);
      connection.online = false;
      release(refused('NO_ANSWER'));
      await answering;
    }
    expect(session.offline).toBe(true);
    expect(session.problem).toEqual({ message: TEXT.wentOffline });
    expect(session.screen).toBe('question');
    expect(session.question?.index).toBe(3);
    expect(session.question?.id).not.toBe(replaced.id);
    expect(bankOf(session.question!)).toBeDefined();
    expect(session.history).toEqual([true, true, true]);
    const sentBefore = hub.sent.length;
    const ids = await playFromPack(session, 3);
    // None of the four questions the hub asked comes again (the one replaced included).
    expect(ids.filter((id) => [0, 1, 2, 3].some((index) => pack.questions[index]!.id === id))).toEqual([]);
    expect(hub.sent).toHaveLength(sentBefore);
    expect(session.screen).toBe('results');
    expect(session.result).toMatchObject({ challengeId: CHALLENGE, correct: 3 + 3, rank: 0 });
    const uploads = quizOutbox.all();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.continues).toBe(CHALLENGE);
    expect(uploads[0]?.answers.map((answer) => [answer.index, answer.questionId])).toEqual(ids.map((id, at) => [3 + at, id]));
  });

  test('the hub goes away mid-way with no pack: the answer is tried anyway and offers a retry', async () => {
    const { hub, session, connection } = await playedTo(2);
    connection.online = false;
    hub.answer('quiz:answer', refused('NO_ANSWER', 'No answer'));
    await session.answer([1]);
    expect(hub.payloads('quiz:answer')).toHaveLength(3);
    expect([session.offline, session.screen, session.problem?.message]).toEqual([false, 'question', 'No answer']);
    expect(session.problem?.retry).toBeTypeOf('function');
  });
});
