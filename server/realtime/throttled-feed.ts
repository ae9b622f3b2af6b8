import { realClock, type HubClock, type Timer } from '../clock.ts';

/**
 * A figure set that many events change (check-ins at a busy gate, answers at twenty kiosks):
 * read again and pushed at most every `intervalMs`, never once per event. Each push carries
 * a higher revision, so a client ignores anything older than what it shows.
 */
export function createThrottledFeed<T>(read: (revision: number) => T, publish: (value: T) => void, intervalMs = 500, clock: HubClock = realClock) {
  let revision = 0;
  let timer: Timer | undefined;
  const snapshot = () => read(revision);
  return {
    snapshot,
    /** Something changed: push new figures soon. */
    changed() {
      revision += 1;
      timer ??= clock.setTimeout(() => {
        timer = undefined;
        publish(snapshot());
      }, intervalMs);
    },
    stop: () => clock.clearTimeout(timer),
  };
}
