import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { Scene } from './scenes.ts';
import { Playlist } from './media.ts';
import { DisplayGroup, Venue } from './venues.ts';

/**
 * One slot of a display group (program = on air, preview = prepared). The revision comes
 * from one counter per group: a client ignores any slot older than the one it shows.
 */
export const SlotState = Type.Object({
  revision: Type.Integer({ minimum: 0 }),
  scene: Scene,
  changedAt: Type.Integer(),
});
export type SlotState = Static<typeof SlotState>;

export const GroupStage = Type.Object({ groupId: Slug, program: SlotState, preview: SlotState });
export type GroupStage = Static<typeof GroupStage>;

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
});
export type ConsoleSnapshot = Static<typeof ConsoleSnapshot>;

// Commands
export const WatchGroupRequest = Type.Object({ groupId: Slug }, { additionalProperties: false });
export type WatchGroupRequest = Static<typeof WatchGroupRequest>;

export const OverviewRequest = Type.Object({}, { additionalProperties: false });

export const PrepareRequest = Type.Object({ groupId: Slug, scene: Scene }, { additionalProperties: false });
export type PrepareRequest = Static<typeof PrepareRequest>;

/** The take names the preview the MC saw, so a preview changed by someone else is never put on air blind. */
export const TakeRequest = Type.Object(
  { groupId: Slug, previewRevision: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type TakeRequest = Static<typeof TakeRequest>;
