import type { HubConnection } from '../../shared/client/hub-socket.svelte.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';

/**
 * The day's figures, followed live: a snapshot when asked (on a `stats` scene, or the console's
 * figures tab), then every newer update. A new day's figures replace the old ones whatever their revision.
 */
export function createStatsFollower(hub: HubConnection) {
  let stats = $state.raw<StatsSnapshot | null>(null);
  hub.socket.on('stats:update', (update) => {
    if (!stats || update.revision >= stats.revision || update.day !== stats.day) stats = update;
  });
  return {
    get stats() {
      return stats;
    },
    async watch() {
      const ack = await hub.request('stats:watch', {});
      if (ack.ok) stats = ack.data;
    },
  };
}

export type StatsFollower = ReturnType<typeof createStatsFollower>;
