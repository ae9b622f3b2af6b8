import { tick } from 'svelte';
import { keepPairingCode } from '../../../shared/client/pairing.svelte.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { isNewerRevision } from '../../../shared/revision.ts';
import type { ProgramView, ScreenSnapshot } from '../../../shared/stage.ts';
import { createLeaderboardFollower, createLiveFollower, createStatsFollower } from '../stats-follower.svelte.ts';
import { connect } from '../hub.svelte.ts';

/**
 * A big screen's state. A paired screen shows its own group (the hub assigned it); staff who
 * open a screen address see that group; anyone else gets a pairing code. On every (re)connect
 * the snapshot is the truth (even after the hub's store was reset); broadcasts in between
 * apply only when newer than what is shown.
 */
export function createScreen(urlGroupId: string) {
  const hub = connect('screen');
  const pairing = keepPairingCode(hub, 'screen');
  let snapshot = $state.raw<ScreenSnapshot | null>(null);
  let program = $state.raw<ProgramView | null>(null);
  let refusal = $state<ErrorCode | null>(null);
  let groupId = $state(urlGroupId);
  /** When the shown revision reached the page: read by tests, and later by the screens' health view. */
  let shownAt = $state(0);
  const figures = createStatsFollower(hub);
  const board = createLeaderboardFollower(hub);
  const live = createLiveFollower(hub);

  /**
   * A `stats` or `leaderboard` scene needs the day's figures, a `quiz` scene its session: ask once
   * it is on screen (and after every reconnect), then follow the updates.
   */
  async function followStats() {
    const scene = program?.slot.scene;
    if (scene?.kind === 'stats') await figures.watch();
    if (scene?.kind === 'leaderboard') await board.watch();
    if (scene?.kind === 'quiz') await live.watch(scene.sessionId);
    else if (live.sessionId) live.forget();
  }

  async function show(view: ProgramView) {
    program = view;
    void followStats();
    await tick();
    shownAt = Date.now();
  }

  hub.onReady(async (identity) => {
    if (identity.principal === 'visitor') return;
    if (identity.device?.groupId && identity.device.groupId !== groupId) {
      // The address follows the group the hub gave this screen.
      groupId = identity.device.groupId;
      history.replaceState(null, '', `/display/screen/${encodeURIComponent(groupId)}`);
    }
    const ack = await hub.request('stage:watch', { groupId });
    if (!ack.ok) {
      refusal = ack.code;
      return;
    }
    refusal = null;
    snapshot = ack.data;
    if (program?.slot.revision !== ack.data.program.slot.revision || program.groupId !== groupId) await show(ack.data.program);
    else void followStats();
  });

  hub.socket.on('stage:program', (view) => {
    if (view.groupId === groupId && isNewerRevision(program?.slot.revision, view.slot.revision)) void show(view);
  });

  return {
    get status() {
      return hub.status;
    },
    /** Unpaired: only the pairing code is shown, never a scene. */
    get unpaired() {
      return hub.identity?.principal === 'visitor';
    },
    pairing,
    get groupId() {
      return groupId;
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
    get stats() {
      return figures.current;
    },
    get leaderboard() {
      return board.current;
    },
    /** The live quiz session a `quiz` scene shows, with the hub's clock offset. */
    get quiz() {
      return live.current;
    },
    /** Why the quiz scene's session could not be followed (an unknown session id), else null. */
    get quizProblem() {
      return live.problem;
    },
  };
}

export type ScreenState = ReturnType<typeof createScreen>;
