import { connectHub } from '../../shared/client/hub-socket.svelte.ts';
import { eventText } from '../../shared/event-text.ts';
import { followEvent } from '../../shared/client/event-info.svelte.ts';
import { createLocale } from '../../shared/client/locale.svelte.ts';
import { kioskCatalog } from './i18n/catalog.ts';

export const i18n = createLocale(kioskCatalog, 'eventday.kiosk.locale');
export const t = i18n.t;
export const hub = connectHub('kiosk', () => i18n.locale);
/** The event (name, day, theme, hotlines, venues), from the hub, kept for an offline start. */
export const event = followEvent(hub, 'eventday.kiosk.event');

/** The organiser as the privacy notice names them, in brackets ('' before the kiosk has heard of the event). */
export function organiserNamed(): string {
  const info = event.current;
  if (!info) return '';
  const name = eventText(info, i18n.locale).organiser;
  return i18n.pick(`（${name}）`, ` (${name})`);
}

/** The event's theme in the kiosk's language ('' before the kiosk has heard of the event). */
export function eventTheme(): string {
  const info = event.current;
  return info ? eventText(info, i18n.locale).theme : '';
}
