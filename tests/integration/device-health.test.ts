import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import { manualClock } from '../../server/clock.ts';
import { SILENT_AFTER_MS, type DeviceHealthView, type DeviceHeartbeat } from '../../shared/device-health.ts';
import { closedOnHub, connectClient, nextEvent, record, request, startHub, type RunningHub } from '../support/hub-harness.ts';
import { api, deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

/**
 * Device health against the real hub: heartbeats kept and listed, a silent device marked after
 * the 15 s (the hub runs on a manual clock here: the test moves it on), reload and identify
 * reaching the device, and an operator of another venue refused.
 */
const clock = manualClock();
let running: RunningHub;
let admin: Session;
let operator: Session;
let screen: { deviceId: string; token: string };
let kiosk: { deviceId: string; token: string };
const sockets: Socket[] = [];
const keep = (socket: Socket) => (sockets.push(socket), socket);

const BEAT: DeviceHeartbeat = { scene: 'loop', revision: 7, appVersion: '0.1.0+abc123', outboxSize: 0, lastError: null };

async function healthList(session: Session): Promise<DeviceHealthView[]> {
  const response = await api(running.base, session).get('/api/devices/health');
  expect(response.status).toBe(200);
  return (await response.json()) as DeviceHealthView[];
}
const entry = async (deviceId: string, session = admin) => (await healthList(session)).find((device) => device.id === deviceId)!;

beforeAll(async () => {
  running = await startHub(undefined, { clock });
  admin = await signIn(running.base);
  operator = await staffSession(running.base, admin, 'lucheng-op', 'operator', ['lucheng']);
  screen = await pairDevice(running.base, admin, { kind: 'screen', venueId: 'lucheng', groupId: 'lucheng-hall', name: '潞城大屏' });
  kiosk = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: 'taihu', name: '台湖入口签到机' });
});
afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await running.close();
});

test('a heartbeat is kept and listed with the device; silence turns it red after the limit, a new beat back', async () => {
  const socket = keep(await deviceSocket(running.base, screen.token, 'screen'));
  const sentAt = clock.now();
  expect(await request(socket, 'device:heartbeat', BEAT)).toEqual({ ok: true, data: {} });
  const listed = await entry(screen.deviceId);
  expect(listed).toMatchObject({ name: '潞城大屏', online: true, silent: false, silentAfterMs: SILENT_AFTER_MS, health: { ...BEAT, receivedAt: sentAt } });
  expect(listed.lastSeenAt).toBe(sentAt);

  // Silent only once the limit has passed.
  clock.advance(SILENT_AFTER_MS);
  expect(await entry(screen.deviceId)).toMatchObject({ silent: false, online: true });
  clock.advance(1);
  expect(await entry(screen.deviceId)).toMatchObject({ silent: true, online: true });
  await request(socket, 'device:heartbeat', { ...BEAT, scene: 'stats', revision: 8, outboxSize: 3, lastError: 'TypeError: x is undefined' });
  expect(await entry(screen.deviceId)).toMatchObject({
    silent: false,
    lastSeenAt: clock.now(),
    health: { scene: 'stats', revision: 8, outboxSize: 3, lastError: 'TypeError: x is undefined', receivedAt: clock.now() },
  });

  // A device that is paired but never heard from since is silent, not “fine”.
  clock.advance(SILENT_AFTER_MS + 1);
  expect(await entry(kiosk.deviceId)).toMatchObject({ silent: true, online: false, health: null });
});

test('a device going away is noted in the store as last seen, a second later', async () => {
  const storedLastSeen = () => running.hub.db.prepare('SELECT last_seen_at FROM devices WHERE id = ?').pluck().get(kiosk.deviceId) as number;
  const socket = await deviceSocket(running.base, kiosk.token, 'kiosk');
  const connectedAt = clock.now();
  expect(storedLastSeen()).toBe(connectedAt);
  clock.advance(5000);
  await request(socket, 'device:heartbeat', { ...BEAT, scene: 'checkin', revision: null });
  const closedAt = clock.now();
  const gone = closedOnHub(running.hub, socket);
  socket.close();
  await gone;
  // Departures are written a second later, together.
  expect(storedLastSeen()).toBe(connectedAt);
  clock.advance(999);
  expect(storedLastSeen()).toBe(connectedAt);
  clock.advance(1);
  expect(storedLastSeen()).toBe(closedAt);
});

test('reload and identify reach the device; an offline one is reported undelivered; both are audited', async () => {
  const socket = keep(await deviceSocket(running.base, screen.token, 'screen'));
  const reload = nextEvent(socket, 'device:reload');
  const reloaded = await api(running.base, admin).post(`/api/devices/${screen.deviceId}/reload`);
  expect(await reloaded.json()).toEqual({ delivered: true });
  await reload;

  const identify = nextEvent(socket, 'device:identify');
  const identified = await api(running.base, admin).post(`/api/devices/${screen.deviceId}/identify`);
  expect(await identified.json()).toEqual({ delivered: true });
  expect(await identify).toEqual({ name: '潞城大屏', seconds: 10 });

  // The operator of this venue may too.
  const byOperator = await api(running.base, operator).post(`/api/devices/${screen.deviceId}/identify`);
  expect(byOperator.status).toBe(200);

  const offline = await api(running.base, admin).post(`/api/devices/${kiosk.deviceId}/reload`);
  expect(await offline.json()).toEqual({ delivered: false });
  const audit = (await (await api(running.base, admin).get('/api/audit?action=device:')).json()) as { action: string; target: string }[];
  expect(audit.filter((line) => line.action === 'device:reload').map((line) => line.target)).toEqual([`device:${kiosk.deviceId}`, `device:${screen.deviceId}`]);
  expect(audit.filter((line) => line.action === 'device:identify')).toHaveLength(2);
});

test('an operator of another venue is refused, sees none of its devices, and the device hears nothing', async () => {
  const kioskSocket = keep(await deviceSocket(running.base, kiosk.token, 'kiosk'));
  const reloads = record(kioskSocket, 'device:reload');
  const identifies = record(kioskSocket, 'device:identify');
  for (const action of ['reload', 'identify']) {
    const refused = await api(running.base, operator).post(`/api/devices/${kiosk.deviceId}/${action}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
  }
  expect((await healthList(operator)).map((device) => device.id)).toEqual([screen.deviceId]);
  // Nor may a visitor; an unknown device id is named as such.
  expect((await api(running.base).post(`/api/devices/${kiosk.deviceId}/reload`)).status).toBe(401);
  const unknown = await api(running.base, admin).post('/api/devices/dev-00000000/reload');
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: 'UNKNOWN_DEVICE' });
  // A round trip on the kiosk's socket: anything sent to it before would have arrived by now.
  await request(kioskSocket, 'device:heartbeat', BEAT);
  expect([...reloads, ...identifies]).toEqual([]);
});

test('heartbeats come only from paired devices, in the right shape', async () => {
  const device = keep(await deviceSocket(running.base, screen.token, 'screen'));
  for (const bad of [
    { ...BEAT, outboxSize: -1 },
    { ...BEAT, scene: 'x'.repeat(41) },
    { ...BEAT, lastError: 'e'.repeat(301) },
    { ...BEAT, extra: true },
    { scene: 'loop' },
  ]) {
    expect(await request(device, 'device:heartbeat', bad)).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
  }
  const visitor = keep(await connectClient(running.base, 'kiosk'));
  expect(await request(visitor, 'device:heartbeat', BEAT)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  const staff = keep(await staffSocket(running.base, admin));
  expect(await request(staff, 'device:heartbeat', BEAT)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  // The hub keeps serving: the last good beat is still the one listed.
  expect((await entry(screen.deviceId)).health).toMatchObject({ scene: 'stats' });
});
