import { afterEach, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ConsoleSnapshot, ProgramView } from '../../shared/stage.ts';
import { nextEvent, record, request, startHub, type RunningHub } from '../support/hub-harness.ts';
import { takeOverRest } from '../support/rest.ts';
import { deviceSocket, pairDevice, signIn, staffSocket, type Session } from '../support/staff.ts';

const opened: { hubs: RunningHub[]; sockets: Socket[] } = { hubs: [], sockets: [] };
afterEach(async () => {
  opened.sockets.splice(0).forEach((socket) => socket.close());
  for (const hub of opened.hubs.splice(0)) await hub.close();
});

const VENUE_OF: Record<string, string> = {
  'main-stage': 'taihu',
  'side-screens': 'taihu',
  lobby: 'taihu',
  'songzhuang-hall': 'songzhuang',
  'lucheng-hall': 'lucheng',
};

/** The hub with an admin signed in; `client('console')` is the admin's console, `screen(group)` a screen paired to that group. */
async function hubWithClients(dataDir?: string) {
  const running = await startHub(dataDir);
  opened.hubs.push(running);
  const admin: Session = await signIn(running.base);
  const keep = (socket: Socket) => (opened.sockets.push(socket), socket);
  const client = async (_kind: 'console') => keep(await staffSocket(running.base, admin));
  const screen = async (groupId: string) => {
    const { token } = await pairDevice(running.base, admin, { kind: 'screen', venueId: VENUE_OF[groupId]!, groupId });
    return keep(await deviceSocket(running.base, token));
  };
  return { running, client, screen, admin };
}

async function watch(socket: Socket, groupId: string) {
  const ack = await request(socket, 'stage:watch', { groupId });
  if (!ack.ok) throw new Error(ack.code);
  return ack.data;
}

async function prepareAndTake(console: Socket, groupId: string, scene: object) {
  const prepared = await request(console, 'stage:prepare', { groupId, scene });
  if (!prepared.ok) throw new Error(prepared.code);
  return request(console, 'stage:take', { groupId, previewRevision: prepared.data.revision });
}

test('an empty data folder starts with the demo event: the main venue, two sub-venues, their groups and a playlist', async () => {
  const { client } = await hubWithClients();
  const ack = await request<ConsoleSnapshot>(await client('console'), 'stage:overview', {});
  expect(ack.ok).toBe(true);
  if (!ack.ok) return;
  const [main, ...subs] = ack.data.venues;
  expect(main).toMatchObject({ name: '台湖主会场', kind: 'main' });
  expect(main!.groups.map((group) => group.id)).toEqual(['main-stage', 'side-screens', 'lobby']);
  expect(main!.groups[0]!.name).toBe('主舞台 LED');
  expect(subs).toHaveLength(2);
  subs.forEach((venue) => {
    expect(venue.kind).toBe('sub');
    expect(venue.groups).toHaveLength(1);
  });
  expect(ack.data.playlists[0]!.items.length).toBeGreaterThanOrEqual(3);
  expect(ack.data.stages).toHaveLength(5);
  expect(ack.data.kioskUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kiosk\/$/);
});

test('a take reaches every screen of the group and the consoles, and no other group', async () => {
  const { client, screen } = await hubWithClients();
  const screens = await Promise.all([screen('main-stage'), screen('main-stage'), screen('main-stage')]);
  const before = await Promise.all(screens.map((screen) => watch(screen, 'main-stage')));
  const lobby = await screen('lobby');
  await watch(lobby, 'lobby');
  const lobbySaw = record(lobby, 'stage:program');
  const lobbyPreviews = record(lobby, 'stage:preview');
  const screenPreviews = record(screens[0]!, 'stage:preview');
  const consoleSocket = await client('console');
  await request(consoleSocket, 'stage:overview', {});
  const consolePreview = nextEvent(consoleSocket, 'stage:preview');
  const consoleProgram = nextEvent(consoleSocket, 'stage:program');
  const arrivals = screens.map((screen) => nextEvent(screen, 'stage:program'));

  const scene = { kind: 'message', tone: 'celebrate', title: '开幕式即将开始', body: '请各位来宾就座' };
  const taken = await prepareAndTake(consoleSocket, 'main-stage', scene);

  expect(taken.ok).toBe(true);
  if (!taken.ok) return;
  expect(taken.data.revision).toBeGreaterThan(before[0]!.program.slot.revision);
  for (const view of await Promise.all(arrivals)) {
    expect(view).toMatchObject({ groupId: 'main-stage', slot: { revision: taken.data.revision, scene }, playlist: null });
  }
  expect((await consolePreview).slot.scene).toEqual(scene);
  expect((await consoleProgram).slot.revision).toBe(taken.data.revision);
  // Broadcasts are sent before the take's ack: a screen of another group would have them by now.
  expect(lobbySaw).toEqual([]);
  expect(lobbyPreviews).toEqual([]);
  expect(screenPreviews).toEqual([]);
});

test('a loop take carries its playlist, so a screen can play it without asking again', async () => {
  const { client, screen } = await hubWithClients();
  const lobby = await screen('lobby');
  await watch(lobby, 'lobby');
  const arrival = nextEvent(lobby, 'stage:program');
  const consoleSocket = await client('console');
  await prepareAndTake(consoleSocket, 'lobby', { kind: 'loop', playlistId: 'festival-loop' });
  const view = await arrival;
  expect(view.playlist?.id).toBe('festival-loop');
  expect(view.playlist!.items.length).toBeGreaterThanOrEqual(3);
});

test('a take of a preview that another MC changed meanwhile is refused, and the program stays', async () => {
  const { client, screen } = await hubWithClients();
  const [mcA, mcB] = await Promise.all([client('console'), client('console')]);
  const seenByA = await request(mcA, 'stage:prepare', {
    groupId: 'side-screens',
    scene: { kind: 'message', tone: 'info', title: 'A 的画面', body: '' },
  });
  await request(mcB, 'stage:prepare', { groupId: 'side-screens', scene: { kind: 'blank' } });
  if (!seenByA.ok) throw new Error(seenByA.code);
  const refused = await request(mcA, 'stage:take', { groupId: 'side-screens', previewRevision: seenByA.data.revision });
  expect(refused).toMatchObject({ ok: false, code: 'PREVIEW_CHANGED' });
  expect(refused.ok === false && refused.message).toContain('预览');
  const shown = await watch(await screen('side-screens'), 'side-screens');
  expect(shown.program.slot.scene.kind).toBe('message');
  expect(shown.program.slot.scene).toMatchObject({ title: '第十九届安全文化节' });
});

test('stage:air puts a scene on air in one step: preview and program hold it, screens get it once; a bad scene changes neither', async () => {
  const { client, screen } = await hubWithClients();
  const mc = await client('console');
  const side = await screen('side-screens');
  const before = await watch(side, 'side-screens');
  const programs = record<ProgramView>(side, 'stage:program');
  const scene = { kind: 'message', tone: 'notice', title: '请往东侧疏散', body: '' };
  const onAir = nextEvent(side, 'stage:program');
  const aired = await request(mc, 'stage:air', { groupId: 'side-screens', scene });
  if (!aired.ok) throw new Error(aired.code);
  expect(aired.data.scene).toEqual(scene);
  expect((await onAir).slot).toEqual(aired.data);
  const overview = await request(mc, 'stage:overview', {});
  const stage = overview.ok ? overview.data.stages.find((entry) => entry.groupId === 'side-screens') : undefined;
  // Prepared, then taken, as the two commands do: the preview holds the scene, the program came right after it.
  expect(stage?.preview.scene).toEqual(scene);
  expect(stage?.preview.revision).toBeGreaterThan(before.program.slot.revision);
  expect(aired.data.revision).toBe(stage!.preview.revision + 1);
  expect(programs).toHaveLength(1);

  // A loop of a playlist that does not exist: refused before anything is stored.
  const refused = await request(mc, 'stage:air', { groupId: 'side-screens', scene: { kind: 'loop', playlistId: 'no-such-loop' } });
  expect(refused).toMatchObject({ ok: false, code: 'UNKNOWN_PLAYLIST' });
  const after = await request(mc, 'stage:overview', {});
  expect(after.ok && after.data.stages.find((entry) => entry.groupId === 'side-screens')).toEqual(stage);
  expect(programs).toHaveLength(1);
});

test('after a hub restart a new screen shows the scene taken before, and revisions keep rising', async () => {
  const first = await hubWithClients();
  const scene = { kind: 'join', title: '扫码参加现场竞答' };
  const taken = await prepareAndTake(await first.client('console'), 'main-stage', scene);
  if (!taken.ok) throw new Error(taken.code);
  const dataDir = first.running.dataDir;
  opened.sockets.splice(0).forEach((socket) => socket.close());
  await opened.hubs.pop()!.close();

  const second = await hubWithClients(dataDir);
  const snapshot = await watch(await second.screen('main-stage'), 'main-stage');
  expect(snapshot.program.slot).toMatchObject({ revision: taken.data.revision, scene });
  const again = await prepareAndTake(await second.client('console'), 'main-stage', { kind: 'blank' });
  expect(again.ok && again.data.revision).toBeGreaterThan(taken.data.revision);
});

test('REST prepare and take do what the socket commands do, and broadcast to the screens', async () => {
  const { running, screen, admin } = await hubWithClients();
  const lucheng = await screen('lucheng-hall');
  await watch(lucheng, 'lucheng-hall');
  const arrival = nextEvent(lucheng, 'stage:program');
  const slot = await takeOverRest(running.base, 'lucheng-hall', { kind: 'blank' }, admin);
  const view = await arrival;
  expect(view.slot).toEqual(slot);
  expect(view.slot.scene).toEqual({ kind: 'blank' });
});
