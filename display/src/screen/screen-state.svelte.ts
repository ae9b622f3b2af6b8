import { tick } from 'svelte';
import type { ErrorCode } from '../../../shared/errors.ts';
import { isNewerRevision } from '../../../shared/revision.ts';
import type { ProgramView, ScreenSnapshot } from '../../../shared/stage.ts';
import { connect } from '../hub.svelte.ts';

/**
 * A big screen's state: the program of its group. On every (re)connect it asks for a
 * snapshot, which is the truth (even after the hub's store was reset); broadcasts in
 * between apply only when newer than what is shown.
 */
export function watchGroup(groupId: string) {
  const hub = connect('screen');
  let snapshot = $state.raw<ScreenSnapshot | null>(null);
  let program = $state.raw<ProgramView | null>(null);
  let refusal = $state<ErrorCode | null>(null);
  /** When the shown revision reached the page: read by the console's health view and by tests. */
  let shownAt = $state(0);

  async function show(view: ProgramView) {
    program = view;
    await tick();
    shownAt = Date.now();
  }

  hub.onConnect(async () => {
    const ack = await hub.request('stage:watch', { groupId });
    if (!ack.ok) {
      refusal = ack.code;
      return;
    }
    refusal = null;
    snapshot = ack.data;
    if (program?.slot.revision !== ack.data.program.slot.revision) await show(ack.data.program);
  });

  hub.socket.on('stage:program', (view) => {
    if (view.groupId === groupId && isNewerRevision(program?.slot.revision, view.slot.revision)) void show(view);
  });

  return {
    get status() {
      return hub.status;
    },
    get snapshot() {
      return snapshot;
    },
    get program() {
      return program;
    },
    get refusal() {
      return refusal;
    },
    get shownAt() {
      return shownAt;
    },
  };
}

export type ScreenState = ReturnType<typeof watchGroup>;
