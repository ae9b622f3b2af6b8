import type { Scene } from '../../shared/scenes.ts';
import type { FollowMode, GroupStage, SlotState } from '../../shared/stage.ts';
import { HubError } from '../hub-error.ts';

/** A group's two slots, the counter their revisions come from, whom it follows and its venue. Plain data, no I/O. */
export interface GroupState extends GroupStage {
  venueId: string;
  revision: number;
  follow: FollowMode;
}

export const EMPTY_SLOT: SlotState = { revision: 0, scene: { kind: 'blank' }, changedAt: 0 };

/**
 * How far ahead a take that changes several groups (take-all, or a main stage with followers)
 * sets its switch time: long enough for the broadcast to reach a far hall on a slow link, short
 * enough that the MC does not wait. Screens that get it late switch at once.
 */
export const TAKE_LEAD_MS = 1500;

export function prepareScene(state: GroupState, scene: Scene, now: number): GroupState {
  const revision = state.revision + 1;
  return { ...state, revision, preview: { revision, scene, changedAt: now } };
}

/** Puts a scene on air in a group: its screens switch at `switchAt` (hub clock), and a loop counts from it. */
export function putOnAir(state: GroupState, scene: Scene, now: number, switchAt: number): GroupState {
  const revision = state.revision + 1;
  return { ...state, revision, program: { revision, scene, changedAt: now, switchAt } };
}

/**
 * Puts the prepared scene on air. The MC names the preview revision they looked at: if
 * someone prepared another scene since, the take is refused instead of airing it unseen.
 * The preview stays as it is, so the same scene can be taken again after a change.
 * A group that follows the main stage takes nothing of its own until it is switched back.
 */
export function takePreview(state: GroupState, previewRevision: number, now: number, switchAt = now): GroupState {
  checkPreview(state, previewRevision);
  if (state.follow === 'main') throw new HubError('STAGE_FOLLOWING', `group "${state.groupId}" follows the main stage`);
  return putOnAir(state, state.preview.scene, now, switchAt);
}

export function checkPreview(state: GroupState, previewRevision: number): void {
  if (previewRevision !== state.preview.revision) {
    throw new HubError('PREVIEW_CHANGED', `preview is at revision ${state.preview.revision}, not ${previewRevision}`);
  }
}

/**
 * A follower shows the main stage's program as its own slot, with its own revision (its screens
 * compare revisions of their group only), switching when the main stage does and counting a loop
 * from the same moment, so the halls stay in step.
 */
export function mirrorProgram(follower: GroupState, main: SlotState, now: number): GroupState {
  return putOnAir(follower, main.scene, now, main.switchAt ?? main.changedAt);
}

/** When screens switch to a new program: now for one group, a moment ahead when several must switch together. */
export const switchTimeFor = (groupsChanging: number, now: number): number => (groupsChanging > 1 ? now + TAKE_LEAD_MS : now);

export function checkFollow(groupId: string, mainGroupId: string | undefined, follow: FollowMode): void {
  if (follow === 'main' && groupId === mainGroupId) throw new HubError('STAGE_FOLLOW_SELF', groupId);
}

export function toGroupStage({ groupId, program, preview, follow }: GroupState): GroupStage {
  return { groupId, program, preview, follow };
}
