import type { AskedQuestion, BankQuestion, OfflineAnswer, QuizAnswerReply, QuizPack, QuizResult, QuizUploadRequest } from '../../../shared/quiz.ts';
import { drawQuestions, shuffled } from '../../../shared/quiz-draw.ts';
import { isCorrect, pointsFor, QUESTIONS_PER_CHALLENGE, timeLimitMs } from '../../../shared/quiz-scoring.ts';
import { cryptoRandom } from '../../../shared/safety-nicknames.ts';

/**
 * The challenge without the hub. A paired kiosk keeps a pack of questions with their answers
 * (fetched whenever it connects); when the hub is away it asks and judges from the pack, keeps
 * the answers in a durable outbox (localStorage: a few kilobytes, written synchronously), and
 * sends them when the hub is back, which scores them for the leaderboard and flags them offline.
 */
const PACK_KEY = 'eventday.quiz.pack';
const OUTBOX_KEY = 'eventday.quiz.outbox';

function read<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? 'null') as T | null) ?? fallback;
  } catch {
    return fallback;
  }
}

export const quizPack = {
  get: (): QuizPack | null => read<QuizPack | null>(PACK_KEY, null),
  set: (pack: QuizPack) => localStorage.setItem(PACK_KEY, JSON.stringify(pack)),
};

export const quizOutbox = {
  all: (): QuizUploadRequest[] => read<QuizUploadRequest[]>(OUTBOX_KEY, []),
  add(upload: QuizUploadRequest) {
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([...quizOutbox.all(), upload]));
  },
  remove(offlineId: string) {
    localStorage.setItem(OUTBOX_KEY, JSON.stringify(quizOutbox.all().filter((upload) => upload.offlineId !== offlineId)));
  },
};

export const newOfflineId = () => `off-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

interface Asked {
  question: BankQuestion;
  /** order[shown] = index in the bank, as the hub does it. */
  order: number[];
  askedAt: number;
}

/**
 * One challenge (or the rest of one) played from the pack: indices `from`…9. Judged here with the
 * hub's own scoring rules, so the visitor sees the same points the hub will give.
 */
export class OfflineChallenge {
  readonly answers: OfflineAnswer[] = [];
  #asked: Asked[] = [];

  constructor(
    pack: QuizPack,
    readonly from: number,
    avoid: ReadonlySet<string>,
    readonly upload: Omit<QuizUploadRequest, 'answers'>,
  ) {
    const drawn = drawQuestions(pack.questions, avoid, QUESTIONS_PER_CHALLENGE - from, cryptoRandom);
    this.#asked = drawn.map((question) => ({
      question,
      order:
        question.type === 'truefalse'
          ? question.options.map((_, i) => i)
          : shuffled(
              question.options.map((_, i) => i),
              cryptoRandom,
            ),
      askedAt: 0,
    }));
  }

  get complete(): boolean {
    return this.#asked.length === QUESTIONS_PER_CHALLENGE - this.from;
  }

  /** The question at this index, as the hub would send it; its clock starts now. */
  ask(index: number): AskedQuestion {
    const asked = this.#asked[index - this.from]!;
    asked.askedAt = Date.now();
    const limit = timeLimitMs(asked.question.type);
    return {
      index,
      total: QUESTIONS_PER_CHALLENGE,
      id: asked.question.id,
      theme: asked.question.theme,
      type: asked.question.type,
      difficulty: asked.question.difficulty,
      prompt: asked.question.prompt,
      options: asked.order.map((bankIndex) => asked.question.options[bankIndex]!),
      ...(asked.question.image ? { image: asked.question.image } : {}),
      timeLimitMs: limit,
      deadline: asked.askedAt + limit,
    };
  }

  answer(index: number, choice: number[], scoreBefore: number): QuizAnswerReply {
    const { question, order, askedAt } = this.#asked[index - this.from]!;
    const picked = choice.map((shown) => order[shown]!);
    const elapsedMs = Math.max(0, Date.now() - askedAt);
    const correct = picked.length > 0 && isCorrect(question.answer, picked);
    const points = pointsFor(correct, elapsedMs, timeLimitMs(question.type));
    const shownAnswer = question.answer.map((bankIndex) => order.indexOf(bankIndex)).sort((a, b) => a - b);
    this.answers.push({ index, questionId: question.id, choice: picked, elapsedMs });
    return {
      index,
      correct,
      answer: shownAnswer,
      explanation: question.explanation,
      source: question.source,
      points,
      score: scoreBefore + points,
      last: index === QUESTIONS_PER_CHALLENGE - 1,
    };
  }

  /** The answers go to the outbox; the result shows now, its rank (0 until then) once the hub has it. */
  finish(result: Omit<QuizResult, 'challengeId' | 'total' | 'rank'>): QuizResult {
    quizOutbox.add({ ...this.upload, answers: this.answers });
    return { ...result, challengeId: this.upload.continues ?? this.upload.offlineId, total: QUESTIONS_PER_CHALLENGE, rank: 0 };
  }
}
