import type { EventSetup, Hotline } from '../../shared/event.ts';
import { programmeDay } from '../../shared/programme.ts';

/** The numbers a Chinese safety day lists unless its organiser changes them. */
export const DEFAULT_HOTLINES: Hotline[] = [
  { number: '119', label: '火警', labelEn: 'Fire' },
  { number: '120', label: '急救', labelEn: 'Ambulance' },
  { number: '110', label: '报警', labelEn: 'Police' },
  { number: '122', label: '交通事故', labelEn: 'Traffic accident' },
  { number: '12350', label: '安全生产举报', labelEn: 'Work safety reports' },
  { number: '96119', label: '火灾隐患举报', labelEn: 'Fire hazard reports' },
];

/** A new, empty event: to be named by its organiser in the console (the day defaults to today). */
export function blankEvent(now: number): EventSetup {
  return {
    name: '新活动',
    nameEn: 'New event',
    edition: '',
    editionEn: '',
    day: programmeDay(now),
    theme: '',
    themeEn: '',
    organiser: '主办单位',
    organiserEn: 'The organiser',
    hotlines: DEFAULT_HOTLINES,
  };
}
