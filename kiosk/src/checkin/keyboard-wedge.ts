/**
 * USB (and Bluetooth HID) barcode scanners are "keyboard wedges": they type the code as
 * keystrokes and press Enter. A scanner types a character every few milliseconds; people need
 * 100 ms or more. So a line counts as a scan only when it starts with a fast burst (minLength
 * keys, each within maxGapMs of the last) and ends with Enter. Slow typing never adds up to one.
 *
 * Once a burst has proved itself a scanner, a hiccup of up to hiccupMs inside it is forgiven:
 * Bluetooth scanners deliver keys in uneven packets, and a busy machine delays some. A pause
 * longer than that ends the line; a line that starts right after other keys (maybe the first
 * half of the same code) is dropped rather than reported cut short.
 */
export interface KeyboardWedgeOptions {
  onScan: (text: string) => void;
  /** Where to listen; the whole window by default (a kiosk page has no focus to rely on). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Longest pause between two keystrokes of the burst that starts a scan. */
  maxGapMs?: number;
  /** Longest pause forgiven inside a scan once its burst has started it. */
  hiccupMs?: number;
  /** Keys of the starting burst, and the shortest line reported. */
  minLength?: number;
}

/** A scanner may end its line with CR/LF or pad it with spaces (its "suffix" setting). */
export const trimScanLine = (line: string) => line.replace(/[\r\n\t ]+$/, '');

/** Typing into a form field belongs to that field (a manual-entry box handles its own Enter). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Starts listening; returns the function that stops. */
export function listenKeyboardWedge(options: KeyboardWedgeOptions): () => void {
  const { onScan, target = window, maxGapMs = 50, hiccupMs = 300, minLength = 4 } = options;
  let line = '';
  let lastKeyAt = -Infinity;
  /** The line began with a fast burst: it is a scanner typing. */
  let scanner = false;
  /** The line began right after other keys: it may be the tail of a code, not a whole one. */
  let doubtful = false;

  const onKeyDown = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || event.isComposing || isEditable(event.target)) return;
    // event.timeStamp is when the key arrived, not when this handler ran: a main thread busy
    // decoding video delays the handler but does not stretch the gaps measured here.
    const at = event.timeStamp;
    const gap = at - lastKeyAt;

    if (event.key === 'Enter') {
      const text = trimScanLine(line);
      const isScan = scanner && !doubtful && gap <= hiccupMs && text.length >= minLength;
      line = '';
      lastKeyAt = -Infinity;
      scanner = doubtful = false;
      if (isScan) {
        // Keep the Enter from also "clicking" whatever button has the focus.
        event.preventDefault();
        onScan(text);
      }
      return;
    }
    // Shift (scanners press it for capitals) and other non-characters neither add nor break a line.
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;

    if (line && (gap <= maxGapMs || (scanner && gap <= hiccupMs))) {
      line += event.key;
      if (line.length >= minLength) scanner = true;
    } else {
      doubtful = line !== '' && gap <= hiccupMs;
      line = event.key;
      scanner = false;
    }
    lastKeyAt = at;
  };

  // Capture phase: a component that stops propagation must not swallow a scan.
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
