import { randomBytes } from 'node:crypto';
import type { Db } from '../store/database.ts';
import type { AskedQuestion, BankQuestion, QuizAnswerReply, QuizPack, QuizResult, QuizStartReply, QuizUploadRequest } from '../../shared/quiz.ts';
import { ANSWER_GRACE_MS, isCorrect, pointsFor, QUESTIONS_PER_CHALLENGE, timeLimitMs } from '../../shared/quiz-scoring.ts';
import { characterCount, cleanName } from '../../shared/visitor-text.ts';
import { cryptoRandom, safetyNicknames } from '../../shared/safety-nicknames.ts';
import { NAME_LIMITS } from '../../shared/visitors.ts';
import { HubError } from '../hub-error.ts';
import { eventDay } from '../checkin/checkin-rules.ts';
import { publicName } from '../visitors/visitor-queries.ts';
import { drawQuestions, shuffled } from '../../shared/quiz-draw.ts';
import type { QuestionStore } from './question-store.ts';

/** Enough for several offline challenges with no repeat, small enough to keep on a kiosk. */
const PACK_PER_THEME = 5;

interface ChallengeRow {
  id: string;
  visitor_id: string | null;
  venue_id: string | null;
  player_name: string;
  day: string;
  question_ids_json: string;
  option_orders_json: string;
  current_index: number;
  asked_at: number;
  finished_at: number | null;
  score: number;
  correct: number;
  time_ms: number;
}

/** Who is playing: a visitor identified by their pass, or a nickname picked at the kiosk. */
export interface Player {
  visitorId: string | null;
  nickname?: string;
  deviceId: string | null;
  venueId: string | null;
}

/**
 * The kiosk challenge, kept by the hub: it draws the questions, starts each question's clock
 * when it sends it, judges and scores every answer, and stores each one before it replies. The
 * right answer leaves the hub only in the reply to an answer. Time is data (asked_at), so a
 * restarted hub carries on.
 */
export function createChallengeService(db: Db, questions: QuestionStore, onFinished: () => void, now = Date.now, random = cryptoRandom) {
  const statements = {
    challenge: db.prepare('SELECT * FROM challenges WHERE id = ?'),
    seenToday: db
      .prepare(
        `SELECT DISTINCT a.question_id FROM answers a JOIN challenges c ON c.id = a.challenge_id
         WHERE c.visitor_id = ? AND c.day = ?`,
      )
      .pluck(),
    insertChallenge: db.prepare(
      `INSERT INTO challenges (id, visitor_id, device_id, venue_id, player_name, day, question_ids_json, option_orders_json, started_at, current_index, asked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    ),
    answer: db.prepare('SELECT choice_json, correct FROM answers WHERE challenge_id = ? AND idx = ?'),
    answers: db.prepare('SELECT idx, question_id, choice_json, correct FROM answers WHERE challenge_id = ? ORDER BY idx'),
    insertAnswer: db.prepare(
      'INSERT INTO answers (challenge_id, idx, question_id, choice_json, correct, points, elapsed_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    addScore: db.prepare('UPDATE challenges SET score = score + ?, correct = correct + ?, time_ms = time_ms + ?, finished_at = ? WHERE id = ?'),
    finishOffline: db.prepare('UPDATE challenges SET question_ids_json = ?, option_orders_json = ?, offline = 1, finished_at = ? WHERE id = ?'),
    ask: db.prepare('UPDATE challenges SET current_index = ?, asked_at = ? WHERE id = ?'),
    visitor: db.prepare('SELECT nickname, real_name, show_real_name FROM visitors WHERE id = ?'),
    ahead: db
      .prepare(
        `SELECT COUNT(*) FROM challenges WHERE day = ? AND finished_at IS NOT NULL AND hidden_at IS NULL
         AND (score > ? OR (score = ? AND (time_ms < ? OR (time_ms = ? AND finished_at < ?))))`,
      )
      .pluck(),
  };

  type Loaded = ChallengeRow & { questionIds: string[]; orders: number[][] };
  function load(challengeId: string): Loaded {
    const row = statements.challenge.get(challengeId) as ChallengeRow | undefined;
    if (!row) throw new HubError('QUIZ_UNKNOWN_CHALLENGE');
    return { ...row, questionIds: JSON.parse(row.question_ids_json) as string[], orders: JSON.parse(row.option_orders_json) as number[][] };
  }

  /** Options shuffled per visitor (true/false stays 正确, 错误); `order[shown] = index in the bank`. */
  const optionOrder = (q: BankQuestion) =>
    q.type === 'truefalse'
      ? q.options.map((_, index) => index)
      : shuffled(
          q.options.map((_, index) => index),
          random,
        );
  const toShown = (order: number[], indices: number[]) => indices.map((index) => order.indexOf(index)).sort((a, b) => a - b);

  function question(id: string): BankQuestion {
    const found = questions.find(id);
    if (!found) throw new HubError('UNKNOWN_QUESTION', id);
    return found;
  }

  function asked(row: { questionIds: string[]; orders: number[][] }, index: number, askedAt: number): AskedQuestion {
    const q = question(row.questionIds[index]!);
    const order = row.orders[index]!;
    const limit = timeLimitMs(q.type);
    return {
      index,
      total: row.questionIds.length,
      id: q.id,
      theme: q.theme,
      type: q.type,
      difficulty: q.difficulty,
      prompt: q.prompt,
      options: order.map((bankIndex) => q.options[bankIndex]!),
      ...(q.image ? { image: q.image } : {}),
      timeLimitMs: limit,
      deadline: askedAt + limit,
    };
  }

  function checkChoice(q: BankQuestion, choice: number[]) {
    if (choice.some((option) => option >= q.options.length) || new Set(choice).size !== choice.length || (q.type !== 'multiple' && choice.length > 1)) {
      throw new HubError('QUIZ_BAD_CHOICE');
    }
  }

  /** Judges one answer (bank indices), stores it and adds its points; inside the caller's transaction. */
  function storeAnswer(challengeId: string, index: number, q: BankQuestion, picked: number[], elapsed: number, at: number, last: boolean) {
    const limit = timeLimitMs(q.type);
    const correct = picked.length > 0 && isCorrect(q.answer, picked);
    const points = pointsFor(correct, elapsed, limit);
    statements.insertAnswer.run(challengeId, index, q.id, JSON.stringify(picked), Number(correct), points, elapsed, at);
    statements.addScore.run(points, Number(correct), Math.min(elapsed, limit), last ? at : null, challengeId);
    return { correct, points };
  }

  function playerName(player: Player): string {
    if (player.visitorId) {
      const visitor = statements.visitor.get(player.visitorId) as Parameters<typeof publicName>[0] | undefined;
      if (visitor) return publicName(visitor);
    }
    const nickname = cleanName(player.nickname ?? '');
    if (nickname && characterCount(nickname) <= NAME_LIMITS.nickname) return nickname;
    if (nickname) throw new HubError('NAME_INVALID', `longer than ${NAME_LIMITS.nickname} characters`);
    return safetyNicknames(1, random)[0]!.zh;
  }

  return {
    start(player: Player): QuizStartReply {
      const at = now();
      const day = eventDay(at);
      const seen = new Set(player.visitorId ? (statements.seenToday.all(player.visitorId, day) as string[]) : []);
      const drawn = drawQuestions(questions.playable(), seen, QUESTIONS_PER_CHALLENGE, random);
      if (drawn.length < QUESTIONS_PER_CHALLENGE) throw new HubError('QUIZ_NO_QUESTIONS', `${drawn.length} in play`);
      const id = randomBytes(16).toString('base64url');
      const name = playerName(player);
      const questionIds = drawn.map((q) => q.id);
      const orders = drawn.map(optionOrder);
      statements.insertChallenge.run(
        id,
        player.visitorId,
        player.deviceId,
        player.venueId,
        name,
        day,
        JSON.stringify(questionIds),
        JSON.stringify(orders),
        at,
        at,
      );
      return { challengeId: id, playerName: name, visitor: player.visitorId !== null, question: asked({ questionIds, orders }, 0, at) };
    },

    /** The next question, its clock started now; asked again before answering, the same question and deadline. */
    next(challengeId: string): AskedQuestion {
      const row = load(challengeId);
      if (row.finished_at !== null) throw new HubError('QUIZ_FINISHED');
      if (!statements.answer.get(challengeId, row.current_index)) return asked(row, row.current_index, row.asked_at);
      const index = row.current_index + 1;
      const at = now();
      statements.ask.run(index, at, challengeId);
      return asked(row, index, at);
    },

    answer(challengeId: string, index: number, choice: number[]): QuizAnswerReply {
      const at = now();
      const row = load(challengeId);
      if (index >= row.questionIds.length || index > row.current_index) throw new HubError('QUIZ_NOT_ASKED', `question ${index + 1}`);
      if (index < row.current_index || statements.answer.get(challengeId, index)) throw new HubError('QUIZ_ALREADY_ANSWERED', `question ${index + 1}`);
      const q = question(row.questionIds[index]!);
      checkChoice(q, choice);
      const elapsed = at - row.asked_at;
      // An empty choice is "time ran out": always taken, as a miss. A real choice must arrive in time.
      if (choice.length > 0 && elapsed > timeLimitMs(q.type) + ANSWER_GRACE_MS) throw new HubError('QUIZ_TOO_LATE', `${elapsed} ms after it was asked`);
      // The kiosk answers in the order it showed; the store keeps the bank's indices.
      const order = row.orders[index]!;
      const picked = choice.map((shown) => order[shown]!);
      const last = index === row.questionIds.length - 1;
      const judged = db.transaction(() => storeAnswer(challengeId, index, q, picked, elapsed, at, last))();
      if (last) onFinished();
      return {
        index,
        correct: judged.correct,
        answer: toShown(order, q.answer),
        explanation: q.explanation,
        source: q.source,
        points: judged.points,
        score: row.score + judged.points,
        last,
      };
    },

    /** Questions with their answers for a kiosk's offline play: a few of every theme, drawn afresh each time. */
    pack(): QuizPack {
      const pool = questions.playable();
      const perTheme = new Map<string, BankQuestion[]>();
      for (const q of shuffled(pool, random)) perTheme.set(q.theme, [...(perTheme.get(q.theme) ?? []), q].slice(0, PACK_PER_THEME));
      return { packId: randomBytes(8).toString('base64url'), questions: [...perTheme.values()].flat() };
    },

    /**
     * A challenge finished while the hub was away, scored now with the kiosk's times (capped at
     * each question's limit) and flagged offline. A whole one arrives under its own id; the rest
     * of a started one names it. Sent twice, applied once. Checked whole before anything is stored.
     */
    upload(player: Player, request: QuizUploadRequest): QuizResult {
      const at = now();
      const challengeId = request.continues ?? request.offlineId;
      if (!statements.challenge.get(challengeId)) {
        if (request.continues) throw new HubError('QUIZ_UNKNOWN_CHALLENGE');
        const ids = [...request.answers].sort((a, b) => a.index - b.index).map((a) => a.questionId);
        if (ids.length !== QUESTIONS_PER_CHALLENGE) throw new HubError('QUIZ_NOT_FINISHED', `${ids.length} answers`);
        const orders = ids.map((id) => question(id).options.map((_, index) => index));
        const name = playerName(player);
        statements.insertChallenge.run(
          challengeId,
          player.visitorId,
          player.deviceId,
          player.venueId,
          name,
          eventDay(at),
          JSON.stringify(ids),
          JSON.stringify(orders),
          at,
          at,
        );
      }
      const row = load(challengeId);
      if (row.finished_at !== null) return this.result(challengeId);
      const fresh = request.answers.filter((a) => !statements.answer.get(challengeId, a.index));
      const answered = new Set([...request.answers.map((a) => a.index), ...(statements.answers.all(challengeId) as { idx: number }[]).map((a) => a.idx)]);
      if (fresh.some((a) => a.index >= row.questionIds.length) || answered.size !== row.questionIds.length) throw new HubError('QUIZ_NOT_FINISHED');
      for (const a of fresh) checkChoice(question(a.questionId), a.choice);
      db.transaction(() => {
        for (const a of fresh) {
          row.questionIds[a.index] = a.questionId;
          row.orders[a.index] = question(a.questionId).options.map((_, index) => index);
          storeAnswer(challengeId, a.index, question(a.questionId), a.choice, a.elapsedMs, at, false);
        }
        statements.finishOffline.run(JSON.stringify(row.questionIds), JSON.stringify(row.orders), at, challengeId);
      })();
      onFinished();
      return this.result(challengeId);
    },

    result(challengeId: string): QuizResult {
      const row = load(challengeId);
      if (row.finished_at === null) throw new HubError('QUIZ_NOT_FINISHED');
      const answers = statements.answers.all(challengeId) as { idx: number; question_id: string; choice_json: string; correct: number }[];
      const missed = answers
        .filter((a) => !a.correct)
        .map((a) => {
          const q = question(a.question_id);
          const order = row.orders[a.idx]!;
          return {
            prompt: q.prompt,
            options: order.map((bankIndex) => q.options[bankIndex]!),
            answer: toShown(order, q.answer),
            choice: toShown(order, JSON.parse(a.choice_json) as number[]),
            explanation: q.explanation,
          };
        });
      const t = row.time_ms;
      const ahead = statements.ahead.get(row.day, row.score, row.score, t, t, row.finished_at) as number;
      return { challengeId, playerName: row.player_name, score: row.score, correct: row.correct, total: row.questionIds.length, rank: ahead + 1, missed };
    },
  };
}
