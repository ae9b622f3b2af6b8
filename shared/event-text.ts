import type { Locale } from './errors.ts';
import type { EventInfo, Hotline } from './event.ts';

/** The event's texts in one language: an English text left empty falls back to the Chinese one. */
export function eventText(info: EventInfo, locale: Locale) {
  const pick = (zh: string, en: string) => (locale === 'en' && en ? en : zh);
  return {
    name: pick(info.name, info.nameEn),
    edition: pick(info.edition, info.editionEn),
    theme: pick(info.theme, info.themeEn),
    organiser: pick(info.organiser, info.organiserEn),
    /** The edition and the name on one line (a screen's strip): 第二十届安全文化节 · 安全宣传咨询日. */
    title: [pick(info.edition, info.editionEn), pick(info.name, info.nameEn)].filter(Boolean).join(' · '),
  };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The day as people say it: 6月14日, 14 June. */
export function dayText(day: string, locale: Locale): string {
  const [, month, date] = day.split('-').map(Number);
  if (!month || !date) return day;
  return locale === 'en' ? `${date} ${MONTHS_EN[month - 1]}` : `${month}月${date}日`;
}

/**
 * A theme as the kiosk sets it, a phrase per line: 安全第一、预防为主——综合治理 gives
 * three. Splits at the enumeration comma, dashes, commas and semicolons; at most `most` lines
 * (the rest stays on the last).
 */
export function themeLines(theme: string, most = 3): string[] {
  const parts = theme
    .split(/[、，,；;]|——|—|–|\s-\s/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length <= most) return parts;
  return [...parts.slice(0, most - 1), parts.slice(most - 1).join('，')];
}

/** The venue a device shows: its own (a paired kiosk or screen), else the main venue; null when there is none. */
export function venueShown(info: EventInfo, venueId: string | undefined): EventInfo['venues'][number] | null {
  return info.venues.find((venue) => venue.id === venueId) ?? info.venues.find((venue) => venue.kind === 'main') ?? null;
}

export const hotlineLabel = (line: Hotline, locale: Locale): string => (locale === 'en' && line.labelEn ? line.labelEn : line.label);
