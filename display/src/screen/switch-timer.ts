/** A program view, as far as switching goes: its revision and when its screens switch (hub clock). */
interface Switchable {
  slot: { revision: number; switchAt?: number };
}

/**
 * Holds a program until its switch time on the hub's clock, so the screens of every hall switch
 * together (a take for several groups is sent a moment ahead). One that arrives after its switch
 * time (late, or in the snapshot after a reconnect) is applied at once. Only a revision newer than
 * the one waiting replaces it. A page that has not measured the hub's clock yet (its own may be
 * hours off) never holds a program, and none is held longer than `maxHoldMs`.
 */
export const MAX_HOLD_MS = 5000;

export function createSwitchTimer<V extends Switchable>(now: () => number, apply: (view: V) => void, clockTrusted: () => boolean = () => true) {
  let pending: { view: V; timer: ReturnType<typeof setTimeout> } | null = null;
  return {
    /** `replace`: take this view whatever the one waiting (the screen was moved to another group). */
    offer(view: V, replace = false): void {
      if (pending && !replace && view.slot.revision <= pending.view.slot.revision) return;
      if (pending) clearTimeout(pending.timer);
      pending = null;
      const wait = clockTrusted() ? Math.min(MAX_HOLD_MS, (view.slot.switchAt ?? 0) - now()) : 0;
      if (wait <= 0) return apply(view);
      pending = {
        view,
        timer: setTimeout(() => {
          pending = null;
          apply(view);
        }, wait),
      };
    },
    /** The program waiting for its switch time, if any. */
    get pending(): V | null {
      return pending?.view ?? null;
    },
  };
}
