import { version } from '../../package.json';
import { HEARTBEAT_INTERVAL_MS, type DeviceHeartbeat } from '../device-health.ts';
import type { EmergencyNotice } from '../emergency.ts';
import { isNewerRevision } from '../revision.ts';
import type { HubConnection } from './hub-socket.svelte.ts';

/** What the app says it shows, for the heartbeat. */
export type DeviceReport = () => Pick<DeviceHeartbeat, 'scene' | 'revision'> & { outboxSize: number | Promise<number> };

/** The package version and the build's hash (from the entry script's file name): which build a device runs. */
function appVersion(): string {
  const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '';
  const build = /-([\w-]{6,12})\.js$/.exec(entry)?.[1];
  return (build ? `${version}+${build}` : version).slice(0, 40);
}

/**
 * What every paired screen and kiosk does besides its own job: follow its venue's emergency
 * notice, report a heartbeat, and obey the console's reload and identify. The notice stays on
 * while the link is down; after a reconnect the hub's state (sent unasked) is the truth.
 */
export function followDeviceDuties(hub: HubConnection, report: DeviceReport) {
  let emergency = $state.raw<EmergencyNotice | null>(null);
  let revision: number | undefined;
  let identify = $state.raw<{ name: string; until: number } | null>(null);
  let lastError: string | null = null;
  let identifyTimer: ReturnType<typeof setTimeout> | undefined;

  hub.socket.on('disconnect', () => {
    revision = undefined;
  });
  hub.socket.on('emergency:state', (state) => {
    if (!isNewerRevision(revision, state.revision)) return;
    revision = state.revision;
    emergency = state.emergency;
    // Cleared: tell the hub at once (the overlay reports a shown notice once it is drawn).
    if (!state.emergency) void hub.request('emergency:shown', { revision: state.revision, emergencyId: null });
  });
  hub.socket.on('device:reload', () => location.reload());
  hub.socket.on('device:identify', ({ name, seconds }) => {
    clearTimeout(identifyTimer);
    identify = { name, until: Date.now() + seconds * 1000 };
    identifyTimer = setTimeout(() => (identify = null), seconds * 1000);
  });

  const noteError = (message: string) => (lastError = message.slice(0, 300));
  addEventListener('error', (event) => noteError(event.message || 'error'));
  addEventListener('unhandledrejection', (event) => noteError(String((event.reason as Error | undefined)?.message ?? event.reason)));

  async function beat() {
    if (!hub.identity?.device) return;
    const { scene, revision: shownRevision, outboxSize } = report();
    const beat: DeviceHeartbeat = { scene: scene.slice(0, 40), revision: shownRevision, appVersion: appVersion(), outboxSize: await outboxSize, lastError };
    await hub.request('device:heartbeat', beat);
  }
  hub.onReady((identity) => {
    // Revoked (or never paired): no venue, so no notice to keep showing.
    if (!identity.device) emergency = null;
    void beat();
  });
  setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);

  return {
    get emergency() {
      return emergency;
    },
    /** Staff pressed “identify”: the name to show large, until when. */
    get identify() {
      return identify;
    },
    /** Called by the overlay once the notice is drawn. */
    shown(emergencyId: string) {
      if (revision === undefined || emergency?.id !== emergencyId) return;
      void hub.request('emergency:shown', { revision, emergencyId });
    },
  };
}

export type DeviceDuties = ReturnType<typeof followDeviceDuties>;
