import type { HubConnection } from '../../shared/client/hub-socket.svelte.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import type { Leaderboard } from '../../shared/quiz.ts';

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
