/**
 * Where a loop stands at a moment of the hub's clock. A loop's schedule follows from when it went
 * on air (its epoch) and its items' lengths alone, so every screen of a group (and of the halls
 * that follow the main stage) shows the same item at the same moment without talking to the others.
 */
export interface LoopSlot {
  index: number;
  /** When this run of the item begins and ends, on the hub's clock. */
  startAt: number;
  endAt: number;
}

const cycleOf = (durations: number[]) => durations.reduce((sum, ms) => sum + ms, 0);

/** The item on air at `at`, and when its run began and ends. */
export function slotAt(durations: number[], epoch: number, at: number): LoopSlot {
  const cycle = cycleOf(durations);
  const elapsed = at - epoch;
  const into = ((elapsed % cycle) + cycle) % cycle;
  let itemStart = 0;
  let index = 0;
  while (into >= itemStart + durations[index]!) itemStart += durations[index++]!;
  const startAt = at - (into - itemStart);
  return { index, startAt, endAt: startAt + durations[index]! };
}

export function nextSlot(durations: number[], slot: LoopSlot): LoopSlot {
  const index = (slot.index + 1) % durations.length;
  return { index, startAt: slot.endAt, endAt: slot.endAt + durations[index]! };
}

/** A point of the loop as a distance from the start of its cycle (for measuring drift between screens). */
export function cyclePosition(durations: number[], index: number, offsetMs: number): number {
  return durations.slice(0, index).reduce((sum, ms) => sum + ms, 0) + offsetMs;
}

/** The shorter way round the cycle from one position to another (drift may cross the cycle's end). */
export function cycleDistance(durations: number[], a: number, b: number): number {
  const cycle = cycleOf(durations);
  const d = (((a - b) % cycle) + cycle) % cycle;
  return Math.min(d, cycle - d);
}

/** Within this a playing video counts as on time; past SEEK_S it jumps, in between it is nudged. */
const ON_TIME_S = 0.015;
/**
 * A seek freezes the picture until the frame is decoded, which on a busy screen (or a file without
 * a seek index, as browsers' own recordings are) takes longer than the drift it would cure: up to
 * a second is made up by the playing rate instead, and only a stall or a late join seeks.
 */
export const SEEK_S = 1;
/** At most 25 % faster or slower: on a muted loop a second of it is hardly seen, a jump is. */
const MAX_NUDGE = 0.25;
/** A drift is made up within about this long (or as fast as MAX_NUDGE allows). */
const CATCH_UP_S = 0.5;

/**
 * How to bring a playing video back to the schedule: a drift up to SEEK_S by playing a little
 * faster or slower (smooth), a larger one by a seek — or, while seeks are held (one just landed),
 * by the largest nudge.
 */
export function videoCorrection(expectedS: number, actualS: number, seekAllowed = true): { seekTo: number | null; rate: number } {
  const ahead = actualS - expectedS;
  if (Math.abs(ahead) >= SEEK_S) return seekAllowed ? { seekTo: expectedS, rate: 1 } : { seekTo: null, rate: ahead > 0 ? 1 - MAX_NUDGE : 1 + MAX_NUDGE };
  if (Math.abs(ahead) <= ON_TIME_S) return { seekTo: null, rate: 1 };
  const rate = 1 - Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, ahead / CATCH_UP_S));
  return { seekTo: null, rate: Math.round(rate * 1000) / 1000 };
}
