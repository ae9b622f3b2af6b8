import { Type, type Static } from '@sinclair/typebox';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';
import { ImportQuery } from './quiz.ts';

/**
 * The award ceremony (颁奖表彰): categories with their winners, entered or imported by an admin,
 * revealed one step at a time as the MC clicks. Winners' names stay on the hub until revealed:
 * screens and consoles get the ceremony's state, which holds only what has been shown.
 */
const strict = { additionalProperties: false } as const;

export const AWARD_LIMITS = { title: 40, titleEn: 80, name: 40, unit: 60, categories: 30, winners: 50 } as const;

export const AwardWinner = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: AWARD_LIMITS.name }),
    unit: Type.String({ maxLength: AWARD_LIMITS.unit }),
  },
  strict,
);
export type AwardWinner = Static<typeof AwardWinner>;

export const AwardCategoryInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: AWARD_LIMITS.title }),
    titleEn: Type.String({ maxLength: AWARD_LIMITS.titleEn }),
    winners: Type.Array(AwardWinner, { minItems: 1, maxItems: AWARD_LIMITS.winners }),
  },
  strict,
);
export type AwardCategoryInput = Static<typeof AwardCategoryInput>;

/** The whole list at once (it is short); `revision` is the one the admin's editor showed. */
const AwardsSaveRequest = Type.Object(
  { categories: Type.Array(AwardCategoryInput, { maxItems: AWARD_LIMITS.categories }), revision: Type.Integer({ minimum: 0 }) },
  strict,
);
type AwardsSaveRequest = Static<typeof AwardsSaveRequest>;

/** The admin's editor: every category with every winner (the only reply that carries unrevealed names). */
export const AwardsList = Type.Object({
  revision: Type.Integer(),
  categories: Type.Array(Type.Object({ categoryId: Type.String(), title: Type.String(), titleEn: Type.String(), winners: Type.Array(AwardWinner) })),
});
export type AwardsList = Static<typeof AwardsList>;

/** The category a live session's podium becomes (the admin may rename it before saving). */
export const CHAMPIONS_TITLE = { zh: '现场竞答优胜者', en: 'Live quiz champions' } as const;

/** A live quiz session whose podium becomes an award category (the quiz champions). */
const AwardsChampionsRequest = Type.Object({ sessionId: Type.String({ pattern: '^L[0-9a-f]{8}$' }) }, strict);

const AWARD_ACTIONS = ['next', 'back', 'summary', 'reset'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

const AwardsStepRequest = Type.Object(
  { action: Type.Union(AWARD_ACTIONS.map((action) => Type.Literal(action))), revision: Type.Integer({ minimum: 0 }) },
  strict,
);

const AWARD_PHASES = ['idle', 'category', 'winner', 'summary'] as const;

const CategoryHead = Type.Object({ index: Type.Integer(), title: Type.String(), titleEn: Type.String(), winnerCount: Type.Integer() });

/**
 * Where the ceremony stands, as screens and consoles see it. `revealed`: the current category's
 * winners shown so far (the last one is the newest); `summary`: every winner, only at the end;
 * `upcoming`: what the next click shows, without any name (the console's preview).
 */
export const AwardsState = Type.Object({
  revision: Type.Integer(),
  step: Type.Integer(),
  totalSteps: Type.Integer(),
  phase: Type.Union(AWARD_PHASES.map((phase) => Type.Literal(phase))),
  categoryCount: Type.Integer(),
  category: Type.Union([CategoryHead, Type.Null()]),
  revealed: Type.Array(AwardWinner),
  summary: Type.Union([Type.Array(Type.Object({ title: Type.String(), titleEn: Type.String(), winners: Type.Array(AwardWinner) })), Type.Null()]),
  upcoming: Type.Union([
    Type.Object({ kind: Type.Literal('category'), index: Type.Integer(), title: Type.String(), titleEn: Type.String(), winnerCount: Type.Integer() }),
    Type.Object({ kind: Type.Literal('winner'), ordinal: Type.Integer(), of: Type.Integer() }),
    Type.Object({ kind: Type.Literal('summary') }),
    Type.Null(),
  ]),
});
export type AwardsState = Static<typeof AwardsState>;

/** One bad line of an imported file, and why. */
export const AwardImportProblem = Type.Object({ line: Type.Integer(), reason: Type.String() });
export type AwardImportProblem = Static<typeof AwardImportProblem>;
export const AwardsImportReply = Type.Object({
  categories: Type.Integer(),
  winners: Type.Integer(),
  skipped: Type.Integer(),
  problems: Type.Array(AwardImportProblem),
  revision: Type.Integer(),
});
export type AwardsImportReply = Static<typeof AwardsImportReply>;

/** The awards commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const awardsCommands = {
  /** The admin's editor: every category with every winner. */
  'awards:list': { request: EmptyRequest, reply: AwardsList },
  'awards:save': { request: AwardsSaveRequest, reply: AwardsList },
  /** A live session's top three as a category for the admin's editor (nothing is saved until they save). */
  'awards:champions': { request: AwardsChampionsRequest, reply: AwardCategoryInput },
  /** The MC's click: next, back, summary or reset (revision-checked). */
  'awards:step': { request: AwardsStepRequest, reply: AwardsState },
  /** `awards` screens and consoles follow the ceremony: only what has been revealed. */
  'awards:watch': { request: EmptyRequest, reply: AwardsState },
} as const satisfies CommandTable;

/** The awards events the hub sends. */
export const awardsEvents = {
  /** The award ceremony's state (revealed winners only), to everyone following it. */
  'awards:state': AwardsState,
} as const satisfies EventTable;

/** The award list imported from a spreadsheet; bad rows are reported by line. */
export const awardsHttp = {
  import: httpRoute({ method: 'POST', path: '/api/awards/import', query: ImportQuery, upload: true, reply: AwardsImportReply }),
};
