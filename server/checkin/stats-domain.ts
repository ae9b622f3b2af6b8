import { commands, defineDomain, type HubCore } from '../domain.ts';
import { createStatsFeed } from './stats-feed.ts';

const STATS_ROOM = 'stats';

/** The day's live counts (no personal data), pushed at most twice a second to consoles and `stats` screens. */
export function statsDomain(core: HubCore) {
  const feed = createStatsFeed(core.db, (snapshot) => core.broadcast(STATS_ROOM, 'stats:update', snapshot), core.clock);
  return defineDomain({
    name: 'stats',
    /** Call when something counted changed (a registration, a check-in). */
    changed: feed.changed,
    commands: commands<'stats:watch'>({
      'stats:watch': {
        run: (_request, { socket }) => {
          void socket.join(STATS_ROOM);
          return feed.snapshot();
        },
      },
    }),
    // Counts start again after a rehearsal reset: screens see it at once.
    dataReplaced: feed.changed,
    stop: feed.stop,
  });
}
