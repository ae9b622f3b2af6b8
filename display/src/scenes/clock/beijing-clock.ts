/** The event keeps Beijing time (UTC+8), wherever a screen's machine thinks it is. */
const BEIJING_MS = 8 * 3_600_000;

/** An instant as a wall clock in Beijing shows it: HH:MM, :SS, the date and the weekday (0 = Sunday). */
export function beijingClock(at: number) {
  const local = new Date(at + BEIJING_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  return {
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
    seconds: two(local.getUTCSeconds()),
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6,
  };
}
