import type { Db } from '../store/database.ts';
import type { StatsSnapshot } from '../../shared/stats.ts';
import { eventDay } from './checkin-rules.ts';
import { readStats } from './stats-queries.ts';

/**
 * Live counts for consoles and `stats` scenes. A busy gate changes them many times a second:
 * they are recomputed and pushed at most every `intervalMs`, never once per scan.
 */
export function createStatsFeed(db: Db, publish: (stats: StatsSnapshot) => void, intervalMs = 500, now = Date.now) {
  let revision = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = () => readStats(db, eventDay(now()), revision);
  return {
    snapshot,
    /** Something was counted: push new figures soon. */
    changed() {
      revision += 1;
      timer ??= setTimeout(() => {
        timer = undefined;
        publish(snapshot());
      }, intervalMs);
    },
    stop: () => clearTimeout(timer),
  };
}
