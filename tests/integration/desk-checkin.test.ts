import { expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ScanOutcome } from '../../shared/checkin.ts';
import type { RegisterReply } from '../../shared/visitors.ts';
import { nextEvent, request } from '../support/hub-harness.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { api, deviceSocket, pairDevice, staffSession, staffSocket } from '../support/staff.ts';

/** The staffed desk and the console's hold on kiosks: short codes, visitor search, checkpoint assignment. */
const hub = hubWithAdmin();
let scans = 0;

const register = async (body: object) =>
  (await (await api(hub.running.base).post('/api/visitors', { privacyConsent: false, ...body })).json()) as RegisterReply;
const scanOf = (pass: string, checkpointId = 'taihu-gate') => ({
  scanId: `desk-${Date.now()}-${++scans}`,
  pass,
  checkpointId,
  scannedAt: Date.now(),
  offline: false,
});

async function scan(socket: Socket, pass: string, checkpointId?: string): Promise<ScanOutcome> {
  const ack = await request(socket, 'checkin:scan', scanOf(pass, checkpointId));
  if (!ack.ok) throw new Error(`${ack.code} ${ack.detail}`);
  return ack.data;
}

async function kiosk(venueId = 'taihu') {
  const paired = await pairDevice(hub.running.base, hub.admin, { kind: 'kiosk', venueId });
  return { ...paired, socket: await deviceSocket(hub.running.base, paired.token, 'kiosk') };
}

test('a short code typed at a kiosk checks in like the pass, read the forgiving way', async () => {
  const visitor = await register({ nickname: '短码访客' });
  const { socket } = await kiosk();
  // Lower case, spaced, and with O for 0 / I for 1 where the code has them.
  const typed = visitor.shortCode
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/1/g, 'i')
    .replace(/^(.{4})/, '$1 ');
  expect(await scan(socket, typed)).toMatchObject({ result: 'welcome', counted: true, visitorName: '短码访客' });
  expect(await scan(socket, visitor.pass)).toMatchObject({ result: 'again', counted: false });
  expect(await scan(socket, 'ZZZZZZZZ')).toMatchObject({ result: 'invalid', reason: 'unknown-code', counted: false });
  const entries = hub.running.hub.db.prepare('SELECT COUNT(*) FROM entries WHERE visitor_id = ?').pluck().get(visitor.visitorId);
  expect(entries).toBe(1);
  socket.close();
});

test('a desk finds visitors by the last four digits or a part of the nickname, masked', async () => {
  await register({ nickname: '应急先锋甲', realName: '欧阳娜娜', mobile: '13900007788', privacyConsent: true });
  await register({ nickname: '应急先锋乙', mobile: '13600007788', privacyConsent: true });
  await register({ nickname: '100%_安全' });
  const mc = await staffSocket(hub.running.base, await staffSession(hub.running.base, hub.admin, 'desk-mc', 'mc', ['taihu']));

  const byTail = await request(mc, 'visitor:search', { query: '7788' });
  expect(byTail.ok && byTail.data.matches.map((m) => m.mobile).sort()).toEqual(['136****7788', '139****7788']);
  expect(byTail.ok && byTail.data.matches.find((m) => m.nickname === '应急先锋甲')?.realName).toBe('欧***');
  expect(JSON.stringify(byTail)).not.toContain('13900007788');

  const byName = await request(mc, 'visitor:search', { query: '先锋' });
  expect(byName.ok && byName.data.matches.map((m) => m.nickname).sort()).toEqual(['应急先锋乙', '应急先锋甲']);
  // LIKE's wildcards are text here: '%' finds the one nickname holding it, not everyone.
  const wildcard = await request(mc, 'visitor:search', { query: '%' });
  expect(wildcard.ok && wildcard.data.matches.map((m) => m.nickname)).toEqual(['100%_安全']);

  // The desk checks the found visitor in with the short code, inside its venue only.
  const found = byName.ok ? byName.data.matches[0]! : undefined;
  expect(await scan(mc, found!.shortCode)).toMatchObject({ result: 'welcome', counted: true });
  expect(await request(mc, 'checkin:scan', scanOf(found!.shortCode, 'lucheng-gate'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  expect(await request(mc, 'visitor:search', { query: '' })).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
  expect(await request(mc, 'visitor:search', { query: 'x'.repeat(21) })).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
  mc.close();
});

test('the console sets a kiosk’s check-in point; the kiosk is told at once and finds it again after a reconnect', async () => {
  const { socket, token, deviceId } = await kiosk();
  const before = await request(socket, 'checkin:setup', {});
  expect(before).toMatchObject({ ok: true, data: { assignedCheckpointId: null } });

  const told = nextEvent(socket, 'checkin:assigned');
  const response = await api(hub.running.base, hub.admin).put(`/api/devices/${deviceId}/checkpoint`, { checkpointId: 'taihu-law' });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ id: deviceId, checkpointId: 'taihu-law' });
  expect(await told).toEqual({ checkpointId: 'taihu-law' });
  socket.close();

  const again = await deviceSocket(hub.running.base, token, 'kiosk');
  expect(await request(again, 'checkin:setup', {})).toMatchObject({ ok: true, data: { assignedCheckpointId: 'taihu-law' } });

  // Another venue's point, an unknown one, and a screen are refused; the assignment stays.
  for (const [checkpointId, status, code] of [
    ['lucheng-gate', 404, 'UNKNOWN_CHECKPOINT'],
    ['nowhere', 404, 'UNKNOWN_CHECKPOINT'],
    ['Bad Id!', 400, 'BAD_PAYLOAD'],
  ] as const) {
    const refused = await api(hub.running.base, hub.admin).put(`/api/devices/${deviceId}/checkpoint`, { checkpointId });
    expect(refused.status).toBe(status);
    expect(await refused.json()).toMatchObject({ code });
  }
  const screen = await pairDevice(hub.running.base, hub.admin, { kind: 'screen', venueId: 'taihu', groupId: 'lobby' });
  const onScreen = await api(hub.running.base, hub.admin).put(`/api/devices/${screen.deviceId}/checkpoint`, { checkpointId: 'taihu-gate' });
  expect(await onScreen.json()).toMatchObject({ code: 'BAD_PAYLOAD' });
  expect(await request(again, 'checkin:setup', {})).toMatchObject({ ok: true, data: { assignedCheckpointId: 'taihu-law' } });

  const audit = hub.running.hub.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'device:assign'").pluck().get();
  expect(audit).toBe(1);
  again.close();
});
