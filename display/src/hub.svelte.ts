import { followEvent } from '../../shared/client/event-info.svelte.ts';
import { connectHub } from '../../shared/client/hub-socket.svelte.ts';
import { createLocale } from '../../shared/client/locale.svelte.ts';
import type { HandshakeAuth } from '../../shared/handshake.ts';
import { displayCatalog } from './i18n/catalog.ts';

export const i18n = createLocale(displayCatalog, 'eventday.display.locale');
export const t = i18n.t;

let followed = $state.raw<ReturnType<typeof followEvent> | null>(null);

/** The page's one hub connection (a screen's or the console's); it follows the event as well. */
export function connect(client: HandshakeAuth['client']) {
  const hub = connectHub(client, () => i18n.locale);
  followed = followEvent(hub, 'eventday.display.event');
  return hub;
}

/** The event as its organiser set it up (every scene's strip, the console's title); null before the hub first answers. */
export const event = {
  get current() {
    return followed?.current ?? null;
  },
};
