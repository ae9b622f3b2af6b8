import type { HubConnection } from '../../shared/client/hub-socket.svelte.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import type { Leaderboard } from '../../shared/quiz.ts';
import type { LiveState } from '../../shared/live.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Ack } from '../../shared/ack.ts';
import type { ProgrammeBoard } from '../../shared/programme.ts';
import type { DrawScreenState } from '../../shared/draw.ts';
import type { AwardsState } from '../../shared/awards.ts';

interface DayFigures {
  day: string;
  revision: number;
}

/**
 * A day's figures followed live: a snapshot when asked (a `stats` or `leaderboard` scene, the
 * console's tabs), then every newer update. A new day's figures replace the old whatever their revision.
 */
function createFollower<T extends DayFigures>(hub: HubConnection, command: 'stats:watch' | 'leaderboard:watch', event: 'stats:update' | 'leaderboard:update') {
  let figures = $state.raw<T | null>(null);
  (hub.socket as unknown as { on(event: string, listener: (update: T) => void): void }).on(event, (update) => {
    if (!figures || update.revision >= figures.revision || update.day !== figures.day) figures = update;
  });
  return {
    get current() {
      return figures;
    },
    async watch() {
      const ack = await hub.request(command, {});
      if (ack.ok) figures = ack.data as unknown as T;
    },
  };
}

export const createStatsFollower = (hub: HubConnection) => createFollower<StatsSnapshot>(hub, 'stats:watch', 'stats:update');
export const createLeaderboardFollower = (hub: HubConnection) => createFollower<Leaderboard>(hub, 'leaderboard:watch', 'leaderboard:update');
export type StatsFollower = ReturnType<typeof createStatsFollower>;
export type LeaderboardFollower = ReturnType<typeof createLeaderboardFollower>;

/** Hub state as a page shows it, with the hub's clock offset at its receipt. */
export interface HubView<S> {
  state: S;
  /** The hub's clock minus this page's, when the state arrived: a countdown uses `Date.now() + offset`. */
  offset: number;
}
/** A live quiz session as followed by a screen or the console. */
export type LiveView = HubView<LiveState>;

/**
 * One keyed piece of hub state followed (a live session, a draw): `watch(id)` joins its room and
 * returns its state; then every broadcast for that id at least as new as the one shown (arrivals
 * and a turning join code keep the revision). Watch again after each reconnect.
 */
function createKeyedFollower<S extends { revision: number; serverNow: number }>(
  hub: HubConnection,
  event: 'live:state' | 'draw:state',
  keyOf: (state: S) => string,
  ask: (id: string) => Promise<Ack<S>>,
) {
  let view = $state.raw<HubView<S> | null>(null);
  let key = $state<string | null>(null);
  let problem = $state<ErrorCode | null>(null);
  const socket = hub.socket as unknown as { on(event: string, listener: (state: S) => void): void; off(event: string, listener: (state: S) => void): void };

  function apply(state: S) {
    if (keyOf(state) !== key) return;
    const shown = view && keyOf(view.state) === key ? view.state : null;
    if (shown && state.revision < shown.revision) return;
    view = { state, offset: state.serverNow - Date.now() };
  }
  socket.on(event, apply);

  return {
    get current() {
      return view && keyOf(view.state) === key ? view : null;
    },
    get key() {
      return key;
    },
    /** Why the last watch failed (an unknown id), else null. */
    get problem() {
      return problem;
    },
    async watch(id: string) {
      key = id;
      const ack = await ask(id);
      if (key !== id) return;
      problem = ack.ok ? null : ack.code;
      if (ack.ok) apply(ack.data);
    },
    /** A state the page got as a reply (create, control): followed from now on, applied like a broadcast. */
    adopt(state: S) {
      if (key !== keyOf(state)) problem = null;
      key = keyOf(state);
      apply(state);
    },
    /** Changes the shown state in place (a count between states); the offset stays. */
    patch(change: (shown: S) => S) {
      if (view) view = { state: change(view.state), offset: view.offset };
    },
    forget() {
      key = null;
      view = null;
      problem = null;
    },
    /** Stops listening (a console panel that is closed). */
    stop() {
      socket.off(event, apply);
    },
  };
}

/** One live quiz session followed (its id is `key`), and every 'live:count' of its open question. */
export function createLiveFollower(hub: HubConnection) {
  const session = createKeyedFollower<LiveState>(hub, 'live:state', (state) => state.sessionId, (sessionId) => hub.request('live:watch', { sessionId }));
  const onCount = (count: { sessionId: string; index: number; answered: number; players: number }) =>
    session.patch((shown) => (count.sessionId === shown.sessionId && count.index === shown.index ? { ...shown, answered: count.answered, players: count.players } : shown));
  hub.socket.on('live:count', onCount);
  const stopSession = session.stop;
  // The keyed follower itself (its getters stay live), stopping the count listener too.
  return Object.assign(session, {
    stop() {
      stopSession();
      hub.socket.off('live:count', onCount);
    },
  });
}
export type LiveFollower = ReturnType<typeof createLiveFollower>;

// --- running order (programme) ---
/** Now and next as a `program` screen shows them, with the hub's clock offset at their receipt. */
export interface ProgrammeView {
  board: ProgrammeBoard;
  /** The hub's clock minus this page's when the board arrived (used where no hub clock is at hand). */
  offset: number;
}

/**
 * The running order followed by a screen: 'programme:watch' gives the board (the truth, after
 * every reconnect), then every 'programme:board' at least as new.
 */
export function createProgrammeFollower(hub: HubConnection) {
  let view = $state.raw<ProgrammeView | null>(null);
  const apply = (board: ProgrammeBoard) => (view = { board, offset: board.serverNow - Date.now() });
  hub.socket.on('programme:board', (board) => {
    if (!view || board.revision >= view.board.revision) apply(board);
  });
  return {
    get current() {
      return view;
    },
    async watch() {
      const ack = await hub.request('programme:watch', {});
      if (ack.ok) apply(ack.data);
    },
  };
}
// --- end running order ---

// --- prize draw and award ceremony ---
/** A draw as a screen follows it, with the hub's clock offset (the winners land at times the hub set). */
export type DrawView = HubView<DrawScreenState>;

/** One draw followed (its id is `key`): its masked state, then every newer one. */
export const createDrawFollower = (hub: HubConnection) =>
  createKeyedFollower<DrawScreenState>(hub, 'draw:state', (state) => state.drawId, (drawId) => hub.request('draw:watch', { drawId }));
export type DrawFollower = ReturnType<typeof createDrawFollower>;

/** The award ceremony followed: its state (revealed winners only) now, then every newer one. */
export function createAwardsFollower(hub: HubConnection) {
  let state = $state.raw<AwardsState | null>(null);
  const apply = (next: AwardsState) => {
    if (!state || next.revision >= state.revision) state = next;
  };
  hub.socket.on('awards:state', apply);
  return {
    get current() {
      return state;
    },
    async watch() {
      const ack = await hub.request('awards:watch', {});
      if (ack.ok) apply(ack.data);
    },
    /** A state the page got as a reply (the MC's click): applied like a broadcast. */
    adopt: apply,
    stop() {
      hub.socket.off('awards:state', apply);
    },
  };
}
export type AwardsFollower = ReturnType<typeof createAwardsFollower>;
// --- end prize draw and award ceremony ---
