import { connectHub } from '../../shared/client/hub-socket.svelte.ts';
import { createLocale } from '../../shared/client/locale.svelte.ts';
import type { HandshakeAuth } from '../../shared/handshake.ts';
import { displayCatalog } from './i18n/catalog.ts';

export const i18n = createLocale(displayCatalog, 'eventday.display.locale');
export const t = i18n.t;

export const connect = (client: HandshakeAuth['client']) => connectHub(client, () => i18n.locale);
