import type { PassCheck } from '../../shared/pass-format.ts';

/** The event's own calendar day (Beijing time), which "once per day" counts in. */
export const EVENT_UTC_OFFSET_MINUTES = 8 * 60;
export function eventDay(at: number, offsetMinutes = EVENT_UTC_OFFSET_MINUTES): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export type Decision =
  | { result: 'invalid'; reason: string; counted: false; conflict: false }
  | { result: 'welcome'; counted: true; conflict: false }
  | { result: 'again'; counted: false; conflict: boolean };

export interface Earlier {
  /** The device that counted this visitor here before, if anyone did. */
  deviceId: string | null;
}

/**
 * An entrance counts a visitor once a day; a station stamps a visitor once. A repeat is amber,
 * not red. A repeat that an offline kiosk showed as green (it could not know) is flagged as a
 * conflict for staff, and still counts once.
 */
export function decideScan(
  check: PassCheck,
  visitorKnown: boolean,
  earlier: Earlier | undefined,
  scan: { offline: boolean; deviceId: string | null },
): Decision {
  if (!check.ok) return { result: 'invalid', reason: check.reason, counted: false, conflict: false };
  if (!visitorKnown) return { result: 'invalid', reason: 'unknown-visitor', counted: false, conflict: false };
  if (!earlier) return { result: 'welcome', counted: true, conflict: false };
  return { result: 'again', counted: false, conflict: scan.offline && earlier.deviceId !== scan.deviceId };
}
