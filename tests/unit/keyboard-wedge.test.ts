import { afterAll, beforeAll, expect, test } from 'vitest';
import { listenKeyboardWedge } from '../../kiosk/src/checkin/keyboard-wedge.ts';

/**
 * The wedge's rule on keystrokes with known arrival times: Node has Event and EventTarget, so a
 * key is an Event whose timeStamp the test sets (a browser sets it when the key arrives).
 */
class TimedKey extends Event {
  readonly isComposing = false;
  readonly ctrlKey = false;
  readonly metaKey = false;
  readonly altKey = false;
  constructor(
    readonly key: string,
    private readonly at: number,
  ) {
    super('keydown', { cancelable: true });
  }
  override get timeStamp(): number {
    return this.at;
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
const saved = { KeyboardEvent: globals.KeyboardEvent, HTMLElement: globals.HTMLElement };
beforeAll(() => {
  globals.KeyboardEvent = TimedKey;
  globals.HTMLElement = class {};
});
afterAll(() => Object.assign(globals, saved));

/** Types `keys` from time `from`, `every` ms apart (or by the gaps given), then Enter; returns the scans reported. */
function scansOf(lines: { text: string; from: number; every: number; stall?: { after: number; ms: number } }[]): string[] {
  const target = new EventTarget();
  const scans: string[] = [];
  const stop = listenKeyboardWedge({ onScan: (text) => scans.push(text), target });
  for (const { text, from, every, stall } of lines) {
    let at = from;
    [...text, 'Enter'].forEach((key, index) => {
      if (stall && index === stall.after) at += stall.ms;
      target.dispatchEvent(new TimedKey(key, at));
      at += every;
    });
  }
  stop();
  return scans;
}

const PASS = 'EDP1.k1.Q2XH7K3M9V.' + 'A'.repeat(86);

test('a scan at a few milliseconds a key is reported whole; a person typing is not', () => {
  expect(scansOf([{ text: PASS, from: 1000, every: 5 }])).toEqual([PASS]);
  expect(scansOf([{ text: 'hello kiosk', from: 1000, every: 120 }])).toEqual([]);
});

test('a scan held back by a busy machine for up to two seconds is still one pass, never its tail', () => {
  for (const ms of [350, 900, 1900]) expect(scansOf([{ text: PASS, from: 1000, every: 5, stall: { after: 57, ms } }])).toEqual([PASS]);
});

test('a stray key a second before a scan is not part of it, nor are two keys pressed before a long pause', () => {
  expect(scansOf([{ text: `x${PASS}`, from: 1000, every: 5, stall: { after: 1, ms: 1000 } }])).toEqual([PASS]);
  expect(scansOf([{ text: `xy${PASS}`, from: 1000, every: 5, stall: { after: 2, ms: 400 } }])).toEqual([PASS]);
});
