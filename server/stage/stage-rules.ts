import type { Scene } from '../../shared/scenes.ts';
import type { GroupStage, SlotState } from '../../shared/stage.ts';
import { HubError } from '../hub-error.ts';

/** A group's two slots and the counter their revisions come from. Plain data, no I/O. */
export interface GroupState extends GroupStage {
  revision: number;
}

export const EMPTY_SLOT: SlotState = { revision: 0, scene: { kind: 'blank' }, changedAt: 0 };

export function prepareScene(state: GroupState, scene: Scene, now: number): GroupState {
  const revision = state.revision + 1;
  return { ...state, revision, preview: { revision, scene, changedAt: now } };
}

/**
 * Puts the prepared scene on air. The MC names the preview revision they looked at: if
 * someone prepared another scene since, the take is refused instead of airing it unseen.
 * The preview stays as it is, so the same scene can be taken again after a change.
 */
export function takePreview(state: GroupState, previewRevision: number, now: number): GroupState {
  if (previewRevision !== state.preview.revision) {
    throw new HubError('PREVIEW_CHANGED', `preview is at revision ${state.preview.revision}, not ${previewRevision}`);
  }
  const revision = state.revision + 1;
  return { ...state, revision, program: { revision, scene: state.preview.scene, changedAt: now } };
}

export function toGroupStage({ groupId, program, preview }: GroupState): GroupStage {
  return { groupId, program, preview };
}
