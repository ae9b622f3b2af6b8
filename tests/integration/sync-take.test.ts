import { afterEach, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ProgramView, SlotState } from '../../shared/stage.ts';
import { connectClient, nextEvent, record, request, startHub, type RunningHub } from '../support/hub-harness.ts';
import { deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

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
const ALL_GROUPS = Object.keys(VENUE_OF);

async function setUp() {
  const running = await startHub();
  opened.hubs.push(running);
  const admin: Session = await signIn(running.base);
  const keep = (socket: Socket) => (opened.sockets.push(socket), socket);
  const screen = async (groupId: string) => {
    const { token } = await pairDevice(running.base, admin, { kind: 'screen', venueId: VENUE_OF[groupId]!, groupId });
    const socket = keep(await deviceSocket(running.base, token));
    const ack = await request(socket, 'stage:watch', { groupId });
    if (!ack.ok) throw new Error(ack.code);
    return socket;
  };
  const mc = keep(await staffSocket(running.base, await staffSession(running.base, admin, 'mc1', 'mc', null)));
  const operator = keep(await staffSocket(running.base, await staffSession(running.base, admin, 'op-songzhuang', 'operator', ['songzhuang'])));
  for (const console of [mc, operator]) await request(console, 'stage:overview', {});
  return { running, screen, mc, operator, keep };
}

async function prepare(console: Socket, groupId: string, scene: object): Promise<SlotState> {
  const ack = await request(console, 'stage:prepare', { groupId, scene });
  if (!ack.ok) throw new Error(ack.code);
  return ack.data;
}

const LAUNCH = { kind: 'message', tone: 'celebrate', title: '第十九届安全文化节 启动！', body: '人人讲安全、个个会应急' };

test('clock:sync answers the hub’s clock to screens, staff and visitors alike', async () => {
  const { running, screen, mc } = await setUp();
  const visitor = await connectClient(running.base, 'kiosk');
  opened.sockets.push(visitor);
  for (const socket of [await screen('lobby'), mc, visitor]) {
    const before = Date.now();
    const ack = await request(socket, 'clock:sync', {});
    expect(ack.ok).toBe(true);
    if (ack.ok) {
      expect(ack.data.serverNow).toBeGreaterThanOrEqual(before);
      expect(ack.data.serverNow).toBeLessThanOrEqual(Date.now());
    }
  }
  expect(await request(mc, 'clock:sync', { extra: 1 })).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
});

test('take-all: every screen of every venue gets the same switch time, a moment in the future; sub-venue consoles see the main stage', async () => {
  const { screen, mc, operator } = await setUp();
  const screens = await Promise.all(['main-stage', 'main-stage', 'songzhuang-hall', 'lucheng-hall', 'lobby'].map(screen));
  const arrivals = screens.map((socket) => nextEvent(socket, 'stage:program').then((view) => ({ view, at: Date.now() })));
  const mainSeen = nextEvent(operator, 'stage:main');
  const prepared = await prepare(mc, 'main-stage', LAUNCH);
  const sentAt = Date.now();
  const ack = await request(mc, 'stage:take-all', { groupId: 'main-stage', previewRevision: prepared.revision, groupIds: ALL_GROUPS });
  expect(ack.ok).toBe(true);
  if (!ack.ok) return;
  const { switchAt } = ack.data;
  expect(switchAt).toBeGreaterThanOrEqual(sentAt + 1000);
  expect(ack.data.programs.map((program) => program.groupId).sort()).toEqual([...ALL_GROUPS].sort());
  const leads: number[] = [];
  for (const { view, at } of await Promise.all(arrivals)) {
    expect(view.slot.scene).toEqual(LAUNCH);
    expect(view.slot.switchAt).toBe(switchAt);
    expect(at).toBeLessThan(switchAt);
    leads.push(switchAt - at);
  }
  console.log(
    `take-all to 5 screens in 3 venues: switch time ${switchAt - sentAt} ms after the command; it reached every screen ${Math.min(...leads)} ms or more before it`,
  );
  // The sub-venue operator's console shows what the main stage now shows.
  expect(await mainSeen).toMatchObject({ groupId: 'main-stage', name: '主舞台 LED', program: { scene: LAUNCH, switchAt } });
  const overview = await request(operator, 'stage:overview', {});
  expect(overview.ok && overview.data.venues.map((venue) => venue.id)).toEqual(['songzhuang']);
  expect(overview.ok && overview.data.mainStage).toMatchObject({ groupId: 'main-stage', program: { scene: LAUNCH } });
});

test('take-all is refused to operators, and for an unknown group or a changed preview nothing changes', async () => {
  const { screen, mc, operator } = await setUp();
  const lucheng = await screen('lucheng-hall');
  const seen = record(lucheng, 'stage:program');
  const prepared = await prepare(mc, 'main-stage', LAUNCH);
  expect(await request(operator, 'stage:take-all', { groupId: 'main-stage', previewRevision: prepared.revision, groupIds: ['songzhuang-hall'] })).toMatchObject(
    { ok: false, code: 'FORBIDDEN' },
  );
  expect(
    await request(mc, 'stage:take-all', { groupId: 'main-stage', previewRevision: prepared.revision, groupIds: ['lucheng-hall', 'no-such-group'] }),
  ).toMatchObject({ ok: false, code: 'UNKNOWN_GROUP' });
  expect(await request(mc, 'stage:take-all', { groupId: 'main-stage', previewRevision: prepared.revision - 1, groupIds: ['lucheng-hall'] })).toMatchObject({
    ok: false,
    code: 'PREVIEW_CHANGED',
  });
  expect(await request(mc, 'stage:take-all', { groupId: 'main-stage', previewRevision: prepared.revision, groupIds: [] })).toMatchObject({
    ok: false,
    code: 'BAD_PAYLOAD',
  });
  const snapshot = await request(lucheng, 'stage:watch', { groupId: 'lucheng-hall' });
  expect(snapshot.ok && snapshot.data.program.slot.scene.kind).not.toBe('message');
  expect(seen).toEqual([]);
});

test('follow mode: a following group mirrors the main stage and switches with it; an own group does not', async () => {
  const { screen, mc, operator } = await setUp();
  const [main, songzhuang, lucheng] = await Promise.all([screen('main-stage'), screen('songzhuang-hall'), screen('lucheng-hall')]);
  const luchengSaw = record(lucheng, 'stage:program');

  // The operator lets the hall follow: its screens show the main stage's program at once.
  const mirrored = nextEvent(songzhuang, 'stage:program');
  const followSeen = nextEvent(operator, 'stage:follow');
  expect(await request(operator, 'stage:follow', { groupId: 'songzhuang-hall', follow: 'main' })).toEqual({
    ok: true,
    data: { groupId: 'songzhuang-hall', follow: 'main' },
  });
  expect(await followSeen).toEqual({ groupId: 'songzhuang-hall', follow: 'main' });
  const mainNow = await request(main, 'stage:watch', { groupId: 'main-stage' });
  if (!mainNow.ok) throw new Error(mainNow.code);
  const first = await mirrored;
  expect(first.slot.scene).toEqual(mainNow.data.program.slot.scene);
  // A loop counts from the same moment in both halls.
  expect(first.slot.switchAt).toBe(mainNow.data.program.slot.switchAt ?? mainNow.data.program.slot.changedAt);

  // The MC takes on the main stage: main and follower get it with one switch time ahead.
  const atMain = nextEvent(main, 'stage:program');
  const atFollower = nextEvent(songzhuang, 'stage:program');
  const prepared = await prepare(mc, 'main-stage', LAUNCH);
  const taken = await request(mc, 'stage:take', { groupId: 'main-stage', previewRevision: prepared.revision });
  if (!taken.ok) throw new Error(taken.code);
  const [mainView, followerView] = await Promise.all([atMain, atFollower]);
  expect(followerView.slot.scene).toEqual(LAUNCH);
  expect(followerView.slot.switchAt).toBe(mainView.slot.switchAt);
  expect(mainView.slot.switchAt).toBeGreaterThan(Date.now());
  expect(followerView.groupId).toBe('songzhuang-hall');
  expect(followerView.slot.revision).toBeGreaterThan(first.slot.revision);

  // While following, the hall's own take is refused; the main stage cannot follow itself.
  const own = await prepare(operator, 'songzhuang-hall', { kind: 'blank' });
  expect(await request(operator, 'stage:take', { groupId: 'songzhuang-hall', previewRevision: own.revision })).toMatchObject({
    ok: false,
    code: 'STAGE_FOLLOWING',
  });
  expect(await request(mc, 'stage:follow', { groupId: 'main-stage', follow: 'main' })).toMatchObject({ ok: false, code: 'STAGE_FOLLOW_SELF' });
  // The operator's reach is their venue.
  expect(await request(operator, 'stage:follow', { groupId: 'lucheng-hall', follow: 'main' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  // Back under own control: the next main-stage take stays on the main stage, and it switches at once.
  await request(operator, 'stage:follow', { groupId: 'songzhuang-hall', follow: 'own' });
  const songzhuangLater = record<ProgramView>(songzhuang, 'stage:program');
  const again = await prepare(mc, 'main-stage', { kind: 'blank' });
  const before = Date.now();
  const alone = await request(mc, 'stage:take', { groupId: 'main-stage', previewRevision: again.revision });
  expect(alone.ok && alone.data.switchAt! - before).toBeLessThan(1000);
  expect((await request(operator, 'stage:take', { groupId: 'songzhuang-hall', previewRevision: own.revision })).ok).toBe(true);
  expect(songzhuangLater.map((view) => view.slot.scene.kind)).toEqual(['blank']);
  expect(luchengSaw).toEqual([]);
  const overview = await request(mc, 'stage:overview', {});
  expect(overview.ok && overview.data.stages.find((stage) => stage.groupId === 'songzhuang-hall')?.follow).toBe('own');
});
