import type { Ack } from '../../../shared/ack.ts';
import { isNewerRevision } from '../../../shared/revision.ts';
import type { Scene } from '../../../shared/scenes.ts';
import type { ConsoleSnapshot, FollowMode, FollowView, GroupStage, MainStageView, SlotState, TakeAllReply } from '../../../shared/stage.ts';
import { errorMessage } from '../../../shared/errors.ts';
import type { HubConnection } from '../../../shared/client/hub-socket.svelte.ts';
import { i18n } from '../hub.svelte.ts';

const SELECTED_KEY = 'eventday.console.group';

/**
 * The console's view of every group. Snapshot on each (re)connect; broadcasts apply when newer.
 * Commands return the hub's acknowledgement so the page can say what happened.
 */
export function createConsoleState(hub: HubConnection) {
  let overview = $state.raw<ConsoleSnapshot | null>(null);
  let stages = $state<Record<string, GroupStage>>({});
  let selectedId = $state<string | null>(localStorage.getItem(SELECTED_KEY));

  /** What the main stage shows now (every console sees it, sub-venue operators too). */
  let mainStage = $state.raw<MainStageView | null>(null);

  async function loadOverview() {
    const ack = await hub.request('stage:overview', {});
    if (!ack.ok) return;
    overview = ack.data;
    mainStage = ack.data.mainStage ?? null;
    stages = Object.fromEntries(ack.data.stages.map((stage) => [stage.groupId, stage]));
    const groups = ack.data.venues.flatMap((venue) => venue.groups);
    if (!groups.some((group) => group.id === selectedId)) selectedId = groups[0]?.id ?? null;
  }
  hub.onReady((identity) => {
    if (identity.account) void loadOverview();
  });
  hub.socket.on('stage:main', (view) => {
    if (!mainStage || isNewerRevision(mainStage.program.revision, view.program.revision)) mainStage = view;
  });
  hub.socket.on('stage:follow', (view: FollowView) => {
    const stage = stages[view.groupId];
    if (stage) stage.follow = view.follow;
  });

  function applySlot(groupId: string, slotName: 'program' | 'preview', slot: SlotState) {
    const stage = stages[groupId];
    if (stage && isNewerRevision(stage[slotName].revision, slot.revision)) stage[slotName] = slot;
  }
  hub.socket.on('stage:program', (view) => applySlot(view.groupId, 'program', view.slot));
  hub.socket.on('stage:preview', (view) => applySlot(view.groupId, 'preview', view.slot));

  return {
    get status() {
      return hub.status;
    },
    get overview() {
      return overview;
    },
    get selectedId() {
      return selectedId;
    },
    get mainStage() {
      return mainStage;
    },
    /** Reads everything again (after a playlist was changed in the media tab). */
    refresh: loadOverview,
    /** One scene (this group's preview, as this console shows it) to many groups, switching together. */
    async takeAll(groupId: string, groupIds: string[]): Promise<Ack<TakeAllReply>> {
      const stage = stages[groupId];
      if (!stage) return { ok: false, code: 'UNKNOWN_GROUP', message: errorMessage('UNKNOWN_GROUP', i18n.locale) };
      const ack = await hub.request('stage:take-all', { groupId, previewRevision: stage.preview.revision, groupIds });
      if (ack.ok) for (const program of ack.data.programs) applySlot(program.groupId, 'program', program.slot);
      return ack;
    },
    async setFollow(groupId: string, follow: FollowMode): Promise<Ack<FollowView>> {
      const ack = await hub.request('stage:follow', { groupId, follow });
      if (ack.ok && stages[groupId]) stages[groupId].follow = ack.data.follow;
      return ack;
    },
    stageOf: (groupId: string): GroupStage | undefined => stages[groupId],
    playlistOf: (scene: Scene) => (scene.kind === 'loop' ? (overview?.playlists.find((list) => list.id === scene.playlistId) ?? null) : null),
    select(groupId: string) {
      selectedId = groupId;
      localStorage.setItem(SELECTED_KEY, groupId);
    },
    async prepare(groupId: string, scene: Scene): Promise<Ack<SlotState>> {
      const ack = await hub.request('stage:prepare', { groupId, scene });
      if (ack.ok) applySlot(groupId, 'preview', ack.data);
      return ack;
    },
    /**
     * Prepare and take in one step on the hub (stage:air), from a desk whose own monitor the MC
     * looked at (live quiz, ceremony): stored in both slots or in neither; the preview arrives
     * with the broadcast to consoles.
     */
    async putOnAir(groupId: string, scene: Scene): Promise<Ack<SlotState>> {
      const ack = await hub.request('stage:air', { groupId, scene });
      if (ack.ok) applySlot(groupId, 'program', ack.data);
      return ack;
    },
    /** Every display group, with its venue's name in the console's language. */
    get groups() {
      return (overview?.venues ?? []).flatMap((venue) => venue.groups.map((group) => ({ ...group, venueName: i18n.nameOf(venue) })));
    },
    /** The groups whose program shows a scene like this now. */
    groupsShowing(matches: (scene: Scene) => boolean) {
      return this.groups.filter((group) => {
        const scene = stages[group.id]?.program.scene;
        return scene ? matches(scene) : false;
      });
    },
    /** Takes the preview this console shows: if another MC changed it meanwhile, the hub refuses. */
    async take(groupId: string): Promise<Ack<SlotState>> {
      const stage = stages[groupId];
      if (!stage) return { ok: false, code: 'UNKNOWN_GROUP', message: errorMessage('UNKNOWN_GROUP', i18n.locale) };
      const ack = await hub.request('stage:take', { groupId, previewRevision: stage.preview.revision });
      if (ack.ok) applySlot(groupId, 'program', ack.data);
      return ack;
    },
  };
}

export type ConsoleState = ReturnType<typeof createConsoleState>;
