import type { Db } from '../store/database.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import type { HubClock } from '../clock.ts';
import { createThrottledFeed } from '../realtime/throttled-feed.ts';
import { eventDay } from './checkin-rules.ts';
import { readStats } from './stats-queries.ts';

/** Live counts for consoles and `stats` scenes, recomputed at most every `intervalMs`. */
export function createStatsFeed(db: Db, publish: (stats: StatsSnapshot) => void, clock: HubClock, intervalMs = 500) {
  return createThrottledFeed((revision) => readStats(db, eventDay(clock.now()), revision), publish, intervalMs, clock);
}
