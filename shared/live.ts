import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';

/**
 * The live stage quiz (in the manner of Kahoot): an MC runs a session from the console, the
 * audience answers on phones, big screens show the question, the counts, the reveal, the
 * leaderboard and the podium. The hub owns time and truth: deadlines are stored, answers are
 * timed and scored on the hub, the right answer leaves it only at the reveal, and screens and
 * phones receive counts and the top N, never every answer.
 */
const strict = { additionalProperties: false } as const;
const Text = Type.Object({ zh: Type.String(), en: Type.String() });

export const LIVE_PHASES = ['lobby', 'question', 'closed', 'reveal', 'leaderboard', 'podium', 'ended'] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];
export const TEAM_MODES = ['none', 'unit', 'venue'] as const;
export const LIVE_ACTIONS = ['start', 'close', 'reveal', 'leaderboard', 'next', 'pause', 'resume', 'skip', 'end'] as const;

export const LiveSessionId = Type.String({ pattern: '^L[0-9a-f]{8}$' });
/** A player's signed token (`<sessionId>.<playerId>.<signature>`), kept on the phone. */
const PlayerToken = Type.String({ minLength: 10, maxLength: 200 });

export const LiveSettings = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    /** Question ids from the bank, in order. */
    questionIds: Type.Array(Type.String({ pattern: '^[a-z]+-[0-9]{3,5}$' }), { minItems: 1, maxItems: 30 }),
    timeLimitSec: Type.Integer({ minimum: 5, maximum: 120 }),
    /** Points for a correct answer; speed adds at most a tenth of it (see live-scoring). */
    points: Type.Union([Type.Literal(1000), Type.Literal(2000)]),
    teamMode: Type.Union(TEAM_MODES.map((mode) => Type.Literal(mode))),
    /** Venues whose audiences take part (empty: all). */
    venueIds: Type.Array(Slug, { maxItems: 20 }),
    /** The join QR changes every few seconds: only people who see a screen can join. */
    rotatingJoin: Type.Boolean(),
  },
  strict,
);
export type LiveSettings = Static<typeof LiveSettings>;

const LiveControlRequest = Type.Object(
  {
    sessionId: LiveSessionId,
    action: Type.Union(LIVE_ACTIONS.map((action) => Type.Literal(action))),
    /** The step the MC saw (LiveState.step): a double press or a second MC's press is refused, not applied twice. */
    step: Type.Integer({ minimum: 0 }),
  },
  strict,
);
type LiveControlRequest = Static<typeof LiveControlRequest>;
export type LiveAction = LiveControlRequest['action'];

const LiveWatchRequest = Type.Object({ sessionId: LiveSessionId }, strict);

export const LiveRanked = Type.Object({ rank: Type.Integer(), name: Type.String(), score: Type.Integer(), team: Type.Union([Type.String(), Type.Null()]) });
export type LiveRanked = Static<typeof LiveRanked>;

/** What every state of a session carries, whatever its phase. */
const LiveCommon = {
  sessionId: Type.String(),
  /** Bumped by every change (arrivals and a turning join code too): clients apply only strictly newer states. */
  revision: Type.Integer(),
  /** Bumped by the MC's steps only: a press names it. */
  step: Type.Integer(),
  name: Type.String(),
  pin: Type.String(),
  /** When the join QR rotates: the current join code (with the PIN), else null. */
  joinCode: Type.Union([Type.String(), Type.Null()]),
  paused: Type.Boolean(),
  /** The question number (0-based) the phase is about; -1 in the lobby. */
  index: Type.Integer(),
  total: Type.Integer(),
  players: Type.Integer(),
  serverNow: Type.Integer(),
};

/** The question on now, without its answer. */
export const LiveQuestion = Type.Object({
  prompt: Text,
  options: Type.Array(Text),
  type: Type.String(),
  image: Type.Optional(Type.String()),
  /** Hub clock (ms since epoch); with `serverNow` a client counts down without trusting its own clock. */
  deadline: Type.Integer(),
  timeLimitMs: Type.Integer(),
});
export type LiveQuestion = Static<typeof LiveQuestion>;

/** At the reveal: the right options, how many chose each, and why. */
const LiveReveal = Type.Object({ answer: Type.Array(Type.Integer()), distribution: Type.Array(Type.Integer()), explanation: Text });
type LiveReveal = Static<typeof LiveReveal>;

const Standings = {
  leaderboard: Type.Array(LiveRanked),
  teams: Type.Array(Type.Object({ team: Type.String(), score: Type.Integer(), players: Type.Integer() })),
};

/**
 * What everyone in the session's room sees (screens, phones, consoles), one shape per phase, each
 * carrying only its own fields: the lobby its arrivals; an open or closed question the question
 * and how many answered (no answer in it); the reveal the answer, the distribution and the
 * standings; the leaderboard, podium and end the standings.
 */
export const LiveState = Type.Union([
  Type.Object({ ...LiveCommon, phase: Type.Literal('lobby'), recentPlayers: Type.Array(Type.String()) }),
  Type.Object({ ...LiveCommon, phase: Type.Union([Type.Literal('question'), Type.Literal('closed')]), question: LiveQuestion, answered: Type.Integer() }),
  Type.Object({ ...LiveCommon, phase: Type.Literal('reveal'), question: LiveQuestion, answered: Type.Integer(), reveal: LiveReveal, ...Standings }),
  Type.Object({ ...LiveCommon, phase: Type.Union([Type.Literal('leaderboard'), Type.Literal('podium'), Type.Literal('ended')]), ...Standings }),
]);
export type LiveState = Static<typeof LiveState>;
/** The state of a phase (or phases), i.e. the shapes that phase may have: `LiveStateIn<'reveal'>`. */
export type LiveStateIn<P extends LivePhase> = LiveState extends infer S
  ? S extends { phase: infer Q }
    ? [Extract<Q, P>] extends [never]
      ? never
      : S
    : never
  : never;

/** A live count while a question is open, at most a few times a second. */
export const LiveCount = Type.Object({ sessionId: Type.String(), index: Type.Integer(), answered: Type.Integer(), players: Type.Integer() });
export type LiveCount = Static<typeof LiveCount>;

export const LiveJoinRequest = Type.Object(
  {
    pin: Type.String({ minLength: 1, maxLength: 12 }),
    /** With a rotating join QR: the code it carried. */
    joinCode: Type.Optional(Type.String({ maxLength: 12 })),
    nickname: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** A visitor's pass (or short code): they play as themselves. */
    pass: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    unit: Type.Optional(Type.String({ maxLength: 120 })),
    /** The venue the phone is in (from the join QR of that venue's screens), for venue teams. */
    venueId: Type.Optional(Slug),
  },
  strict,
);
export type LiveJoinRequest = Static<typeof LiveJoinRequest>;

/** The phone's own view: its score and rank and what its last answer earned. */
export const LiveYou = Type.Object({
  playerId: Type.String(),
  name: Type.String(),
  score: Type.Integer(),
  rank: Type.Integer(),
  /** The answer to the current question, if given: option indices. */
  answered: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  /** After the reveal: whether it was right and what it earned. */
  lastCorrect: Type.Union([Type.Boolean(), Type.Null()]),
  lastPoints: Type.Integer(),
});
export type LiveYou = Static<typeof LiveYou>;

export const LiveJoinReply = Type.Object({ token: Type.String(), you: LiveYou, state: LiveState });
export type LiveJoinReply = Static<typeof LiveJoinReply>;

const LiveRejoinRequest = Type.Object({ token: PlayerToken }, strict);

const LiveAnswerRequest = Type.Object(
  {
    token: PlayerToken,
    index: Type.Integer({ minimum: 0, maximum: 29 }),
    choice: Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), { minItems: 1, maxItems: 6 }),
  },
  strict,
);
type LiveAnswerRequest = Static<typeof LiveAnswerRequest>;
/** Acknowledged once stored; the points come at the reveal. */
export const LiveAnswerReply = Type.Object({ index: Type.Integer(), accepted: Type.Boolean(), elapsedMs: Type.Integer() });
export type LiveAnswerReply = Static<typeof LiveAnswerReply>;

const LivePlayerRequest = Type.Object(
  {
    sessionId: LiveSessionId,
    playerId: Type.String({ maxLength: 40 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    remove: Type.Optional(Type.Boolean()),
  },
  strict,
);

const LiveSessionSummary = Type.Object({
  sessionId: Type.String(),
  name: Type.String(),
  pin: Type.String(),
  phase: Type.String(),
  players: Type.Integer(),
  createdAt: Type.Integer(),
});
const LiveListReply = Type.Object({ sessions: Type.Array(LiveSessionSummary) });

/** The MC's list of a session's players (not broadcast: thousands of names are for the console only). */
export const LivePlayersReply = Type.Object({
  players: Type.Array(Type.Object({ playerId: Type.String(), name: Type.String(), team: Type.Union([Type.String(), Type.Null()]), score: Type.Integer() })),
});
export type LivePlayersReply = Static<typeof LivePlayersReply>;

/**
 * The bank's playable questions as an MC picks them for a session: prompt, theme, difficulty and
 * type, never the answer or the explanation (MCs may run a show, not read the answers early).
 */
export const LiveQuestionsReply = Type.Object({
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      theme: Type.String(),
      type: Type.String(),
      difficulty: Type.Integer(),
      prompt: Type.Object({ zh: Type.String(), en: Type.String() }),
    }),
  ),
});
export type LiveQuestionsReply = Static<typeof LiveQuestionsReply>;

/** For the MC only: the question the next step opens (its prompt, no answer), so the console can say what comes. */
export const LiveUpcomingReply = Type.Object({ index: Type.Integer(), prompt: Type.Union([Text, Type.Null()]) });
export type LiveUpcomingReply = Static<typeof LiveUpcomingReply>;

/** The live commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const liveCommands = {
  /** The MC creates a live quiz session from bank questions; it opens in the lobby with a PIN. */
  'live:create': { request: LiveSettings, reply: LiveState },
  /** The day's live sessions, newest first. */
  'live:list': { request: EmptyRequest, reply: LiveListReply },
  /** Consoles and `quiz` screens follow a session: its state now, then every change. */
  'live:watch': { request: LiveWatchRequest, reply: LiveState },
  /** The MC's one button per step (start, close, reveal, leaderboard, next, pause, resume, skip, end). */
  'live:control': { request: LiveControlRequest, reply: LiveState },
  /** The MC's list of a session's players, best first. */
  'live:players': { request: LiveWatchRequest, reply: LivePlayersReply },
  /** The questions an MC may put in a session: the playable bank without answers. */
  'live:questions': { request: EmptyRequest, reply: LiveQuestionsReply },
  /** The MC's console: which question the next step opens, and its prompt (no answer). */
  'live:upcoming': { request: LiveWatchRequest, reply: LiveUpcomingReply },
  /** The MC renames a player (a bad nickname) or removes one. */
  'live:player': { request: LivePlayerRequest, reply: LiveState },
  /** A phone joins with the PIN; it gets a signed player token to keep. */
  'live:join': { request: LiveJoinRequest, reply: LiveJoinReply },
  /** A phone that reloads or reconnects comes back as the same player, score and all. */
  'live:rejoin': { request: LiveRejoinRequest, reply: LiveJoinReply },
  /** One answer per player per question, timed on the hub, acknowledged once stored. */
  'live:answer': { request: LiveAnswerRequest, reply: LiveAnswerReply },
} as const satisfies CommandTable;

/** The live events the hub sends. */
export const liveEvents = {
  /** A live session's state, to everyone in it (screens, phones, consoles) on every step. */
  'live:state': LiveState,
  /** How many have answered the open question, a few times a second at most. */
  'live:count': LiveCount,
  /** To one player: their own score, rank and last result. */
  'live:you': LiveYou,
} as const satisfies EventTable;

/** A live session's results for the organisers, as a file (a link in the console). */
export const liveHttp = {
  results: httpRoute({ method: 'GET', path: '/api/live/:sessionId/results.xlsx', params: Type.Object({ sessionId: LiveSessionId }) }),
};
