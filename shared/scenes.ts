import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';

export const MESSAGE_TONES = ['info', 'celebrate', 'notice'] as const;

const strict = { additionalProperties: false } as const;

const MessageScene = Type.Object(
  {
    kind: Type.Literal('message'),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    body: Type.String({ maxLength: 400 }),
    tone: Type.Union(MESSAGE_TONES.map((tone) => Type.Literal(tone))),
  },
  strict,
);

const JoinScene = Type.Object(
  {
    kind: Type.Literal('join'),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    /** Where phones go; left out, the hub's own kiosk address is used. */
    url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 300 })),
  },
  strict,
);

const LoopScene = Type.Object({ kind: Type.Literal('loop'), playlistId: Slug }, strict);

const BlankScene = Type.Object({ kind: Type.Literal('blank') }, strict);

/** The day's live counts: registered, checked in per venue, stations, per hour. */
const StatsScene = Type.Object({ kind: Type.Literal('stats') }, strict);

/** The day's quiz leaderboard: overall, or one venue's (names masked). */
const LeaderboardScene = Type.Object({ kind: Type.Literal('leaderboard'), venueId: Type.Optional(Slug) }, strict);

/** A live quiz session as the hall sees it: join QR and PIN, question and countdown, reveal, leaderboard, podium. */
const QuizScene = Type.Object({ kind: Type.Literal('quiz'), sessionId: Type.String({ pattern: '^L[0-9a-f]{8}$' }) }, strict);

/** Lobby screens: the running order's item on now (big) and the next few, with planned times. */
const ProgramScene = Type.Object({ kind: Type.Literal('program') }, strict);

/** A big hh:mm:ss countdown to a set time (the launch), counted on the hub's clock; the end text at zero. */
const CountdownScene = Type.Object(
  {
    kind: Type.Literal('countdown'),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    /** Epoch milliseconds, or an ISO time with its offset (2026-06-14T09:35:00+08:00). */
    to: Type.Union([
      Type.Integer({ minimum: 0 }),
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$', maxLength: 40 }),
    ]),
    endText: Type.Optional(Type.String({ maxLength: 80 })),
  },
  strict,
);
type CountdownScene = Static<typeof CountdownScene>;

/** A prize draw as the hall sees it: masked names rolling, then the winners landing one by one. */
const DrawScene = Type.Object({ kind: Type.Literal('draw'), drawId: Type.String({ pattern: '^D[0-9a-f]{8}$' }) }, strict);

/** The award ceremony: category title, each winner revealed as the MC clicks, then the summary. */
const AwardsScene = Type.Object({ kind: Type.Literal('awards') }, strict);

/** A clock for the hall between items: the time and date (hub clock, Beijing time) and what the running order has next. */
const ClockScene = Type.Object({ kind: Type.Literal('clock'), title: Type.Optional(Type.String({ maxLength: 80 })) }, strict);

/**
 * What a big screen can show: each kind carries only its own fields. A new kind is its schema
 * above and one entry here (then its folder in display/src/scenes/ and a line in its registry).
 */
const SCENE_SCHEMAS = [
  MessageScene,
  JoinScene,
  LoopScene,
  StatsScene,
  LeaderboardScene,
  QuizScene,
  BlankScene,
  ProgramScene,
  CountdownScene,
  DrawScene,
  AwardsScene,
  ClockScene,
] as const;

export const Scene = Type.Union([...SCENE_SCHEMAS]);
export type Scene = Static<typeof Scene>;
export type SceneKind = Scene['kind'];
export const SCENE_KINDS = SCENE_SCHEMAS.map((schema) => schema.properties.kind.const) as readonly SceneKind[];
type MessageScene = Static<typeof MessageScene>;
type JoinScene = Static<typeof JoinScene>;
type LoopScene = Static<typeof LoopScene>;

export function isSceneKind(kind: unknown): kind is SceneKind {
  return typeof kind === 'string' && (SCENE_KINDS as readonly string[]).includes(kind);
}
