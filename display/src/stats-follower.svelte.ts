import type { HubConnection } from '../../shared/client/hub-socket.svelte.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import type { Leaderboard } from '../../shared/quiz.ts';
import type { LiveState } from '../../shared/live.ts';
import type { ErrorCode } from '../../shared/errors.ts';

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
