import type { Db } from '../store/database.ts';
import type { Scene } from '../../shared/scenes.ts';
import type { ConsoleSnapshot, PrepareRequest, PreviewView, ProgramView, ScreenSnapshot, SlotState, TakeRequest } from '../../shared/stage.ts';
import { HubError } from '../hub-error.ts';
import { findPlaylist, listPlaylists } from '../media/playlist-queries.ts';
import { findGroup, listVenues } from '../venues/venue-queries.ts';
import { listGroupStates, loadGroupState, saveSlot } from './stage-queries.ts';
import { prepareScene, takePreview, toGroupStage, type GroupState } from './stage-rules.ts';

/** Where stage changes go once stored: the group's screens and the consoles. */
export interface StageBroadcaster {
  program(view: ProgramView): void;
  preview(view: PreviewView): void;
}

export interface StageService {
  screenSnapshot(groupId: string): ScreenSnapshot;
  overview(): ConsoleSnapshot;
  prepare(request: PrepareRequest): SlotState;
  take(request: TakeRequest): SlotState;
}

/** The stage domain: decide (stage-rules), store (stage-queries), then broadcast. */
export function createStageService(db: Db, broadcast: StageBroadcaster, kioskUrl: () => string, now = Date.now): StageService {
  function stateOf(groupId: string): GroupState {
    const state = loadGroupState(db, groupId);
    if (!state) throw new HubError('UNKNOWN_GROUP', `no display group "${groupId}"`);
    return state;
  }

  function checkReferences(scene: Scene): void {
    if (scene.kind === 'loop' && !findPlaylist(db, scene.playlistId)) {
      throw new HubError('UNKNOWN_PLAYLIST', `no playlist "${scene.playlistId}"`);
    }
  }

  function programView(state: GroupState): ProgramView {
    const scene = state.program.scene;
    const playlist = scene.kind === 'loop' ? (findPlaylist(db, scene.playlistId) ?? null) : null;
    return { groupId: state.groupId, slot: state.program, playlist };
  }

  return {
    screenSnapshot(groupId) {
      const group = findGroup(db, groupId);
      if (!group) throw new HubError('UNKNOWN_GROUP', `no display group "${groupId}"`);
      const { venueName, ...displayGroup } = group;
      return { group: displayGroup, venueName, program: programView(stateOf(groupId)), kioskUrl: kioskUrl() };
    },

    overview() {
      return {
        venues: listVenues(db),
        stages: listGroupStates(db).map(toGroupStage),
        playlists: listPlaylists(db),
        kioskUrl: kioskUrl(),
      };
    },

    prepare({ groupId, scene }) {
      const state = stateOf(groupId);
      checkReferences(scene);
      const next = prepareScene(state, scene, now());
      saveSlot(db, groupId, 'preview', next.preview);
      broadcast.preview({ groupId, slot: next.preview });
      return next.preview;
    },

    take({ groupId, previewRevision }) {
      const next = takePreview(stateOf(groupId), previewRevision, now());
      checkReferences(next.program.scene);
      saveSlot(db, groupId, 'program', next.program);
      broadcast.program(programView(next));
      return next.program;
    },
  };
}
