/** The event runs on Beijing time (UTC+8) wherever the console's browser is. */
const BEIJING_MS = 8 * 3_600_000;

/** A countdown's target as a datetime-local field holds it (YYYY-MM-DDTHH:MM, Beijing time), or '' if unreadable. */
export function beijingLocal(to: number | string): string {
  const at = typeof to === 'number' ? to : Date.parse(to);
  return Number.isFinite(at) ? new Date(at + BEIJING_MS).toISOString().slice(0, 16) : '';
}

/** What a datetime-local field holds (Beijing time) as the ISO time the hub checks. */
export const fromBeijingLocal = (local: string): string => `${local}:00+08:00`;
