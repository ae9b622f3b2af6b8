import { Type, type Static } from '@sinclair/typebox';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';

/**
 * The safety-knowledge quiz: the bank's question format, what a kiosk is shown of a question
 * (never its answer before it is answered), and the challenge's commands.
 */
export const QUIZ_THEMES = ['law', 'fire', 'ebike', 'home', 'signs', 'disaster', 'firstaid', 'farm', 'eldercare', 'school', 'drill'] as const;
export type QuizTheme = (typeof QUIZ_THEMES)[number];
const QUESTION_TYPES = ['single', 'multiple', 'truefalse'] as const;

const strict = { additionalProperties: false } as const;
const Text = (max: number) => Type.Object({ zh: Type.String({ minLength: 1, maxLength: max }), en: Type.String({ maxLength: max * 4 }) }, strict);
export type BilingualText = { zh: string; en: string };

const QuestionId = Type.String({ pattern: '^[a-z]+-[0-9]{3,5}$', maxLength: 24 });

/** A question as the bank keeps it (JSON files in server/quiz/bank, the store, imports and exports). */
export const BankQuestion = Type.Object(
  {
    id: QuestionId,
    theme: Type.Union(QUIZ_THEMES.map((theme) => Type.Literal(theme))),
    type: Type.Union(QUESTION_TYPES.map((type) => Type.Literal(type))),
    difficulty: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 8 }),
    prompt: Text(200),
    options: Type.Array(Text(80), { minItems: 2, maxItems: 6 }),
    /** Indices into options. */
    answer: Type.Array(Type.Integer({ minimum: 0, maximum: 5 }), { minItems: 1, maxItems: 6 }),
    explanation: Text(400),
    /** Law and article, national standard and clause, or the official guidance it rests on. */
    source: Type.String({ minLength: 4, maxLength: 200 }),
    /** Checked against its source. Unchecked questions are kept out of play. */
    checked: Type.Boolean(),
    /** A picture (a safety sign), by file name in the bank's images. */
    image: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+\\.svg$', maxLength: 60 })),
    /** Retired in the console: kept, never asked. */
    retired: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type BankQuestion = Static<typeof BankQuestion>;

/** What a kiosk shows while the visitor thinks: no answer, no explanation. */
export const AskedQuestion = Type.Object({
  index: Type.Integer(),
  total: Type.Integer(),
  id: Type.String(),
  theme: Type.String(),
  type: Type.Union(QUESTION_TYPES.map((type) => Type.Literal(type))),
  difficulty: Type.Integer(),
  prompt: Text(200),
  options: Type.Array(Text(80)),
  image: Type.Optional(Type.String()),
  /** How long the visitor has, and when the hub stops accepting (hub clock, ms since epoch). */
  timeLimitMs: Type.Integer(),
  deadline: Type.Integer(),
});
export type AskedQuestion = Static<typeof AskedQuestion>;

const ChallengeId = Type.String({ pattern: '^[A-Za-z0-9_-]{16,40}$' });

export const QuizStartRequest = Type.Object(
  {
    /** A generated nickname picked on the kiosk; or the visitor's pass (QR or short code), which ties the score to them. */
    nickname: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    pass: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
  },
  strict,
);
export type QuizStartRequest = Static<typeof QuizStartRequest>;

export const QuizStartReply = Type.Object({
  challengeId: Type.String(),
  playerName: Type.String(),
  /** True when a pass tied the challenge to a visitor (and stamped the quiz station). */
  visitor: Type.Boolean(),
  question: AskedQuestion,
});
export type QuizStartReply = Static<typeof QuizStartReply>;

const QuizAnswerRequest = Type.Object(
  {
    challengeId: ChallengeId,
    index: Type.Integer({ minimum: 0, maximum: 99 }),
    /** Option indices; empty when the time ran out without an answer. */
    choice: Type.Array(Type.Integer({ minimum: 0, maximum: 99 }), { maxItems: 6 }),
  },
  strict,
);
type QuizAnswerRequest = Static<typeof QuizAnswerRequest>;

export const QuizAnswerReply = Type.Object({
  index: Type.Integer(),
  correct: Type.Boolean(),
  /** Now that it is answered: the right options, why, and on what authority. */
  answer: Type.Array(Type.Integer()),
  explanation: Text(400),
  source: Type.String(),
  points: Type.Integer(),
  score: Type.Integer(),
  /** True when this was the last question: ask for the result. */
  last: Type.Boolean(),
});
export type QuizAnswerReply = Static<typeof QuizAnswerReply>;

const QuizChallengeRequest = Type.Object({ challengeId: ChallengeId }, strict);

const QuizMissed = Type.Object({
  prompt: Text(200),
  options: Type.Array(Text(80)),
  answer: Type.Array(Type.Integer()),
  choice: Type.Array(Type.Integer()),
  explanation: Text(400),
});
type QuizMissed = Static<typeof QuizMissed>;

export const QuizResult = Type.Object({
  challengeId: Type.String(),
  playerName: Type.String(),
  score: Type.Integer(),
  correct: Type.Integer(),
  total: Type.Integer(),
  /** The day's overall rank (1 is first). */
  rank: Type.Integer(),
  missed: Type.Array(QuizMissed),
});
export type QuizResult = Static<typeof QuizResult>;

export const LeaderboardEntry = Type.Object({
  challengeId: Type.String(),
  rank: Type.Integer(),
  /** A nickname, or a real name masked (张*). */
  name: Type.String(),
  venueId: Type.Union([Type.String(), Type.Null()]),
  score: Type.Integer(),
  correct: Type.Integer(),
  timeMs: Type.Integer(),
});
export type LeaderboardEntry = Static<typeof LeaderboardEntry>;

export const Leaderboard = Type.Object({
  day: Type.String(),
  revision: Type.Integer(),
  overall: Type.Array(LeaderboardEntry),
  venues: Type.Array(Type.Object({ venueId: Type.String(), name: Type.String(), nameEn: Type.String(), entries: Type.Array(LeaderboardEntry) })),
});
export type Leaderboard = Static<typeof Leaderboard>;

const LeaderboardHideRequest = Type.Object({ challengeId: ChallengeId, hidden: Type.Boolean() }, strict);

/** Questions a kiosk keeps, with their answers, to carry on a challenge while the hub is away. */
export const QuizPack = Type.Object({ packId: Type.String(), questions: Type.Array(BankQuestion) });
export type QuizPack = Static<typeof QuizPack>;

export const OfflineAnswer = Type.Object(
  {
    index: Type.Integer({ minimum: 0, maximum: 9 }),
    questionId: QuestionId,
    /** Option indices as the bank orders them (the kiosk shuffled them itself). */
    choice: Type.Array(Type.Integer({ minimum: 0, maximum: 5 }), { maxItems: 6 }),
    /** Measured on the kiosk: the hub was not there to measure it. Capped at the question's time. */
    elapsedMs: Type.Integer({ minimum: 0, maximum: 600_000 }),
  },
  strict,
);
export type OfflineAnswer = Static<typeof OfflineAnswer>;

/**
 * A challenge finished offline, sent when the hub is back: a whole one (its own id, made on the
 * kiosk), or the rest of one the hub started (`continues`). Applied once, however often it is sent.
 */
export const QuizUploadRequest = Type.Object(
  {
    offlineId: ChallengeId,
    continues: Type.Optional(ChallengeId),
    nickname: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    pass: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    answers: Type.Array(OfflineAnswer, { minItems: 1, maxItems: 10 }),
  },
  strict,
);
export type QuizUploadRequest = Static<typeof QuizUploadRequest>;

/** The quiz commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const quizCommands = {
  /** A kiosk starts a visitor's ten-question challenge and gets the first question (no answer in it). */
  'quiz:start': { request: QuizStartRequest, reply: QuizStartReply },
  /** One answer, timed and scored by the hub; the reply reveals the right answer and why. */
  'quiz:answer': { request: QuizAnswerRequest, reply: QuizAnswerReply },
  /** The next question of a challenge; its clock starts when the hub sends it. */
  'quiz:next': { request: QuizChallengeRequest, reply: AskedQuestion },
  /** The finished challenge: score, rank, and what was missed and why. */
  'quiz:result': { request: QuizChallengeRequest, reply: QuizResult },
  /** A kiosk fetches questions with their answers, to carry on while the hub is away. */
  'quiz:pack': { request: EmptyRequest, reply: QuizPack },
  /** A challenge (or its rest) played offline, scored when it arrives; flagged offline. */
  'quiz:upload': { request: QuizUploadRequest, reply: QuizResult },
  /** Kiosks, screens and consoles get the day's leaderboards, then every change. */
  'leaderboard:watch': { request: EmptyRequest, reply: Leaderboard },
  /** Staff hide an entry (an offensive nickname) or show it again; audited. */
  'leaderboard:hide': { request: LeaderboardHideRequest, reply: Leaderboard },
} as const satisfies CommandTable;

/** The quiz events the hub sends. */
export const quizEvents = {
  /** The day's leaderboards, at most twice a second, to sockets that watch them. */
  'leaderboard:update': Leaderboard,
} as const satisfies EventTable;

/** A bank import's refusal of one row: where, what, and the sentence for it. */
export const BankImportProblem = Type.Object({
  at: Type.String(),
  id: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  detail: Type.Optional(Type.String()),
  message: Type.String(),
});
export type BankImportProblem = Static<typeof BankImportProblem>;
const ImportQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), takeGood: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  { additionalProperties: false },
);
const BANK_FILE_FORMATS = ['xlsx', 'csv', 'json'] as const;

/** The question bank for organisers over REST; the sign pictures are public. */
export const bankHttp = {
  list: httpRoute({ method: 'GET', path: '/api/bank', reply: Type.Object({ questions: Type.Array(BankQuestion), playable: Type.Integer() }) }),
  /** A file download (a link in the console). */
  export: httpRoute({
    method: 'GET',
    path: '/api/bank/export.:format',
    params: Type.Object({ format: Type.Union(BANK_FILE_FORMATS.map((format) => Type.Literal(format))) }),
  }),
  save: httpRoute({ method: 'PUT', path: '/api/bank/questions/:id', params: Type.Object({ id: QuestionId }), body: BankQuestion, reply: BankQuestion }),
  import: httpRoute({
    method: 'POST',
    path: '/api/bank/import',
    query: ImportQuery,
    upload: true,
    reply: Type.Object({ imported: Type.Integer(), skipped: Type.Integer(), problems: Type.Array(BankImportProblem), playable: Type.Integer() }),
  }),
  image: httpRoute({ method: 'GET', path: '/quiz-images/:file', params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.svg$' }) }) }),
};

/** Both imports (questions, awards) take the file's name and whether to keep the good rows of a file with bad ones. */
export { ImportQuery };
