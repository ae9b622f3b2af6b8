import { request } from './hub-harness.ts';
import { api, deviceSocket, pairDevice, type Session } from './staff.ts';

/** A visitor's mobile number in the tests that register people by name. */
export const mobileOf = (index: number) => `1370000${String(index).padStart(4, '0')}`;

/**
 * Registers people (real name shown, a mobile each) and lets them in at the main entrance
 * through the real commands, as a paired kiosk does: the pool a prize draw takes from.
 */
export async function checkInVisitors(base: string, admin: Session, realNames: string[], scanPrefix: string): Promise<void> {
  const kiosk = await deviceSocket(base, (await pairDevice(base, admin, { kind: 'kiosk', venueId: 'taihu' })).token, 'kiosk');
  for (const [index, realName] of realNames.entries()) {
    const registered = (await (
      await api(base).post('/api/visitors', { nickname: `安全达人${index}`, realName, showRealName: true, mobile: mobileOf(index), privacyConsent: true })
    ).json()) as { pass: string };
    await request(kiosk, 'checkin:scan', {
      scanId: `${scanPrefix}-${index}`,
      pass: registered.pass,
      checkpointId: 'taihu-gate',
      scannedAt: Date.now(),
      offline: false,
    });
  }
  kiosk.close();
}
