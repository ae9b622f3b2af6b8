import type { Db } from '../store/database.ts';
import type { Scene } from '../../shared/scenes.ts';
import type {
  ConsoleSnapshot,
  FollowRequest,
  FollowView,
  MainStageView,
  PrepareRequest,
  PreviewView,
  ProgramView,
  ScreenSnapshot,
  SlotState,
  TakeAllReply,
  TakeAllRequest,
  TakeRequest,
} from '../../shared/stage.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { findPlaylist, listPlaylists } from '../media/playlist-queries.ts';
import { findGroup, listVenues } from '../venues/venue-queries.ts';
import { followersOfMain, listGroupStates, loadGroupState, mainStageGroupId, saveSlot, setFollow } from './stage-queries.ts';
import {
  checkFollow,
  checkPreview,
  mirrorProgram,
  prepareScene,
  putOnAir,
  switchTimeFor,
  TAKE_LEAD_MS,
  takePreview,
  toGroupStage,
  type GroupState,
} from './stage-rules.ts';

/** Where stage changes go once stored: the group's screens and the consoles of its venue. */
export interface StageBroadcaster {
  program(view: ProgramView, venueId: string): void;
  preview(view: PreviewView, venueId: string): void;
  /** What the main stage shows now, to every console (sub-venue operators follow it). */
  main(view: MainStageView): void;
  follow(view: FollowView, venueId: string): void;
}

export interface StageService {
  screenSnapshot(groupId: string): ScreenSnapshot;
  /** Only the venues given (null: all). */
  overview(venueIds: string[] | null): ConsoleSnapshot;
  prepare(request: PrepareRequest, actor: Actor): SlotState;
  take(request: TakeRequest, actor: Actor): SlotState;
  /** Prepare and take in one step (the console's put-on-air): both stored, or neither. */
  air(request: PrepareRequest, actor: Actor): SlotState;
  /** One scene on air in many groups, every screen switching at the same moment. */
  takeAll(request: TakeAllRequest, actor: Actor): TakeAllReply;
  follow(request: FollowRequest, actor: Actor): FollowView;
}

/**
 * The stage domain: decide (stage-rules), store (stage-queries), then broadcast (sent once the
 * outermost transaction commits: a take inside the running order's advance waits for it).
 */
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

  const playlistOf = (scene: Scene) => (scene.kind === 'loop' ? (findPlaylist(db, scene.playlistId) ?? null) : null);

  function programView(state: GroupState): ProgramView {
    return { groupId: state.groupId, slot: state.program, playlist: playlistOf(state.program.scene) };
  }

  function mainView(mainId = mainStageGroupId(db), program = mainId ? stateOf(mainId).program : undefined): MainStageView | undefined {
    const group = mainId ? findGroup(db, mainId) : undefined;
    if (!mainId || !group || !program) return undefined;
    return { groupId: mainId, name: group.name, nameEn: group.nameEn, program, playlist: playlistOf(program.scene) };
  }

  /**
   * Stores new programs (with their audit line) in one transaction and tells every screen and
   * console. The main stage's followers get its new program as their own.
   */
  function onAir(states: GroupState[], audit: () => void, mainId = mainStageGroupId(db)): void {
    db.transaction(() => {
      for (const state of states) {
        saveSlot(db, state.groupId, 'program', state.program);
        broadcast.program(programView(state), state.venueId);
        if (state.groupId === mainId) broadcast.main(mainView(mainId, state.program)!);
      }
      audit();
    })();
  }

  /** The groups that mirror `groupId` when it changes (only the main stage has followers). */
  const followersOf = (groupId: string, mainId = mainStageGroupId(db)): GroupState[] => (groupId === mainId ? followersOfMain(db, groupId).map(stateOf) : []);

  function prepare({ groupId, scene }: PrepareRequest, actor: Actor): SlotState {
    const state = stateOf(groupId);
    checkReferences(scene);
    const next = prepareScene(state, scene, now());
    db.transaction(() => {
      saveSlot(db, groupId, 'preview', next.preview);
      recordAudit(db, actor, 'stage:prepare', `group:${groupId}`, { revision: next.preview.revision, scene });
      broadcast.preview({ groupId, slot: next.preview }, state.venueId);
    })();
    return next.preview;
  }

  function take({ groupId, previewRevision }: TakeRequest, actor: Actor): SlotState {
    const at = now();
    const mainId = mainStageGroupId(db);
    const followers = followersOf(groupId, mainId);
    const next = takePreview(stateOf(groupId), previewRevision, at, switchTimeFor(1 + followers.length, at));
    checkReferences(next.program.scene);
    const mirrors = followers.map((follower) => mirrorProgram(follower, next.program, at));
    onAir(
      [next, ...mirrors],
      () =>
        recordAudit(db, actor, 'stage:take', `group:${groupId}`, {
          revision: next.program.revision,
          scene: next.program.scene,
          ...(mirrors.length ? { followers: mirrors.map((state) => state.groupId), switchAt: next.program.switchAt } : {}),
        }),
      mainId,
    );
    return next.program;
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
      const main = mainView();
      return {
        venues,
        stages: listGroupStates(db)
          .filter((state) => groupIds.has(state.groupId))
          .map(toGroupStage),
        playlists: listPlaylists(db),
        kioskUrl: kioskUrl(),
        ...(main ? { mainStage: main } : {}),
      };
    },

    prepare,
    take,
    air(request, actor) {
      return db.transaction(() => {
        const prepared = prepare(request, actor);
        return take({ groupId: request.groupId, previewRevision: prepared.revision }, actor);
      })();
    },

    takeAll({ groupId, previewRevision, groupIds }, actor) {
      const source = stateOf(groupId);
      checkPreview(source, previewRevision);
      const scene = source.preview.scene;
      checkReferences(scene);
      // Every group is checked before anything is stored: an unknown one changes nothing.
      const targets = groupIds.map(stateOf);
      const mainId = mainStageGroupId(db);
      if (mainId && groupIds.includes(mainId)) targets.push(...followersOf(mainId).filter((follower) => !groupIds.includes(follower.groupId)));
      const at = now();
      const switchAt = at + TAKE_LEAD_MS;
      const aired = targets.map((state) => putOnAir(state, scene, at, switchAt));
      onAir(
        aired,
        () => recordAudit(db, actor, 'stage:take-all', `group:${groupId}`, { groups: aired.map((state) => state.groupId), scene, switchAt, previewRevision }),
        mainId,
      );
      return { switchAt, programs: aired.map((state) => ({ groupId: state.groupId, slot: state.program })) };
    },

    follow({ groupId, follow }, actor) {
      const state = stateOf(groupId);
      const mainId = mainStageGroupId(db);
      checkFollow(groupId, mainId, follow);
      if (state.follow === follow) return { groupId, follow };
      const mirrored = follow === 'main' && mainId ? mirrorProgram({ ...state, follow }, stateOf(mainId).program, now()) : undefined;
      db.transaction(() => {
        setFollow(db, groupId, follow);
        if (mirrored) saveSlot(db, groupId, 'program', mirrored.program);
        recordAudit(db, actor, 'stage:follow', `group:${groupId}`, { follow });
        broadcast.follow({ groupId, follow }, state.venueId);
        if (mirrored) broadcast.program(programView(mirrored), state.venueId);
      })();
      return { groupId, follow };
    },
  };
}
