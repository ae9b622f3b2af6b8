import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { LiveSessionId } from './live.ts';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';

/**
 * The prize draw (抽奖): the MC picks a pool of people, a prize and a number of winners; the hub
 * draws them with a cryptographic random source and keeps a record anyone can check afterwards.
 */
const DrawId = Type.String({ pattern: '^D[0-9a-f]{8}$' });

const strict = { additionalProperties: false } as const;

const DRAW_POOL_KINDS = ['checked-in', 'passport', 'quiz-top'] as const;

/** The most winners one draw may have, and the longest quiz top list a pool may take. */
const DRAW_MAX_WINNERS = 50;
const DRAW_MAX_TOP = 500;

/**
 * Who may win. checked-in: visitors let in today (at one venue, or any); passport: visitors with a
 * stamp at every station of their venue; quiz-top: the top N of today's kiosk quiz (visitors who
 * played with their pass), or of one live quiz session when `sessionId` is given.
 */
export const DrawPool = Type.Union([
  Type.Object({ kind: Type.Literal('checked-in'), venueId: Type.Optional(Slug) }, strict),
  Type.Object({ kind: Type.Literal('passport'), venueId: Type.Optional(Slug) }, strict),
  Type.Object(
    {
      kind: Type.Literal('quiz-top'),
      top: Type.Integer({ minimum: 1, maximum: DRAW_MAX_TOP }),
      venueId: Type.Optional(Slug),
      sessionId: Type.Optional(LiveSessionId),
    },
    strict,
  ),
]);
export type DrawPool = Static<typeof DrawPool>;

const DrawPoolsRequest = Type.Object({ includePastWinners: Type.Optional(Type.Boolean()) }, strict);

/** Pool sizes for the console's picker (after leaving out the day's earlier winners unless asked). */
export const DrawPoolsReply = Type.Object({
  /** The draws' counter: a draw names the one its MC saw, so a double press draws once. */
  revision: Type.Integer(),
  day: Type.String(),
  pastWinners: Type.Integer(),
  all: Type.Object({ checkedIn: Type.Integer(), passport: Type.Integer() }),
  venues: Type.Array(Type.Object({ venueId: Type.String(), name: Type.String(), nameEn: Type.String(), checkedIn: Type.Integer(), passport: Type.Integer() })),
  /** Visitors ranked on today's kiosk quiz (played with a pass). */
  quizRanked: Type.Integer(),
  live: Type.Array(Type.Object({ sessionId: Type.String(), name: Type.String(), players: Type.Integer() })),
});
export type DrawPoolsReply = Static<typeof DrawPoolsReply>;

export const DrawRunRequest = Type.Object(
  {
    pool: DrawPool,
    prize: Type.String({ minLength: 1, maxLength: 40 }),
    count: Type.Integer({ minimum: 1, maximum: DRAW_MAX_WINNERS }),
    /** Earlier winners of the day are left out unless this is true. */
    includePastWinners: Type.Optional(Type.Boolean()),
    /** The draws' revision the MC's console showed (from draw:pools or draw:list). */
    revision: Type.Integer({ minimum: 0 }),
  },
  strict,
);
export type DrawRunRequest = Static<typeof DrawRunRequest>;

const DrawRevealRequest = Type.Object({ drawId: DrawId, revision: Type.Integer({ minimum: 0 }) }, strict);
const DrawIdRequest = Type.Object({ drawId: DrawId }, strict);

/** A winner as consoles see one: masked; the admin's console also gets the full name and number, to hand the prize over. */
const DrawWinnerView = Type.Object({
  position: Type.Integer(),
  memberId: Type.String(),
  name: Type.String(),
  mobile: Type.Union([Type.String(), Type.Null()]),
  fullName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  fullMobile: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
type DrawWinnerView = Static<typeof DrawWinnerView>;

export const DrawRecordView = Type.Object({
  drawId: Type.String(),
  /** This draw's own revision: 1 when drawn, 2 once revealed on the screens. */
  revision: Type.Integer(),
  day: Type.String(),
  prize: Type.String(),
  pool: DrawPool,
  poolSize: Type.Integer(),
  /** SHA-256 (hex) of the pool's member ids, sorted and joined with a line feed. */
  poolHash: Type.String(),
  randomSource: Type.String(),
  count: Type.Integer(),
  includePastWinners: Type.Boolean(),
  createdAt: Type.Integer(),
  createdBy: Type.String(),
  revealedAt: Type.Union([Type.Integer(), Type.Null()]),
  winners: Type.Array(DrawWinnerView),
});
export type DrawRecordView = Static<typeof DrawRecordView>;

export const DrawListReply = Type.Object({ revision: Type.Integer(), draws: Type.Array(DrawRecordView) });
export type DrawListReply = Static<typeof DrawListReply>;

export const DrawVerifyReply = Type.Object({
  drawId: Type.String(),
  ok: Type.Boolean(),
  poolSize: Type.Integer(),
  poolHash: Type.String(),
  recomputedHash: Type.String(),
  /** What does not hold, one sentence each (empty when ok). */
  problems: Type.Array(Type.String()),
});
export type DrawVerifyReply = Static<typeof DrawVerifyReply>;

/**
 * What a `draw` scene shows: masked names only. Before the reveal it gets a masked sample of the
 * pool to roll through and no winner; at the reveal the winners, landing one after the other
 * from `revealedAt` on (time as data: a screen that reloads later shows them landed).
 */
export const DrawScreenState = Type.Object({
  drawId: Type.String(),
  revision: Type.Integer(),
  prize: Type.String(),
  poolKind: Type.Union(DRAW_POOL_KINDS.map((kind) => Type.Literal(kind))),
  poolSize: Type.Integer(),
  count: Type.Integer(),
  sample: Type.Array(Type.String()),
  revealedAt: Type.Union([Type.Integer(), Type.Null()]),
  /** How long after the reveal each next winner lands. */
  landEveryMs: Type.Integer(),
  winners: Type.Array(Type.Object({ position: Type.Integer(), name: Type.String(), mobile: Type.Union([Type.String(), Type.Null()]) })),
  serverNow: Type.Integer(),
});
export type DrawScreenState = Static<typeof DrawScreenState>;

/** The draw commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const drawCommands = {
  /** Pool sizes for the MC's picker, and the draws' revision a draw must name. */
  'draw:pools': { request: DrawPoolsRequest, reply: DrawPoolsReply },
  /** The MC's press: the hub reads the pool, draws the winners, stores the record, then answers. */
  'draw:run': { request: DrawRunRequest, reply: DrawRecordView },
  /** The winners land on the screens showing this draw. */
  'draw:reveal': { request: DrawRevealRequest, reply: DrawRecordView },
  'draw:list': { request: EmptyRequest, reply: DrawListReply },
  /** Recomputes the pool's hash from the stored members and checks the winners against it. */
  'draw:verify': { request: DrawIdRequest, reply: DrawVerifyReply },
  /** `draw` screens and consoles follow a draw (masked names; no winner before the reveal). */
  'draw:watch': { request: DrawIdRequest, reply: DrawScreenState },
} as const satisfies CommandTable;

/** The draw events the hub sends. */
export const drawEvents = {
  /** A draw's masked state, to the screens and consoles following it. */
  'draw:state': DrawScreenState,
} as const satisfies EventTable;

/** A draw's record as a file, with no name in it (a link in the console). */
export const drawHttp = {
  record: httpRoute({ method: 'GET', path: '/api/draws/:drawId/record.json', params: Type.Object({ drawId: DrawId }) }),
};
