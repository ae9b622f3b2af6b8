import type { HubConnection } from '../../shared/client/hub-socket.svelte.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import type { Leaderboard } from '../../shared/quiz.ts';
import type { LiveState } from '../../shared/live.ts';
import type { ErrorCode } from '../../shared/errors.ts';
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

/** A live quiz session as followed by a screen or the console: the state, and the hub's clock offset at its receipt. */
export interface LiveView {
  state: LiveState;
  /** The hub's clock minus this page's, when the state arrived: a countdown uses `Date.now() + offset`. */
  offset: number;
}

/**
 * One live quiz session followed: 'live:watch' joins its room and returns its state; then every
 * 'live:state' at least as new as the one shown (arrivals and a turning join code keep the
 * revision) and every 'live:count' of the open question. Watch again after each reconnect.
 */
export function createLiveFollower(hub: HubConnection) {
  let view = $state.raw<LiveView | null>(null);
  let sessionId = $state<string | null>(null);
  let problem = $state<ErrorCode | null>(null);

  function apply(state: LiveState) {
    if (state.sessionId !== sessionId) return;
    const shown = view?.state.sessionId === state.sessionId ? view.state : null;
    if (shown && state.revision < shown.revision) return;
    view = { state, offset: state.serverNow - Date.now() };
  }
  const onCount = (count: { sessionId: string; index: number; answered: number; players: number }) => {
    const shown = view?.state;
    if (!shown || count.sessionId !== shown.sessionId || count.index !== shown.index) return;
    view = { state: { ...shown, answered: count.answered, players: count.players }, offset: view!.offset };
  };
  hub.socket.on('live:state', apply);
  hub.socket.on('live:count', onCount);

  return {
    get current() {
      return view?.state.sessionId === sessionId ? view : null;
    },
    get sessionId() {
      return sessionId;
    },
    /** Why the last watch failed (an unknown session), else null. */
    get problem() {
      return problem;
    },
    async watch(id: string) {
      sessionId = id;
      const ack = await hub.request('live:watch', { sessionId: id });
      if (sessionId !== id) return;
      problem = ack.ok ? null : ack.code;
      if (ack.ok) apply(ack.data);
    },
    /** A state the page got as a reply (create, control): followed from now on, applied like a broadcast. */
    adopt(state: LiveState) {
      if (sessionId !== state.sessionId) problem = null;
      sessionId = state.sessionId;
      apply(state);
    },
    forget() {
      sessionId = null;
      view = null;
      problem = null;
    },
    /** Stops listening (a console panel that is closed). */
    stop() {
      hub.socket.off('live:state', apply);
      hub.socket.off('live:count', onCount);
    },
  };
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
export interface DrawView {
  state: DrawScreenState;
  offset: number;
}

/**
 * One draw followed: 'draw:watch' joins its room and returns its masked state, then every
 * 'draw:state' at least as new. Watch again after each reconnect.
 */
export function createDrawFollower(hub: HubConnection) {
  let view = $state.raw<DrawView | null>(null);
  let drawId = $state<string | null>(null);
  let problem = $state<ErrorCode | null>(null);
  function apply(state: DrawScreenState) {
    if (state.drawId !== drawId) return;
    if (view?.state.drawId === state.drawId && state.revision < view.state.revision) return;
    view = { state, offset: state.serverNow - Date.now() };
  }
  hub.socket.on('draw:state', apply);
  return {
    get current() {
      return view?.state.drawId === drawId ? view : null;
    },
    get drawId() {
      return drawId;
    },
    get problem() {
      return problem;
    },
    async watch(id: string) {
      drawId = id;
      const ack = await hub.request('draw:watch', { drawId: id });
      if (drawId !== id) return;
      problem = ack.ok ? null : ack.code;
      if (ack.ok) apply(ack.data);
    },
    forget() {
      drawId = null;
      view = null;
      problem = null;
    },
    stop() {
      hub.socket.off('draw:state', apply);
    },
  };
}
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
