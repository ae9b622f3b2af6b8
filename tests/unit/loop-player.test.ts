import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { startLoop, type LoopClock, type LoopLayers } from '../../display/src/scenes/loop/loop-player.ts';
import { cycleDistance, cyclePosition, nextSlot, slotAt, videoCorrection } from '../../display/src/scenes/loop/loop-schedule.ts';
import type { MediaItem } from '../../shared/media.ts';

const item = (id: string, durationMs = 1000): MediaItem => ({ id, kind: 'image', url: `/${id}.jpg`, title: id, titleEn: id, durationMs });
/** The loop waits only on promises (its clock's and its layers'): one turn of the event loop runs every step they allow. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A hub clock the test moves by hand; `until` resolves when the clock passes the time. */
function fakeClock(start: number) {
  let now = start;
  const waiting: { at: number; resolve: () => void }[] = [];
  const clock: LoopClock = {
    now: () => now,
    until: (at) => new Promise<void>((resolve) => (at <= now ? resolve() : waiting.push({ at, resolve }))),
  };
  return {
    clock,
    set(at: number) {
      now = at;
      for (const wait of waiting.filter((w) => w.at <= now)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
    },
  };
}

describe('loop schedule', () => {
  const durations = [8000, 6978, 8000];
  test('the item on air follows from the epoch and the lengths alone, cycle after cycle', () => {
    expect(slotAt(durations, 1_000, 1_000)).toEqual({ index: 0, startAt: 1_000, endAt: 9_000 });
    expect(slotAt(durations, 1_000, 9_000)).toEqual({ index: 1, startAt: 9_000, endAt: 15_978 });
    expect(slotAt(durations, 1_000, 20_000)).toEqual({ index: 2, startAt: 15_978, endAt: 23_978 });
    // Three cycles later, the same item at the same point.
    const later = slotAt(durations, 1_000, 20_000 + 3 * 22_978);
    expect(later.index).toBe(2);
    expect(20_000 + 3 * 22_978 - later.startAt).toBe(20_000 - 15_978);
    expect(nextSlot(durations, later)).toEqual({ index: 0, startAt: later.endAt, endAt: later.endAt + 8000 });
  });

  test('positions on the cycle, and the distance between two screens across the cycle’s end', () => {
    expect(cyclePosition(durations, 1, 500)).toBe(8500);
    expect(cycleDistance(durations, 22_970, 10)).toBe(18);
    expect(cycleDistance(durations, 8500, 8450)).toBe(50);
  });

  test('a video on time is left alone, a small drift is nudged by the rate, a large one seeks', () => {
    expect(videoCorrection(10, 10.01)).toEqual({ seekTo: null, rate: 1 });
    expect(videoCorrection(10, 10.1)).toEqual({ seekTo: null, rate: 0.8 });
    expect(videoCorrection(10, 9.95)).toEqual({ seekTo: null, rate: 1.1 });
    // Up to a second off is still made up by the rate (at most 25 % off): a seek would freeze the picture.
    expect(videoCorrection(10, 10.5)).toEqual({ seekTo: null, rate: 0.75 });
    expect(videoCorrection(10, 9.2)).toEqual({ seekTo: null, rate: 1.25 });
    expect(videoCorrection(10, 11.2)).toEqual({ seekTo: 10, rate: 1 });
    expect(videoCorrection(10, 8)).toEqual({ seekTo: 10, rate: 1 });
    // Right after a seek landed (late, on a busy screen), no second seek: the rate makes it up.
    expect(videoCorrection(10, 8, false)).toEqual({ seekTo: null, rate: 1.25 });
    expect(videoCorrection(10, 11.2, false)).toEqual({ seekTo: null, rate: 0.75 });
  });
});

describe('loop player', () => {
  test('items switch at their scheduled time; the next loads on the other layer while one shows; a slow load holds the picture', async () => {
    const steps: string[] = [];
    const pending = new Map<string, () => void>();
    const waitFor = (key: string) => new Promise<void>((resolve) => pending.set(key, resolve));
    const layers: LoopLayers = {
      load: async (layer, media) => {
        steps.push(`load ${media.id}@${layer}`);
        if (media.id === 'c') await waitFor('load c');
      },
      show: async (layer, media, slot) => void steps.push(`show ${media.id}@${layer} from ${slot.startAt}`),
    };
    const time = fakeClock(10_000);
    const stop = startLoop([item('a'), item('b'), item('c')], layers, time.clock, 10_000);
    await settle();
    expect(steps).toEqual(['load a@0', 'show a@0 from 10000', 'load b@1']);
    time.set(10_500);
    await settle();
    expect(steps).toHaveLength(3);
    time.set(11_000);
    await settle();
    expect(steps.slice(3)).toEqual(['show b@1 from 11000', 'load c@0']);
    time.set(12_000);
    await settle();
    // b's run is over but c is not ready: nothing new is shown (b stays on screen), no black gap.
    expect(steps).toHaveLength(5);
    time.set(12_400);
    pending.get('load c')!();
    await settle();
    // c comes late, but for the rest of its own run: its run still began at 12000, as on every other screen.
    expect(steps.slice(5)).toEqual(['show c@0 from 12000', 'load a@1']);
    stop();
    time.set(13_000);
    await settle();
    expect(steps).toHaveLength(7);
  });

  test('a video is cued on its hidden layer its lead time before the switch, then shown at the switch', async () => {
    const steps: string[] = [];
    const time = fakeClock(0);
    const layers: LoopLayers = {
      load: async (layer, media) => void steps.push(`load ${media.id}@${layer}`),
      show: async (layer, media, slot) => void steps.push(`show ${media.id}@${layer} from ${slot.startAt}`),
      cue: { leadMs: (media) => (media.id === 'v' ? 200 : 0), start: (layer, media) => void steps.push(`cue ${media.id}@${layer} at ${time.clock.now()}`) },
    };
    const stop = startLoop([item('a'), item('v')], layers, time.clock, 0);
    await settle();
    expect(steps).toEqual(['load a@0', 'show a@0 from 0', 'load v@1']);
    time.set(800);
    await settle();
    expect(steps.slice(3)).toEqual(['cue v@1 at 800']);
    time.set(1000);
    await settle();
    expect(steps.slice(4)).toEqual(['show v@1 from 1000', 'load a@0']);
    stop();
  });

  test('a screen that starts late, or loads slower than an item lasts, joins at the item the group shows now', async () => {
    const steps: string[] = [];
    let slowUntil = 0;
    const time = fakeClock(0);
    const layers: LoopLayers = {
      load: async (layer, media) => {
        steps.push(`load ${media.id}@${layer}`);
        // A load that takes 2.5 s of hub time.
        if (time.clock.now() < slowUntil) time.set(slowUntil);
      },
      show: async (layer, media, slot) => void steps.push(`show ${media.id}@${layer} from ${slot.startAt}`),
    };
    // On air since 0; this screen starts at 4500: item e (4000–5000).
    time.set(4_500);
    slowUntil = 6_600;
    const stop = startLoop(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => item(id)),
      layers,
      time.clock,
      0,
    );
    await settle();
    // e took until 6600, past its run: the screen loads g (6000–7000) instead and shows it.
    expect(steps.slice(0, 3)).toEqual(['load e@0', 'load g@0', 'show g@0 from 6000']);
    stop();
  });
});

describe('switch timer', () => {
  test('a program waits for its switch time; a newer one replaces it; an untrusted clock or a far time never holds it long', async () => {
    const { createSwitchTimer, MAX_HOLD_MS } = await import('../../display/src/screen/switch-timer.ts');
    // The page's timers are faked: the 30 ms hold passes when the test says so.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => void vi.useRealTimers());
    const applied: number[] = [];
    let now = 1000;
    let trusted = true;
    const timer = createSwitchTimer<{ slot: { revision: number; switchAt?: number } }>(
      () => now,
      (view) => void applied.push(view.slot.revision),
      () => trusted,
    );
    timer.offer({ slot: { revision: 5, switchAt: 1030 } });
    expect(applied).toEqual([]);
    timer.offer({ slot: { revision: 4, switchAt: 900 } });
    expect(timer.pending?.slot.revision).toBe(5);
    vi.advanceTimersByTime(29);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([5]);
    timer.offer({ slot: { revision: 6, switchAt: 500 } });
    expect(applied).toEqual([5, 6]);
    trusted = false;
    timer.offer({ slot: { revision: 7, switchAt: now + 3_600_000 } });
    expect(applied).toEqual([5, 6, 7]);
    trusted = true;
    now = 0;
    timer.offer({ slot: { revision: 8, switchAt: 3_600_000 } });
    expect(MAX_HOLD_MS).toBeLessThanOrEqual(5000);
    expect(timer.pending?.slot.revision).toBe(8);
    vi.advanceTimersByTime(MAX_HOLD_MS - 1);
    expect(applied).toEqual([5, 6, 7]);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([5, 6, 7, 8]);
  });

  test('a loop whose clock reads far before its epoch plays on instead of waiting for it', async () => {
    const steps: string[] = [];
    const layers: LoopLayers = {
      load: async (_layer, media) => void steps.push(`load ${media.id}`),
      show: async (_layer, media) => void steps.push(`show ${media.id}`),
    };
    const time = fakeClock(0);
    // On air "in an hour" by this page's unmeasured clock (3 items of 1 s): it plays the item that schedule gives for now, c.
    const stop = startLoop([item('a'), item('b'), item('c')], layers, time.clock, 3_600_500);
    await settle();
    expect(steps.slice(0, 2)).toEqual(['load c', 'show c']);
    stop();
  });
});
