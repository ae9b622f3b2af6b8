import type { MediaItem } from '../../../../shared/media.ts';
import { nextSlot, slotAt, type LoopSlot } from './loop-schedule.ts';

/**
 * Plays a playlist on two layers without a black gap, on the group's schedule: while one layer
 * shows an item, the other loads and decodes the next; the switch happens at the item's start on
 * the hub's clock, or later if the next is not ready yet (a slow file holds the current picture
 * instead of showing black). A load that runs past an item's whole run skips to the item the
 * group shows by then, so a screen that fell behind catches up with the others.
 */
export interface LoopLayers {
  /** Puts an item on a layer and resolves once it can be shown at once. */
  load(layer: 0 | 1, item: MediaItem): Promise<void>;
  /**
   * Brings a layer to the front for this run of its item (a video starts where the schedule
   * stands). `stopped` turns true when the loop ends meanwhile: nothing comes to the front then.
   */
  show(layer: 0 | 1, item: MediaItem, slot: LoopSlot, stopped: () => boolean): Promise<void>;
  /**
   * Optional pre-roll: a loaded item that takes a moment to get going (a video's playback) is
   * started on the hidden layer `leadMs` before its switch, so it is already moving when it shows.
   */
  cue?: { leadMs(item: MediaItem): number; start(layer: 0 | 1, item: MediaItem): void };
}

export interface LoopClock {
  /** The hub's clock. */
  now(): number;
  /** Resolves at (or just after) `at` on the hub's clock. */
  until(at: number): Promise<void>;
}

const EPOCH_GRACE_MS = 2000;

export function startLoop(items: MediaItem[], layers: LoopLayers, clock: LoopClock, epoch: number): () => void {
  const durations = items.map((item) => item.durationMs);
  let stopped = false;
  // A few ms before its epoch (clocks differ a little), the loop waits at its first item; a clock
  // far off (not measured yet) just runs the schedule as it reads it, and is corrected once measured.
  const dueSlot = () => {
    const now = clock.now();
    return slotAt(durations, epoch, epoch - now < EPOCH_GRACE_MS ? Math.max(epoch, now) : now);
  };
  async function run() {
    let front: 0 | 1 = 0;
    let slot = dueSlot();
    await layers.load(front, items[slot.index]!);
    while (!stopped) {
      const due = dueSlot();
      if (due.index !== slot.index) {
        slot = due;
        await layers.load(front, items[slot.index]!);
        continue;
      }
      slot = due;
      await layers.show(front, items[slot.index]!, slot, () => stopped);
      if (stopped) return;
      const next = nextSlot(durations, slot);
      const back: 0 | 1 = front === 0 ? 1 : 0;
      const nextItem = items[next.index]!;
      await Promise.all([clock.until(slot.endAt - (layers.cue?.leadMs(nextItem) ?? 0)), layers.load(back, nextItem)]);
      if (stopped) return;
      layers.cue?.start(back, nextItem);
      await clock.until(slot.endAt);
      front = back;
      slot = next;
    }
  }
  void run();
  return () => {
    stopped = true;
  };
}

/** A LoopClock over a `now()` of the hub's clock, with timers. */
export function timerClock(now: () => number): LoopClock {
  return { now, until: (at) => sleep(Math.max(0, at - now())) };
}

/** Resolves on the first of the element's events, or after a time limit (a stalled file must not stop the loop). */
export function waitForEvent(target: EventTarget, events: string[], limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const name of events) target.removeEventListener(name, done);
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    for (const name of events) target.addEventListener(name, done, { once: true });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
