import type { DeviceKind } from '../permissions.ts';
import type { HubConnection } from './hub-socket.svelte.ts';

/**
 * While the hub takes this device for a visitor, keep a fresh pairing code to show, and ask
 * for a new one shortly before the old one expires.
 */
export function keepPairingCode(hub: HubConnection, kind: DeviceKind) {
  let code = $state<string | null>(null);
  let expiresAt = $state(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh() {
    clearTimeout(timer);
    const ack = await hub.request('pairing:start', { kind });
    if (!ack.ok) return;
    code = ack.data.code;
    expiresAt = ack.data.expiresAt;
    timer = setTimeout(() => void refresh(), Math.max(5_000, expiresAt - Date.now() - 30_000));
  }

  hub.onReady((identity) => {
    if (identity.principal === 'visitor') void refresh();
    else {
      clearTimeout(timer);
      code = null;
    }
  });

  return {
    get code() {
      return code;
    },
    get expiresAt() {
      return expiresAt;
    },
  };
}
