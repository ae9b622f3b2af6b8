import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ConsoleSnapshot } from '../../shared/stage.ts';
import { connectClient, request, startHub, type RunningHub } from '../support/hub-harness.ts';
import { api, signIn, staffSocket, type Session } from '../support/staff.ts';

let running: RunningHub;
let admin: Session;
let mc: Socket;
// Read over REST, so these reads never count against the console socket's rate limit.
const stageNow = async () => ((await (await api(running.base, admin).get('/api/stage')).json()) as ConsoleSnapshot).stages;
/** Raw bodies on purpose: some of these are not JSON at all. */
const post = (path: string, body: string) => api(running.base, admin).post(path, body);

beforeAll(async () => {
  running = await startHub();
  admin = await signIn(running.base);
  mc = await staffSocket(running.base, admin);
});
afterAll(async () => {
  mc.close();
  await running.close();
});

/** Each bad command gets its code and a sentence in Chinese, and the stage is exactly as before. */
test.each([
  ['a wrong type', 'stage:prepare', { groupId: 42, scene: { kind: 'blank' } }, 'BAD_PAYLOAD'],
  ['a missing field', 'stage:take', { groupId: 'main-stage' }, 'BAD_PAYLOAD'],
  ['an extra field', 'stage:prepare', { groupId: 'main-stage', scene: { kind: 'blank', html: '<script>' } }, 'BAD_PAYLOAD'],
  ['no payload at all', 'stage:take', undefined, 'BAD_PAYLOAD'],
  ['an unknown scene kind', 'stage:prepare', { groupId: 'main-stage', scene: { kind: 'fireworks' } }, 'UNKNOWN_SCENE_KIND'],
  ['an unknown group', 'stage:prepare', { groupId: 'no-such-group', scene: { kind: 'blank' } }, 'UNKNOWN_GROUP'],
  ['a take of an unknown group', 'stage:take', { groupId: 'no-such-group', previewRevision: 1 }, 'UNKNOWN_GROUP'],
  ['an unknown playlist', 'stage:prepare', { groupId: 'lobby', scene: { kind: 'loop', playlistId: 'nope' } }, 'UNKNOWN_PLAYLIST'],
  ['a title too long', 'stage:prepare', { groupId: 'lobby', scene: { kind: 'message', tone: 'info', title: '长'.repeat(81), body: '' } }, 'BAD_PAYLOAD'],
  ['an unknown event', 'stage:explode', { groupId: 'main-stage' }, 'UNKNOWN_EVENT'],
])('%s is refused with %s and changes nothing', async (_name, event, payload, code) => {
  const before = await stageNow();
  const ack = await request(mc, event, payload);
  expect(ack).toMatchObject({ ok: false, code });
  expect(ack.ok === false && ack.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await stageNow()).toEqual(before);
});

test('an unknown event leaves a log line', async () => {
  await request(mc, 'stage:explode', {});
  expect(running.logs.some((line) => line.msg === 'unknown event dropped' && line.event === 'stage:explode')).toBe(true);
});

test('a 2 MB string closes only the sender\u2019s connection, with a log line, and changes nothing', async () => {
  const before = await stageNow();
  const sender = await staffSocket(running.base, admin);
  const senderId = sender.id;
  const closed = new Promise<string>((resolve) => sender.on('disconnect', resolve));
  sender.emit('stage:prepare', { groupId: 'main-stage', scene: { kind: 'message', tone: 'info', title: 'x'.repeat(2 * 1024 * 1024), body: '' } }, () => {});
  expect(await closed).toMatch(/transport (close|error)/);
  await running.logged((line) => line.msg === 'socket disconnected' && line.level === 40 && line.socket === senderId);
  expect(mc.connected).toBe(true);
  expect(await stageNow()).toEqual(before);
  expect((await fetch(`${running.base}/healthz`)).status).toBe(200);
});

test('a 2 MB REST body is refused with PAYLOAD_TOO_LARGE', async () => {
  const response = await post(
    '/api/groups/main-stage/prepare',
    JSON.stringify({ scene: { kind: 'message', tone: 'info', title: 'x'.repeat(2 * 1024 * 1024), body: '' } }),
  );
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
});

test.each([
  ['not JSON', '/api/groups/main-stage/prepare', '{"scene":', 400, 'BAD_PAYLOAD'],
  ['a wrong type', '/api/groups/main-stage/take', '{"previewRevision":"two"}', 400, 'BAD_PAYLOAD'],
  ['an unknown scene kind', '/api/groups/main-stage/prepare', '{"scene":{"kind":"fireworks"}}', 400, 'UNKNOWN_SCENE_KIND'],
  ['an unknown group', '/api/groups/nowhere/prepare', '{"scene":{"kind":"blank"}}', 404, 'UNKNOWN_GROUP'],
  ['a stale preview', '/api/groups/main-stage/take', '{"previewRevision":0}', 409, 'PREVIEW_CHANGED'],
])('REST: %s gets %i %s and changes nothing', async (_name, path, body, status, code) => {
  const before = await stageNow();
  const response = await post(path, body);
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ code, message: expect.any(String) });
  expect(await stageNow()).toEqual(before);
});

test('a flood of 1,000 events from one socket is cut to the rate limit, logged, and other clients go on', async () => {
  const flooder = await staffSocket(running.base, admin);
  const before = (await stageNow()).find((stage) => stage.groupId === 'lobby')!;
  const acks = await Promise.all(
    Array.from({ length: 1000 }, (_, i) =>
      request(flooder, 'stage:prepare', { groupId: 'lobby', scene: { kind: 'message', tone: 'info', title: `第${i}条`, body: '' } }),
    ),
  );
  const limited = acks.filter((ack) => !ack.ok && ack.code === 'RATE_LIMITED').length;
  const applied = acks.filter((ack) => ack.ok).length;
  expect(limited + applied).toBe(1000);
  expect(applied).toBeLessThanOrEqual(60);
  expect(limited).toBeGreaterThanOrEqual(940);
  const after = (await stageNow()).find((stage) => stage.groupId === 'lobby')!;
  // Only what passed the limit changed the preview; the program is untouched.
  expect(after.preview.revision - before.preview.revision).toBeLessThanOrEqual(applied);
  expect(after.program).toEqual(before.program);
  expect(running.logs.some((line) => line.msg === 'rate limit: events refused')).toBe(true);
  // Another socket is not limited by this one.
  expect((await request(mc, 'stage:overview', {})).ok).toBe(true);
  flooder.close();
});

test('a handshake from another protocol version is told to reload; one without auth is refused', async () => {
  await expect(connectClient(running.base, 'kiosk', { auth: { protocol: 0, client: 'kiosk' } })).rejects.toMatchObject({
    data: { code: 'PROTOCOL_MISMATCH', serverProtocol: expect.any(Number) },
  });
  await expect(connectClient(running.base, 'kiosk', { auth: {} })).rejects.toMatchObject({ data: { code: 'BAD_PAYLOAD' } });
  expect((await fetch(`${running.base}/healthz`)).status).toBe(200);
});
