import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import { manualClock } from '../../server/clock.ts';
import type { ProgrammeBoard, ProgrammeState } from '../../shared/programme.ts';
import type { ProgramView } from '../../shared/stage.ts';
import { nextEvent, record, request, startHub, type RunningHub, requestOk } from '../support/hub-harness.ts';
import { deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

/**
 * The running order against the real hub: the admin's items checked against the day, the MC's
 * button moving the pointer and putting each item's scene on the main stage, lobby screens
 * following now and next. The hub runs on a manual clock set to 07:00 on 14 June (Beijing time),
 * so that "in the past" means the same thing whenever the test runs; it stands still there.
 */
const SEVEN_AM = Date.parse('2026-06-14T07:00:00+08:00');
const clock = manualClock(SEVEN_AM);
let running: RunningHub;
let admin: Session;
let adminSocket: Socket;
let mc: Socket;
let operator: Socket;
let viewer: Socket;
let farMc: Socket;
let mainScreen: Socket;
let lobbyScreen: Socket;

beforeAll(async () => {
  running = await startHub(undefined, { clock });
  admin = await signIn(running.base);
  adminSocket = await staffSocket(running.base, admin);
  mc = await staffSocket(running.base, await staffSession(running.base, admin, 'mc-main', 'mc', ['taihu']));
  farMc = await staffSocket(running.base, await staffSession(running.base, admin, 'mc-songzhuang', 'mc', ['songzhuang']));
  operator = await staffSocket(running.base, await staffSession(running.base, admin, 'operator-main', 'operator', ['taihu']));
  viewer = await staffSocket(running.base, await staffSession(running.base, admin, 'viewer-all', 'viewer', null));
  mainScreen = await deviceSocket(running.base, (await pairDevice(running.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'main-stage' })).token);
  lobbyScreen = await deviceSocket(running.base, (await pairDevice(running.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'lobby' })).token);
  // The main stage's screen watches its group, as the screen app does on connecting.
  await ok(mainScreen, 'stage:watch', { groupId: 'main-stage' });
});
afterAll(async () => {
  for (const socket of [adminSocket, mc, farMc, operator, viewer, mainScreen, lobbyScreen]) socket?.close();
  await running?.close();
});

const ok = requestOk;

/** What must not change when a command is refused: the items, the pointer, the revision. */
const unchanging = ({ revision, items, currentId, startedAt }: ProgrammeState) => ({ revision, items, currentId, startedAt });
/** Read on a socket of its own, so reads never spend the budget of the socket under test. */
async function programmeNow() {
  const reader = await staffSocket(running.base, admin);
  try {
    return unchanging(await ok(reader, 'programme:list'));
  } finally {
    reader.close();
  }
}
const mainStageProgram = () => ok(mainScreen, 'stage:watch', { groupId: 'main-stage' }).then((snapshot) => snapshot.program.slot);

const GOOD = {
  title: '消防演练观摩',
  titleEn: 'Fire drill',
  performers: '台湖消防站',
  start: '13:30',
  lengthMin: 30,
  scene: { kind: 'message', tone: 'info', title: '消防演练观摩', body: '请到广场东侧' },
  notes: '提醒观众注意安全距离',
};

test('the demo running order is there, in start order, before the show starts', async () => {
  const state = await ok(adminSocket, 'programme:list');
  expect(state.day).toBe('2026-06-14');
  expect(state.currentId).toBeNull();
  expect(state.items.map((item) => `${item.start} ${item.title}`)).toEqual([
    '09:00 入场签到与暖场视频',
    '09:30 启动仪式倒计时',
    '09:35 领导致辞',
    '09:45 节目汇演·情景剧《畅通生命通道》',
    '10:10 现场安全知识竞答',
    '10:30 颁奖表彰',
    '10:50 幸运抽奖',
    '11:00 沉浸式体验与咨询',
  ]);
  expect(state.items[1]!.scene).toEqual({
    kind: 'countdown',
    title: '第十九届安全文化节 · 启动仪式',
    to: '2026-06-14T09:35:00+08:00',
    endText: '安全文化节正式启动！',
  });
  const board = await ok(lobbyScreen, 'programme:watch');
  expect(board.current).toBeNull();
  expect(board.following.map((item) => item.start)).toEqual(['09:00', '09:30', '09:35', '09:45']);
  expect(board.following[0]).not.toHaveProperty('notes');
});

test('the admin adds and edits an item; consoles that listed the order hear the change', async () => {
  await ok(mc, 'programme:list');
  const heard = nextEvent(mc, 'programme:state');
  const added = await ok(adminSocket, 'programme:save', GOOD);
  const item = added.items.find((entry) => entry.title === '消防演练观摩')!;
  expect(item).toMatchObject({ start: '13:30', lengthMin: 30, groupIds: [], notes: '提醒观众注意安全距离' });
  expect(item.id).toMatch(/^pi-[0-9a-f]{8}$/);
  expect((await heard).revision).toBe(added.revision);

  const edited = await ok(adminSocket, 'programme:save', { ...GOOD, id: item.id, start: '13:40', lengthMin: 20 });
  expect(edited.items.find((entry) => entry.id === item.id)).toMatchObject({ start: '13:40', lengthMin: 20 });
  expect(edited.revision).toBe(added.revision + 1);
  expect(edited.items).toHaveLength(9);
  const audited = running.hub.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'programme:save' AND actor_name = 'admin'").pluck().get();
  expect(audited).toBe(2);
});

test.each([
  { name: 'a start in the past', payload: { ...GOOD, start: '06:30' }, code: 'PROGRAMME_TIME_PAST' },
  { name: 'a start overlapping the speech', payload: { ...GOOD, start: '09:40', lengthMin: 10 }, code: 'PROGRAMME_OVERLAP' },
  { name: 'a length of zero', payload: { ...GOOD, lengthMin: 0 }, code: 'PROGRAMME_LENGTH' },
  { name: 'a negative length', payload: { ...GOOD, lengthMin: -10 }, code: 'PROGRAMME_LENGTH' },
  { name: 'a length over 240 minutes', payload: { ...GOOD, lengthMin: 300 }, code: 'PROGRAMME_LENGTH' },
  { name: 'a length that is not whole', payload: { ...GOOD, lengthMin: 1.5 }, code: 'BAD_PAYLOAD' },
  { name: 'a time that is not a time', payload: { ...GOOD, start: '25:61' }, code: 'PROGRAMME_TIME_INVALID' },
  { name: 'a title too long', payload: { ...GOOD, title: '安'.repeat(41) }, code: 'PROGRAMME_TEXT' },
  { name: 'an empty title', payload: { ...GOOD, title: ' ' }, code: 'PROGRAMME_TEXT' },
  { name: 'an unknown scene kind', payload: { ...GOOD, scene: { kind: 'fireworks' } }, code: 'UNKNOWN_SCENE_KIND' },
  { name: 'a scene that fails the Scene schema', payload: { ...GOOD, scene: { kind: 'message', title: '缺少样式', body: '' } }, code: 'BAD_PAYLOAD' },
  { name: 'a countdown to no time', payload: { ...GOOD, scene: { kind: 'countdown', title: '倒计时', to: 'soon' } }, code: 'BAD_PAYLOAD' },
  {
    name: 'a loop of an unknown playlist',
    payload: { ...GOOD, start: '15:00', scene: { kind: 'loop', playlistId: 'no-such-list' } },
    code: 'UNKNOWN_PLAYLIST',
  },
  { name: 'an unknown target group', payload: { ...GOOD, start: '15:00', groupIds: ['no-such-group'] }, code: 'UNKNOWN_GROUP' },
  { name: 'an edit of an item that does not exist', payload: { ...GOOD, id: 'pi-gone' }, code: 'PROGRAMME_UNKNOWN_ITEM' },
  { name: 'an extra field', payload: { ...GOOD, html: '<b>' }, code: 'BAD_PAYLOAD' },
])('$name is refused with $code, with a sentence, and nothing changes', async ({ payload, code }) => {
  const before = await programmeNow();
  const ack = await request(adminSocket, 'programme:save', payload);
  expect(ack).toMatchObject({ ok: false, code });
  expect(ack.ok === false && ack.message.length).toBeGreaterThan(4);
  expect(await programmeNow()).toEqual(before);
});

test('operators, viewers and MCs may not edit the running order; screens may not list it', async () => {
  const before = await programmeNow();
  for (const socket of [operator, viewer, mc]) {
    expect(await request(socket, 'programme:save', GOOD)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(socket, 'programme:remove', { id: 'pi-draw' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  }
  for (const socket of [operator, viewer]) {
    expect(await request(socket, 'programme:advance', { revision: before.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  }
  expect(await request(lobbyScreen, 'programme:list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await programmeNow()).toEqual(before);
});

test('the MC advances: the item’s scene goes on air on the main stage, lobby screens get now and next; a double press is refused', async () => {
  const programs = record<ProgramView>(mainScreen, 'stage:program');
  const boards = record<ProgrammeBoard>(lobbyScreen, 'programme:board');
  let state = await ok(mc, 'programme:list');

  // An MC of another venue cannot put a scene on the main venue's stage.
  expect(await request(farMc, 'programme:advance', { revision: state.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  const pressedAt = performance.now();
  const onAir = nextEvent(mainScreen, 'stage:program');
  const board = nextEvent(lobbyScreen, 'programme:board');
  state = await ok(mc, 'programme:advance', { revision: state.revision });
  expect(state.currentId).toBe('pi-checkin');
  expect(state.startedAt).toBe(clock.now());
  expect((await onAir).slot.scene).toEqual({ kind: 'loop', playlistId: 'festival-loop' });
  expect((await onAir).playlist?.id).toBe('festival-loop');
  expect((await board).current?.id).toBe('pi-checkin');
  expect((await board).following.map((item) => item.id)).toEqual(['pi-countdown', 'pi-speech', 'pi-drama', 'pi-quiz']);
  console.log(`advance → main stage screen: ${(performance.now() - pressedAt).toFixed(1)} ms (command, store, take, broadcast)`);

  const countdownOnAir = nextEvent(mainScreen, 'stage:program');
  const pressed = state.revision;
  state = await ok(mc, 'programme:advance', { revision: pressed, to: 'next' });
  expect(state.currentId).toBe('pi-countdown');
  expect((await countdownOnAir).slot.scene).toMatchObject({ kind: 'countdown', to: '2026-06-14T09:35:00+08:00' });
  const programRevision = (await mainStageProgram()).revision;

  // The same press again (the revision the MC saw before): refused, nothing moves.
  const before = await programmeNow();
  expect(await request(mc, 'programme:advance', { revision: pressed, to: 'next' })).toMatchObject({ ok: false, code: 'PROGRAMME_STALE' });
  expect(await programmeNow()).toEqual(before);
  expect((await mainStageProgram()).revision).toBe(programRevision);

  // Back takes the earlier item's scene again.
  state = await ok(mc, 'programme:advance', { revision: state.revision, to: 'back' });
  expect(state.currentId).toBe('pi-checkin');
  expect((await mainStageProgram()).scene.kind).toBe('loop');

  expect(programs.map((view) => view.slot.scene.kind)).toEqual(['loop', 'countdown', 'loop']);
  expect(boards.at(-1)?.current?.id).toBe('pi-checkin');

  // The stage's own audit trail names the MC; the programme's records the move.
  const takes = running.hub.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'stage:take' AND actor_name = 'mc-main'").pluck().get();
  expect(takes).toBe(3);
  const moves = running.hub.db.prepare("SELECT target FROM audit_log WHERE action = 'programme:advance' ORDER BY id").pluck().all();
  expect(moves).toEqual(['programme:pi-checkin', 'programme:pi-countdown', 'programme:pi-checkin']);
});

test('past the last item, before the first, to an unknown item, removing the item on now: refused, nothing changes', async () => {
  let state = await ok(mc, 'programme:list');
  const last = state.items.at(-1)!;
  state = await ok(mc, 'programme:advance', { revision: state.revision, to: last.id });
  expect(state.currentId).toBe(last.id);
  const before = await programmeNow();
  expect(await request(mc, 'programme:advance', { revision: state.revision, to: 'next' })).toMatchObject({ ok: false, code: 'PROGRAMME_END' });
  expect(await request(mc, 'programme:advance', { revision: state.revision, to: 'pi-nothing' })).toMatchObject({ ok: false, code: 'PROGRAMME_UNKNOWN_ITEM' });
  expect(await request(adminSocket, 'programme:remove', { id: last.id })).toMatchObject({ ok: false, code: 'PROGRAMME_ON_AIR' });
  expect(await request(adminSocket, 'programme:remove', { id: 'pi-gone' })).toMatchObject({ ok: false, code: 'PROGRAMME_UNKNOWN_ITEM' });
  expect(await programmeNow()).toEqual(before);

  state = await ok(mc, 'programme:advance', { revision: state.revision, to: 'pi-checkin' });
  expect(await request(mc, 'programme:advance', { revision: state.revision, to: 'back' })).toMatchObject({ ok: false, code: 'PROGRAMME_END' });

  const removed = await ok(adminSocket, 'programme:remove', { id: last.id });
  expect(removed.items.some((item) => item.id === last.id)).toBe(false);
});

test('an advance whose own write fails puts nothing on any screen: screens and store agree', async () => {
  let state = await ok(mc, 'programme:list');
  const before = await programmeNow();
  const programRevision = (await mainStageProgram()).revision;
  const programs = record<ProgramView>(mainScreen, 'stage:program');
  const boards = record<ProgrammeBoard>(lobbyScreen, 'programme:board');
  // The running order's own write fails (a full disk, a damaged file) after the item's scene was
  // prepared and taken on the main stage, inside the same transaction.
  running.hub.db.exec("CREATE TRIGGER fail_pointer BEFORE UPDATE ON programme_state BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
  try {
    expect(await request(mc, 'programme:advance', { revision: state.revision, to: 'pi-quiz' })).toMatchObject({ ok: false, code: 'INTERNAL' });
  } finally {
    running.hub.db.exec('DROP TRIGGER fail_pointer');
  }
  expect(await programmeNow()).toEqual(before);
  expect((await mainStageProgram()).revision).toBe(programRevision);

  // The next advance works. Events to one socket arrive in the order the hub sent them, so had
  // the failed advance sent anything, it would be heard before this one's.
  const onAir = nextEvent(mainScreen, 'stage:program');
  const nextBoard = nextEvent(lobbyScreen, 'programme:board');
  state = await ok(mc, 'programme:advance', { revision: state.revision, to: 'pi-quiz' });
  expect(state.currentId).toBe('pi-quiz');
  const aired = await onAir;
  expect(programs).toEqual([aired]);
  expect((await nextBoard).current?.id).toBe('pi-quiz');
  expect(boards.map((board) => board.current?.id)).toEqual(['pi-quiz']);
  expect(aired.slot.revision).toBe((await mainStageProgram()).revision);
});

test('the pointer and the items survive a restart of the hub', async () => {
  const before = await programmeNow();
  const dataDir = running.dataDir;
  for (const socket of [adminSocket, mc, farMc, operator, viewer, mainScreen, lobbyScreen]) socket.close();
  await running.close();
  running = await startHub(dataDir, { clock });
  adminSocket = await staffSocket(running.base, admin);
  expect(await programmeNow()).toEqual(before);
});
