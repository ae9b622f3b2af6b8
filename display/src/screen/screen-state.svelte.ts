import { tick } from 'svelte';
import { keepPairingCode } from '../../../shared/client/pairing.svelte.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { isNewerRevision } from '../../../shared/revision.ts';
import type { ProgramView, ScreenSnapshot } from '../../../shared/stage.ts';
import { createLeaderboardFollower, createLiveFollower, createStatsFollower } from '../stats-follower.svelte.ts';
import { createProgrammeFollower } from '../stats-follower.svelte.ts';
import { createAwardsFollower, createDrawFollower } from '../stats-follower.svelte.ts';
import { connect } from '../hub.svelte.ts';
import { followDeviceDuties } from '../../../shared/client/device-duties.svelte.ts';
import { createHubClock } from '../../../shared/client/hub-clock.svelte.ts';
import { registerScreenWorker } from './offline-cache.ts';
import { createSwitchTimer } from './switch-timer.ts';
import { keepLastProgram, restoreLastProgram } from './last-program.ts';

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
  const programme = createProgrammeFollower(hub);
  const draw = createDrawFollower(hub);
  const awards = createAwardsFollower(hub);
  // Emergency notice (above every scene), heartbeat, reload and identify: shared with kiosks.
  const duties = followDeviceDuties(hub, () => ({ scene: program?.slot.scene.kind ?? 'none', revision: program?.slot.revision ?? null, outboxSize: 0 }));
  // Offline and in step: the offline cache, the hub's clock, programs held to their switch time,
  // and the last scene put up again after a restart while the hub is away.
  registerScreenWorker();
  const clock = createHubClock(hub);
  const switches = createSwitchTimer<ProgramView>(clock.now, (view) => void show(view), () => clock.synced);
  const kept = restoreLastProgram(urlGroupId);
  if (kept) ({ snapshot, program } = kept);

  /**
   * A `stats` or `leaderboard` scene needs the day's figures, a `quiz` scene its session: ask once
   * it is on screen (and after every reconnect), then follow the updates.
   */
  async function followStats() {
    const scene = program?.slot.scene;
    if (scene?.kind === 'stats') await figures.watch();
    if (scene?.kind === 'leaderboard') await board.watch();
    if (scene?.kind === 'quiz') await live.watch(scene.sessionId);
    else if (live.key) live.forget();
    // A `program` scene shows now and next (a `countdown` needs only the hub's clock).
    if (scene?.kind === 'program') await programme.watch();
    // A `draw` scene follows its draw (masked names), an `awards` scene the ceremony (revealed winners only).
    if (scene?.kind === 'draw') await draw.watch(scene.drawId);
    else if (draw.key) draw.forget();
    if (scene?.kind === 'awards') await awards.watch();
  }

  async function show(view: ProgramView) {
    program = view;
    keepLastProgram(groupId, snapshot, view);
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
    if (program?.slot.revision !== ack.data.program.slot.revision || program.groupId !== groupId) switches.offer(ack.data.program, program?.groupId !== groupId);
    else void followStats();
  });

  hub.socket.on('stage:program', (view) => {
    if (view.groupId === groupId && isNewerRevision(program?.slot.revision, view.slot.revision)) switches.offer(view);
  });

  return {
    duties,
    /** The hub's clock (loops and takes start on it). */
    clock,
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
    /** Now and next of the running order (`program` scene). */
    get programme() {
      return programme.current;
    },
    /** The draw a `draw` scene shows (masked), with the hub's clock offset; why it could not be followed. */
    get draw() {
      return draw.current;
    },
    get drawProblem() {
      return draw.problem;
    },
    /** The award ceremony an `awards` scene shows: only what has been revealed. */
    get awards() {
      return awards.current;
    },
  };
}

export type ScreenState = ReturnType<typeof createScreen>;
