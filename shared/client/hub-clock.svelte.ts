import type { HubConnection } from './hub-socket.svelte.ts';
import { bestEstimate, type ClockSample } from './hub-clock-samples.ts';

/**
 * The hub's clock, as seen from this page: what screens of one group use to start loop items and
 * takes at the same moment, and what a countdown should count with.
 *
 *   const clock = createHubClock(hub);
 *   clock.now();   // ms since 1970 on the hub's clock (this page's clock until the first sync)
 *
 * It measures on every (re)connect and then every minute: a few `clock:sync` round trips, keeping
 * the offset of the fastest one (see hub-clock-samples.ts).
 */
export interface HubClock {
  now(): number;
  /** The hub's clock minus this page's, in ms. */
  readonly offsetMs: number;
  /** The round trip the offset was measured with (its error is at most half of it); null before the first sync. */
  readonly rttMs: number | null;
  /** Measured at least once: until then now() is this page's own clock, which may be far off. */
  readonly synced: boolean;
  /** Measures again now (also done on every reconnect and every minute). */
  sync(): Promise<void>;
  stop(): void;
}

/** A steady clock for the measurement (Date.now() can step when the machine sets its time). */
const localNow = () => performance.timeOrigin + performance.now();

export function createHubClock(hub: HubConnection, { samples = 5, resyncMs = 60_000 } = {}): HubClock {
  let offsetMs = $state(0);
  let rttMs = $state<number | null>(null);
  let syncing: Promise<void> | null = null;
  let stopped = false;

  async function measure(): Promise<void> {
    const taken: ClockSample[] = [];
    for (let i = 0; i < samples && !stopped; i++) {
      const sentAt = localNow();
      const ack = await hub.request('clock:sync', {}, 3000);
      const receivedAt = localNow();
      if (!ack.ok) return;
      taken.push({ sentAt, receivedAt, serverNow: ack.data.serverNow });
    }
    const best = bestEstimate(taken);
    if (best) ({ offsetMs, rttMs } = best);
  }

  function sync(): Promise<void> {
    syncing ??= measure().finally(() => (syncing = null));
    return syncing;
  }

  hub.onReady(() => void sync());
  const timer = setInterval(() => {
    if (hub.status === 'online') void sync();
  }, resyncMs);

  return {
    now: () => localNow() + offsetMs,
    get offsetMs() {
      return offsetMs;
    },
    get rttMs() {
      return rttMs;
    },
    get synced() {
      return rttMs !== null;
    },
    sync,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
