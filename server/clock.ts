/**
 * The hub's time and timers, injected: the hub runs on the real ones; tests hand createHub a
 * manual clock and move time on (deadlines, throttles, silences, speed points) instead of sleeping.
 */
export interface HubClock {
  now(): number;
  setTimeout(run: () => void, ms: number): Timer;
  clearTimeout(timer: Timer | undefined): void;
  setInterval(run: () => void, ms: number): Timer;
  clearInterval(timer: Timer | undefined): void;
}

/** A timer handle, whichever clock made it. */
export type Timer = { readonly id: unknown };

export const realClock: HubClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => ({ id: setTimeout(run, ms) }),
  clearTimeout: (timer) => clearTimeout(timer?.id as ReturnType<typeof setTimeout> | undefined),
  setInterval: (run, ms) => ({ id: setInterval(run, ms) }),
  clearInterval: (timer) => clearInterval(timer?.id as ReturnType<typeof setInterval> | undefined),
};

/**
 * A clock that moves only when told: `advance(ms)` runs every timer that falls due, in order, at
 * its own time. For tests, and unit tests of anything that waits.
 */
export function manualClock(start = Date.parse('2026-06-14T09:00:00+08:00')) {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void; every: number | null }>();
  const schedule = (run: () => void, ms: number, every: number | null): Timer => {
    const id = ++nextId;
    timers.set(id, { at: now + Math.max(0, ms), run, every });
    return { id };
  };
  const cancel = (timer: Timer | undefined) => void timers.delete(timer?.id as number);
  const clock: HubClock & { advance(ms: number): void; set(at: number): void; pending(): number } = {
    now: () => now,
    setTimeout: (run, ms) => schedule(run, ms, null),
    clearTimeout: cancel,
    setInterval: (run, ms) => schedule(run, ms, Math.max(1, ms)),
    clearInterval: cancel,
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        const [id, timer] = due;
        now = Math.max(now, timer.at);
        if (timer.every === null) timers.delete(id);
        else timer.at += timer.every;
        timer.run();
      }
      now = until;
    },
    set(at) {
      clock.advance(Math.max(0, at - now));
    },
    pending: () => timers.size,
  };
  return clock;
}
