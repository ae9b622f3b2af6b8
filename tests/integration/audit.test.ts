import { expect, test } from 'vitest';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import type { AuditEntryView } from '../../shared/staff-rest.ts';
import { request } from '../support/hub-harness.ts';
import { api, pairDevice, signIn, staffSession, staffSocket } from '../support/staff.ts';

const hub = hubWithAdmin();

const audit = async (query = '') => (await (await api(hub.running.base, hub.admin).get(`/api/audit${query}`)).json()) as AuditEntryView[];

test('every staff action that changes what the public sees or what is stored is in the audit log: who, when, from where, what', async () => {
  const startedAt = Date.now();
  const mc = await staffSession(hub.running.base, hub.admin, 'mc-audit', 'mc', ['taihu']);
  await api(hub.running.base, hub.admin).patch(`/api/accounts/${mc.account.id}`, { venueIds: ['taihu', 'lucheng'] });
  const mcAgain = await signIn(hub.running.base, 'mc-audit', 'staff-password-for-tests');
  const socket = await staffSocket(hub.running.base, mcAgain);
  const prepared = await request(socket, 'stage:prepare', {
    groupId: 'lobby',
    scene: { kind: 'message', tone: 'notice', title: '请勿占用消防通道', body: '' },
  });
  if (!prepared.ok) throw new Error(prepared.code);
  await request(socket, 'stage:take', { groupId: 'lobby', previewRevision: prepared.data.revision });
  const device = await pairDevice(hub.running.base, mcAgain, { kind: 'screen', venueId: 'taihu', groupId: 'lobby', name: '大厅左屏' });
  await api(hub.running.base, mcAgain).post(`/api/devices/${device.deviceId}/revoke`);
  socket.close();

  const entries = (await audit()).filter((entry) => entry.at >= startedAt).reverse();
  const summary = entries.map((entry) => `${entry.actorName} ${entry.action} ${entry.target}`);
  expect(summary).toEqual([
    `admin account:create account:${mc.account.id}`,
    'mc-audit session:sign-in account:' + mc.account.id,
    `admin account:update account:${mc.account.id}`,
    'mc-audit session:sign-in account:' + mc.account.id,
    'mc-audit stage:prepare group:lobby',
    'mc-audit stage:take group:lobby',
    `mc-audit device:approve device:${device.deviceId}`,
    `mc-audit device:revoke device:${device.deviceId}`,
  ]);
  for (const entry of entries) {
    expect(entry.ip).toMatch(/127\.0\.0\.1/);
    expect(entry.at).toBeGreaterThanOrEqual(startedAt);
  }
  const take = entries.find((entry) => entry.action === 'stage:take')!;
  expect(take.detail).toMatchObject({ scene: { title: '请勿占用消防通道' } });
  // Passwords never reach the log; a password change is recorded as such.
  expect(JSON.stringify(entries)).not.toContain('staff-password-for-tests');

  expect((await audit('?action=device:')).map((entry) => entry.action).sort()).toEqual(['device:approve', 'device:revoke']);
  expect((await audit('?actor=mc-audit')).every((entry) => entry.actorName === 'mc-audit')).toBe(true);
  expect(await audit('?target=group:lobby&limit=1')).toHaveLength(1);
});

test('the bootstrap admin is on record, and a bad filter is refused', async () => {
  const first = (await audit('?limit=1000')).at(-1)!;
  expect(first).toMatchObject({ actorKind: 'system', action: 'account:create', detail: { username: 'admin', bootstrap: true } });
  const bad = await api(hub.running.base, hub.admin).get('/api/audit?limit=lots');
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ code: 'BAD_PAYLOAD' });
});
