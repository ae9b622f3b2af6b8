import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { Scene } from './scenes.ts';
import { Playlist } from './media.ts';
import { DisplayGroup, Venue } from './venues.ts';
import type { CommandTable, EventTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';
import { GroupParams, PrepareBody, TakeBody } from './rest.ts';

/**
 * One slot of a display group (program = on air, preview = prepared). The revision comes
 * from one counter per group: a client ignores any slot older than the one it shows.
 */
export const SlotState = Type.Object({
  revision: Type.Integer({ minimum: 0 }),
  scene: Scene,
  changedAt: Type.Integer(),
  /**
   * Program only: the moment (hub clock) its screens put it on air, and the start a loop counts
   * from. A take for several groups sets it a moment ahead, so every hall switches at once.
   */
  switchAt: Type.Optional(Type.Integer()),
});
export type SlotState = Static<typeof SlotState>;

/** A group either shows what its operator takes (`own`) or mirrors the main stage's program (`main`). */
export const FOLLOW_MODES = ['own', 'main'] as const;
export const FollowMode = Type.Union(FOLLOW_MODES.map((mode) => Type.Literal(mode)));
export type FollowMode = Static<typeof FollowMode>;

export const GroupStage = Type.Object({ groupId: Slug, program: SlotState, preview: SlotState, follow: Type.Optional(FollowMode) });
export type GroupStage = Static<typeof GroupStage>;

/** What the main stage shows now: every console sees it, an operator of a sub-venue too. */
export const MainStageView = Type.Object({
  groupId: Slug,
  name: Type.String(),
  nameEn: Type.String(),
  program: SlotState,
  playlist: Type.Union([Playlist, Type.Null()]),
});
export type MainStageView = Static<typeof MainStageView>;

/** What a screen needs to render its group's program, playlist resolved. */
export const ProgramView = Type.Object({
  groupId: Slug,
  slot: SlotState,
  playlist: Type.Union([Playlist, Type.Null()]),
});
export type ProgramView = Static<typeof ProgramView>;

export const PreviewView = Type.Object({ groupId: Slug, slot: SlotState });
export type PreviewView = Static<typeof PreviewView>;

export const ScreenSnapshot = Type.Object({
  group: DisplayGroup,
  venueName: Type.String(),
  program: ProgramView,
  kioskUrl: Type.String(),
});
export type ScreenSnapshot = Static<typeof ScreenSnapshot>;

export const ConsoleSnapshot = Type.Object({
  venues: Type.Array(Venue),
  stages: Type.Array(GroupStage),
  playlists: Type.Array(Playlist),
  kioskUrl: Type.String(),
  mainStage: Type.Optional(MainStageView),
});
export type ConsoleSnapshot = Static<typeof ConsoleSnapshot>;

// Commands
const WatchGroupRequest = Type.Object({ groupId: Slug }, { additionalProperties: false });
type WatchGroupRequest = Static<typeof WatchGroupRequest>;

const OverviewRequest = Type.Object({}, { additionalProperties: false });

export const PrepareRequest = Type.Object({ groupId: Slug, scene: Scene }, { additionalProperties: false });
export type PrepareRequest = Static<typeof PrepareRequest>;

/** The take names the preview the MC saw, so a preview changed by someone else is never put on air blind. */
export const TakeRequest = Type.Object({ groupId: Slug, previewRevision: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export type TakeRequest = Static<typeof TakeRequest>;

/**
 * One scene to many groups at once (the launch, the award ceremony): the source group's preview,
 * named by the revision the MC saw, goes on air in every listed group at one switch time.
 */
export const TakeAllRequest = Type.Object(
  {
    groupId: Slug,
    previewRevision: Type.Integer({ minimum: 0 }),
    groupIds: Type.Array(Slug, { minItems: 1, maxItems: 100, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type TakeAllRequest = Static<typeof TakeAllRequest>;

export const TakeAllReply = Type.Object({
  switchAt: Type.Integer(),
  programs: Type.Array(Type.Object({ groupId: Slug, slot: SlotState })),
});
export type TakeAllReply = Static<typeof TakeAllReply>;

export const FollowRequest = Type.Object({ groupId: Slug, follow: FollowMode }, { additionalProperties: false });
export type FollowRequest = Static<typeof FollowRequest>;

export const FollowView = Type.Object({ groupId: Slug, follow: FollowMode });
export type FollowView = Static<typeof FollowView>;

/** The hub's clock, for clients that measure their offset to it (NTP-style, over the socket). */

/** The stage commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const stageCommands = {
  /** A screen joins its group and gets the program to show. */
  'stage:watch': { request: WatchGroupRequest, reply: ScreenSnapshot },
  /** The console gets every venue, group, slot and playlist, and then every change. */
  'stage:overview': { request: OverviewRequest, reply: ConsoleSnapshot },
  'stage:prepare': { request: PrepareRequest, reply: SlotState },
  'stage:take': { request: TakeRequest, reply: SlotState },
  /** Prepare and take in one step (the console's put-on-air): the scene is stored in both slots, or in neither. */
  'stage:air': { request: PrepareRequest, reply: SlotState },
  /** One scene to many groups at once; every screen switches at the reply's switchAt (hub clock). */
  'stage:take-all': { request: TakeAllRequest, reply: TakeAllReply },
  /** A group mirrors the main stage's program, or goes back under its operator's control. */
  'stage:follow': { request: FollowRequest, reply: FollowView },
} as const satisfies CommandTable;

/** The stage events the hub sends. */
export const stageEvents = {
  /** To the group's screens and the consoles. */
  'stage:program': ProgramView,
  /** To the consoles only: screens never see what is being prepared. */
  'stage:preview': PreviewView,
  /** To every console: what the main stage shows now (sub-venue operators too). */
  'stage:main': MainStageView,
  /** To the consoles of the group's venue: a group now follows the main stage, or not. */
  'stage:follow': FollowView,
} as const satisfies EventTable;

/** The stage commands over REST, for scripts and show-control tools. */
export const stageHttp = {
  overview: httpRoute({ method: 'GET', path: '/api/stage', reply: ConsoleSnapshot }),
  prepare: httpRoute({ method: 'POST', path: '/api/groups/:groupId/prepare', params: GroupParams, body: PrepareBody, reply: SlotState }),
  take: httpRoute({ method: 'POST', path: '/api/groups/:groupId/take', params: GroupParams, body: TakeBody, reply: SlotState }),
  takeAll: httpRoute({ method: 'POST', path: '/api/stage/take-all', body: TakeAllRequest, reply: TakeAllReply }),
  follow: httpRoute({
    method: 'PUT',
    path: '/api/groups/:groupId/follow',
    params: GroupParams,
    body: Type.Object({ follow: FollowMode }, { additionalProperties: false }),
    reply: FollowView,
  }),
};
