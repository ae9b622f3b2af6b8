import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ReadinessItem } from '../../shared/readiness.ts';
import { requestOk } from '../support/hub-harness.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { takeOverRest } from '../support/rest.ts';
import { api, pairDevice, STAFF_PASSWORD, staffSession, staffSocket } from '../support/staff.ts';

/**
 * 就绪检查 against the real hub: the demo event as seeded is missing its screens, kiosks and
 * operators; each one set up (a screen paired, an operator who signs in, a kiosk at its point)
 * takes its line away, and a blank scene on air adds one. An operator sees their venue only.
 */
const hub = hubWithAdmin();
let adminSocket: Socket;
beforeAll(async () => {
  adminSocket = await staffSocket(hub.running.base, hub.admin);
});
afterAll(() => adminSocket?.close());

const lines = (items: ReadinessItem[]) => items.map((item) => `${item.kind} ${item.venueId ?? '-'} ${item.subject}`.trim());
const check = async (socket = adminSocket) => requestOk(socket, 'venue:readiness', {});

test('what is missing, as each thing gets done', async () => {
  const first = await check();
  expect(first.venues).toBe(3);
  expect(lines(first.items)).toEqual(
    expect.arrayContaining([
      'venue-no-screen taihu',
      'venue-no-screen songzhuang',
      'venue-no-operator songzhuang',
      'venue-no-operator lucheng',
      'group-no-screen songzhuang 宋庄分会场大屏',
      'point-no-kiosk songzhuang 宋庄分会场入口',
      'point-no-kiosk taihu 普法咨询',
    ]),
  );
  // The main venue needs no operator: admins and MCs run it.
  expect(lines(first.items)).not.toContain('venue-no-operator taihu');
  expect(lines(first.items).filter((line) => line.startsWith('group-nothing-on-air'))).toEqual([]);

  await pairDevice(hub.running.base, hub.admin, { kind: 'screen', venueId: 'songzhuang', groupId: 'songzhuang-hall' });
  const kiosk = await pairDevice(hub.running.base, hub.admin, { kind: 'kiosk', venueId: 'songzhuang' });
  expect((await api(hub.running.base, hub.admin).put(`/api/devices/${kiosk.deviceId}/checkpoint`, { checkpointId: 'songzhuang-gate' })).status).toBe(200);
  const operator = await staffSession(hub.running.base, hub.admin, 'songzhuang-op', 'operator', ['songzhuang']);
  await takeOverRest(hub.running.base, 'lucheng-hall', { kind: 'blank' }, hub.admin);

  const second = lines((await check()).items);
  for (const done of [
    'venue-no-screen songzhuang',
    'group-no-screen songzhuang 宋庄分会场大屏',
    'point-no-kiosk songzhuang 宋庄分会场入口',
    'venue-no-operator songzhuang',
  ]) {
    expect(second).not.toContain(done);
  }
  expect(second).toContain('group-nothing-on-air lucheng 潞城分会场大屏');
  expect(second).toContain('venue-no-operator lucheng');

  // The operator's own view: their venue only (the session above signed in once already).
  const operatorSocket = await staffSocket(hub.running.base, operator);
  const own = await check(operatorSocket);
  expect(own.venues).toBe(1);
  expect(own.items.every((item) => item.venueId === 'songzhuang')).toBe(true);
  expect(lines(own.items)).not.toContain(expect.stringContaining('operator-never-signed-in'));
  operatorSocket.close();

  // An operator created but never signed in is listed by name, for the organiser to call.
  await api(hub.running.base, hub.admin).post('/api/accounts', {
    username: 'lucheng-op',
    displayName: '潞城联络员',
    role: 'operator',
    venueIds: ['lucheng'],
    password: STAFF_PASSWORD,
  });
  const third = lines((await check()).items);
  expect(third).toContain('operator-never-signed-in lucheng 潞城联络员（lucheng-op）');
  expect(third).not.toContain('venue-no-operator lucheng');
});
