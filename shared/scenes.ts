import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';

/** What a big screen can show. Each kind carries only its own fields. */
export const SCENE_KINDS = ['message', 'join', 'loop', 'stats', 'leaderboard', 'quiz', 'blank'] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

export const MESSAGE_TONES = ['info', 'celebrate', 'notice'] as const;

const strict = { additionalProperties: false } as const;

export const MessageScene = Type.Object(
  {
    kind: Type.Literal('message'),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    body: Type.String({ maxLength: 400 }),
    tone: Type.Union(MESSAGE_TONES.map((tone) => Type.Literal(tone))),
  },
  strict,
);

export const JoinScene = Type.Object(
  {
    kind: Type.Literal('join'),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    /** Where phones go; left out, the hub's own kiosk address is used. */
    url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 300 })),
  },
  strict,
);

export const LoopScene = Type.Object({ kind: Type.Literal('loop'), playlistId: Slug }, strict);

export const BlankScene = Type.Object({ kind: Type.Literal('blank') }, strict);

/** The day's live counts: registered, checked in per venue, stations, per hour. */
export const StatsScene = Type.Object({ kind: Type.Literal('stats') }, strict);

/** The day's quiz leaderboard: overall, or one venue's (names masked). */
export const LeaderboardScene = Type.Object({ kind: Type.Literal('leaderboard'), venueId: Type.Optional(Slug) }, strict);

/** A live quiz session as the hall sees it: join QR and PIN, question and countdown, reveal, leaderboard, podium. */
export const QuizScene = Type.Object({ kind: Type.Literal('quiz'), sessionId: Type.String({ pattern: '^L[0-9a-f]{8}$' }) }, strict);

export const Scene = Type.Union([MessageScene, JoinScene, LoopScene, StatsScene, LeaderboardScene, QuizScene, BlankScene]);
export type Scene = Static<typeof Scene>;
export type MessageScene = Static<typeof MessageScene>;
export type JoinScene = Static<typeof JoinScene>;
export type LoopScene = Static<typeof LoopScene>;

export function isSceneKind(kind: unknown): kind is SceneKind {
  return typeof kind === 'string' && (SCENE_KINDS as readonly string[]).includes(kind);
}
