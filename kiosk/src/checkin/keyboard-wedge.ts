/**
 * USB (and Bluetooth HID) barcode scanners are "keyboard wedges": they type the code as
 * keystrokes and press Enter. A scanner types a character every few milliseconds; people need
 * 100 ms or more. So a line ended by Enter counts as a scan when its keys came typically within
 * maxGapMs of each other (the median gap: slow typing never adds up to a scan).
 *
 * The median, not every gap: Bluetooth scanners deliver keys in uneven packets and a busy
 * machine delays a few, so one late key must not cut a pass in two. A pause longer than
 * pauseMs starts a new line: a stray key pressed a while before a scan is not part of it. But a
 * line that is already a scan (long enough, fast) survives a stall of up to stallMs: a loaded
 * machine can hold keys back for a moment, and half a pass must never be reported as a pass.
 */
export interface KeyboardWedgeOptions {
  onScan: (text: string) => void;
  /** Where to listen; the whole window by default (a kiosk page has no focus to rely on). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** A scan's typical (median) pause between two keystrokes is at most this. */
  maxGapMs?: number;
  /** A longer pause starts a new line… */
  pauseMs?: number;
  /** …unless the line so far is a scan and the pause is at most this. */
  stallMs?: number;
  /** Shorter lines are a person's key chord, not a code. */
  minLength?: number;
}

/** A scanner may end its line with CR/LF or pad it with spaces (its "suffix" setting). */
const trimScanLine = (line: string) => line.replace(/[\r\n\t ]+$/, '');

/** Typing into a form field belongs to that field (a manual-entry box handles its own Enter). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function median(values: number[]): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Starts listening; returns the function that stops. */
export function listenKeyboardWedge(options: KeyboardWedgeOptions): () => void {
  const { onScan, target = window, maxGapMs = 50, pauseMs = 300, stallMs = 2000, minLength = 4 } = options;
  let line = '';
  let gaps: number[] = [];
  let lastKeyAt = -Infinity;

  const onKeyDown = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || event.isComposing || isEditable(event.target)) return;
    // event.timeStamp is when the key arrived, not when this handler ran: a main thread busy
    // decoding video delays the handler but does not stretch the gaps measured here.
    const at = event.timeStamp;
    const gap = at - lastKeyAt;

    if (event.key === 'Enter') {
      const text = trimScanLine(line);
      const isScan = gap <= pauseMs && text.length >= minLength && median(gaps) <= maxGapMs;
      line = '';
      gaps = [];
      lastKeyAt = -Infinity;
      if (isScan) {
        // Keep the Enter from also "clicking" whatever button has the focus.
        event.preventDefault();
        onScan(text);
      }
      return;
    }
    // Shift (scanners press it for capitals) and other non-characters neither add nor break a line.
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;

    const scanSoFar = line.length >= minLength && median(gaps) <= maxGapMs;
    if (line && (gap <= pauseMs || (scanSoFar && gap <= stallMs))) {
      line += event.key;
      gaps.push(gap);
    } else {
      line = event.key;
      gaps = [];
    }
    lastKeyAt = at;
  };

  // Capture phase: a component that stops propagation must not swallow a scan.
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
