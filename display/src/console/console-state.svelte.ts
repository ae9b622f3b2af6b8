import type { Ack } from '../../../shared/ack.ts';
import { isNewerRevision } from '../../../shared/revision.ts';
import type { Scene } from '../../../shared/scenes.ts';
import type { ConsoleSnapshot, GroupStage, SlotState } from '../../../shared/stage.ts';
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

  hub.onReady(async (identity) => {
    if (!identity.account) return;
    const ack = await hub.request('stage:overview', {});
    if (!ack.ok) return;
    overview = ack.data;
    stages = Object.fromEntries(ack.data.stages.map((stage) => [stage.groupId, stage]));
    const groups = ack.data.venues.flatMap((venue) => venue.groups);
    if (!groups.some((group) => group.id === selectedId)) selectedId = groups[0]?.id ?? null;
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
    stageOf: (groupId: string): GroupStage | undefined => stages[groupId],
    playlistOf: (scene: Scene) =>
      scene.kind === 'loop' ? (overview?.playlists.find((list) => list.id === scene.playlistId) ?? null) : null,
    select(groupId: string) {
      selectedId = groupId;
      localStorage.setItem(SELECTED_KEY, groupId);
    },
    async prepare(groupId: string, scene: Scene): Promise<Ack<SlotState>> {
      const ack = await hub.request('stage:prepare', { groupId, scene });
      if (ack.ok) applySlot(groupId, 'preview', ack.data);
      return ack;
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
