import type { Db } from '../store/database.ts';
import type { Scene } from '../../shared/scenes.ts';
import type { ConsoleSnapshot, PrepareRequest, PreviewView, ProgramView, ScreenSnapshot, SlotState, TakeRequest } from '../../shared/stage.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { findPlaylist, listPlaylists } from '../media/playlist-queries.ts';
import { findGroup, listVenues } from '../venues/venue-queries.ts';
import { listGroupStates, loadGroupState, saveSlot } from './stage-queries.ts';
import { prepareScene, takePreview, toGroupStage, type GroupState } from './stage-rules.ts';

/** Where stage changes go once stored: the group's screens and the consoles of its venue. */
export interface StageBroadcaster {
  program(view: ProgramView, venueId: string): void;
  preview(view: PreviewView, venueId: string): void;
}

export interface StageService {
  screenSnapshot(groupId: string): ScreenSnapshot;
  /** Only the venues given (null: all). */
  overview(venueIds: string[] | null): ConsoleSnapshot;
  prepare(request: PrepareRequest, actor: Actor): SlotState;
  take(request: TakeRequest, actor: Actor): SlotState;
}

/** The stage domain: decide (stage-rules), store (stage-queries), then broadcast. */
export function createStageService(db: Db, broadcast: StageBroadcaster, kioskUrl: () => string, now = Date.now): StageService {
  function venueOf(groupId: string): string {
    const group = findGroup(db, groupId);
    if (!group) throw new HubError('UNKNOWN_GROUP', `no display group "${groupId}"`);
    return group.venueId;
  }

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

    overview(venueIds) {
      const venues = listVenues(db).filter((venue) => venueIds === null || venueIds.includes(venue.id));
      const groupIds = new Set(venues.flatMap((venue) => venue.groups.map((group) => group.id)));
      return {
        venues,
        stages: listGroupStates(db).filter((state) => groupIds.has(state.groupId)).map(toGroupStage),
        playlists: listPlaylists(db),
        kioskUrl: kioskUrl(),
      };
    },

    prepare({ groupId, scene }, actor) {
      const state = stateOf(groupId);
      checkReferences(scene);
      const next = prepareScene(state, scene, now());
      db.transaction(() => {
        saveSlot(db, groupId, 'preview', next.preview);
        recordAudit(db, actor, 'stage:prepare', `group:${groupId}`, { revision: next.preview.revision, scene });
      })();
      broadcast.preview({ groupId, slot: next.preview }, venueOf(groupId));
      return next.preview;
    },

    take({ groupId, previewRevision }, actor) {
      const next = takePreview(stateOf(groupId), previewRevision, now());
      checkReferences(next.program.scene);
      db.transaction(() => {
        saveSlot(db, groupId, 'program', next.program);
        recordAudit(db, actor, 'stage:take', `group:${groupId}`, { revision: next.program.revision, scene: next.program.scene });
      })();
      broadcast.program(programView(next), venueOf(groupId));
      return next.program;
    },
  };
}
