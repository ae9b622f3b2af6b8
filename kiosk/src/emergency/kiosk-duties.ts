import { mount } from 'svelte';
import { followDeviceDuties } from '../../../shared/client/device-duties.svelte.ts';
import DeviceDutiesLayer from '../../../shared/ui/DeviceDutiesLayer.svelte';
import { outbox } from '../checkin/outbox.ts';
import { hub } from '../hub.svelte.ts';

/**
 * On a paired kiosk, over every page (home, check-in, quiz, live quiz …): the venue's emergency
 * notice, the heartbeat (page and offline scans waiting), and the console's reload and identify.
 * Call it before the page loads, so the notice sent as the socket connects is not missed.
 */
export function startKioskDuties(): void {
  const page = location.pathname.replace(/^\/kiosk\/?/, '').replace(/\/+$/, '') || 'home';
  const duties = followDeviceDuties(hub, () => ({ scene: page, revision: null, outboxSize: outbox.count().catch(() => 0) }));
  const layer = document.createElement('div');
  layer.className = 'device-duties';
  document.body.append(layer);
  mount(DeviceDutiesLayer, { target: layer, props: { duties } });
}
