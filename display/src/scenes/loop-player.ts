import type { MediaItem } from '../../../shared/media.ts';

/**
 * Plays a playlist on two layers without a black gap: while one layer shows an item, the
 * other loads and decodes the next; the switch happens only once the next is ready, so a
 * slow file holds the current picture instead of showing black.
 */
export interface LoopLayers {
  /** Puts an item on a layer and resolves once it can be shown at once. */
  load(layer: 0 | 1, item: MediaItem): Promise<void>;
  /**
   * Brings a layer to the front (starting its video). Resolves once the item is on screen,
   * with `done`, the moment it is over; only then may the other layer be reloaded. (Wrapped in
   * an object: a promise resolved with a promise would wait for the inner one.)
   */
  show(layer: 0 | 1, item: MediaItem): Promise<{ done: Promise<void> }>;
}

export function startLoop(items: MediaItem[], layers: LoopLayers): () => void {
  let stopped = false;
  async function run() {
    let front: 0 | 1 = 0;
    let index = 0;
    await layers.load(front, items[0]!);
    while (!stopped) {
      const back: 0 | 1 = front === 0 ? 1 : 0;
      const nextIndex = (index + 1) % items.length;
      const { done } = await layers.show(front, items[index]!);
      if (stopped) return;
      await Promise.all([done, layers.load(back, items[nextIndex]!)]);
      front = back;
      index = nextIndex;
    }
  }
  void run();
  return () => {
    stopped = true;
  };
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
