import type { Db } from '../store/database.ts';
import { SILENT_AFTER_MS, type DeviceHealth, type DeviceHealthView, type DeviceHeartbeat } from '../../shared/device-health.ts';
import type { DeviceRecordView } from '../../shared/staff-rest.ts';
import { touchDevice } from './device-queries.ts';
import { realClock, type HubClock, type Timer } from '../clock.ts';

/** Silent: a working device not heard from (connect, heartbeat or disconnect) for longer than the limit. */
export function isSilent(lastSeenAt: number | null, revokedAt: number | null, now: number, silentAfterMs: number): boolean {
  return revokedAt === null && (lastSeenAt === null || now - lastSeenAt > silentAfterMs);
}

/** DEVICE_SILENT_AFTER_MS shortens the 15 s for tests and drills. */
function silentAfterFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.DEVICE_SILENT_AFTER_MS);
  return Number.isInteger(value) && value > 0 ? value : SILENT_AFTER_MS;
}

/**
 * Each device's last heartbeat, kept in memory: it comes every 5 s from every device, and
 * writing each one with synchronous=FULL would spend a disk flush on what the next one replaces.
 * The store keeps when a device was last seen at the moments that matter: it connected (the
 * token check) and it went away (here), so a restarted hub still shows when a silent device
 * was last heard of.
 */
export function createDeviceHealth(db: Db, silentAfterMs = silentAfterFromEnv(), clock: HubClock = realClock) {
  const now = clock.now;
  const beats = new Map<string, DeviceHealth>();
  // Departures are written together, a second later: a network blip drops a hall's devices at once.
  const departed = new Map<string, number>();
  let timer: Timer | undefined;
  const flush = () => {
    timer = undefined;
    if (!db.open || departed.size === 0) return;
    db.transaction(() => {
      for (const [deviceId, at] of departed) touchDevice(db, deviceId, at);
    })();
    departed.clear();
  };
  return {
    silentAfterMs,
    heartbeat(deviceId: string, beat: DeviceHeartbeat): void {
      beats.set(deviceId, { ...beat, receivedAt: now() });
    },
    disconnected(deviceId: string): void {
      departed.set(deviceId, now());
      timer ??= clock.setTimeout(flush, 1000);
    },
    /** Before the store closes: write what is waiting. */
    stop(): void {
      clock.clearTimeout(timer);
      flush();
    },
    view(device: DeviceRecordView): DeviceHealthView {
      const health = beats.get(device.id) ?? null;
      const lastSeenAt = Math.max(device.lastSeenAt ?? 0, health?.receivedAt ?? 0) || null;
      return { ...device, lastSeenAt, health, silent: isSilent(lastSeenAt, device.revokedAt, now(), silentAfterMs), silentAfterMs };
    },
  };
}
