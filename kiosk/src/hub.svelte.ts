import { connectHub } from '../../shared/client/hub-socket.svelte.ts';
import { createLocale } from '../../shared/client/locale.svelte.ts';
import { kioskCatalog } from './i18n/catalog.ts';

export const i18n = createLocale(kioskCatalog, 'eventday.kiosk.locale');
export const t = i18n.t;
export const hub = connectHub('kiosk', () => i18n.locale);
