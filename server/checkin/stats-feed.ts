import type { Db } from '../store/database.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import { createThrottledFeed } from '../realtime/throttled-feed.ts';
import { eventDay } from './checkin-rules.ts';
import { readStats } from './stats-queries.ts';

/** Live counts for consoles and `stats` scenes, recomputed at most every `intervalMs`. */
export function createStatsFeed(db: Db, publish: (stats: StatsSnapshot) => void, intervalMs = 500, now = Date.now) {
  return createThrottledFeed((revision) => readStats(db, eventDay(now()), revision), publish, intervalMs);
}
