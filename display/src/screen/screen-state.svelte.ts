import { tick } from 'svelte';
import { keepPairingCode } from '../../../shared/client/pairing.svelte.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { isNewerRevision } from '../../../shared/revision.ts';
import type { ProgramView, ScreenSnapshot } from '../../../shared/stage.ts';
import { createFeed } from '../../../shared/client/feed.svelte.ts';
import { SCENES } from '../scenes/registry.ts';
import type { SceneEntry } from '../scenes/scene-entry.ts';
import type { Scene } from '../../../shared/scenes.ts';
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
  // The data the scene on air follows (its registry entry says which), one feed at a time.
  const feed = createFeed<unknown>(hub);
  // Emergency notice (above every scene), heartbeat, reload and identify: shared with kiosks.
  const duties = followDeviceDuties(hub, () => ({ scene: program?.slot.scene.kind ?? 'none', revision: program?.slot.revision ?? null, outboxSize: 0 }));
  // Offline and in step: the offline cache, the hub's clock, programs held to their switch time,
  // and the last scene put up again after a restart while the hub is away.
  registerScreenWorker();
  const clock = createHubClock(hub);
  const switches = createSwitchTimer<ProgramView>(
    clock.now,
    (view) => void show(view),
    () => clock.synced,
  );
  const kept = restoreLastProgram(urlGroupId);
  if (kept) ({ snapshot, program } = kept);

  /** The feed the scene on air needs: asked once it is on screen (and after every reconnect), then followed. */
  function followScene() {
    const scene = program?.slot.scene;
    void feed.watch(scene ? ((SCENES[scene.kind] as SceneEntry<Scene['kind']>).feed?.(scene) ?? null) : null);
  }

  async function show(view: ProgramView) {
    program = view;
    keepLastProgram(groupId, snapshot, view);
    followScene();
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
    if (program?.slot.revision !== ack.data.program.slot.revision || program.groupId !== groupId)
      switches.offer(ack.data.program, program?.groupId !== groupId);
    else followScene();
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
    /** The data the scene on air follows, and why the hub refused it (an unknown session or draw). */
    get feed() {
      return feed.current;
    },
    get feedProblem() {
      return feed.problem;
    },
  };
}

export type ScreenState = ReturnType<typeof createScreen>;
