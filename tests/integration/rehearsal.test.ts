import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../server/store/database.ts';
import type { Socket } from 'socket.io-client';
import { checkInVisitors } from '../support/checked-in-visitors.ts';
import { connectClient, request, requestOk, startHub, type RunningHub } from '../support/hub-harness.ts';
import { liveSettings } from '../support/live-settings.ts';
import { runScript } from '../support/run-script.ts';
import { rowsOf, setupOf } from '../support/setup-rows.ts';
import { api, deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

/**
 * The rehearsal on the 13th and a new event: a reset keeps the setup whole and leaves no visitor
 * data; a new event replaces the demo and is never seeded over. Against the real hub and store.
 */
let running: RunningHub;
let admin: Session;
let adminSocket: Socket;

beforeAll(async () => {
  running = await startHub();
  admin = await signIn(running.base);
  adminSocket = await staffSocket(running.base, admin);
});
afterAll(async () => {
  adminSocket?.close();
  await running?.close();
});

const DAY_TABLES = [
  'visitors',
  'scans',
  'entries',
  'stamps',
  'challenges',
  'answers',
  'live_sessions',
  'live_players',
  'live_answers',
  'draws',
  'draw_winners',
  'emergencies',
];
const eventRevision = async () => (await requestOk(adminSocket, 'event:watch', {})).revision;

/** A rehearsal as it is run: visitors register and check in, play the quiz, join a live quiz, win a draw; an emergency drill. */
async function rehearse(): Promise<{ pass: string }> {
  await checkInVisitors(running.base, admin, ['张三', '李四', '王五'], `rehearsal-${Date.now()}`);
  const reply = (await (await api(running.base).post('/api/visitors', { nickname: '彩排小卫士', privacyConsent: false })).json()) as { pass: string };
  const kiosk = await connectClient(running.base, 'kiosk');
  const started = await requestOk(kiosk, 'quiz:start', {});
  await requestOk(kiosk, 'quiz:answer', { challengeId: started.challengeId, index: 0, choice: [0] });
  const session = await requestOk(adminSocket, 'live:create', liveSettings({ name: '彩排竞答' }));
  await requestOk(kiosk, 'live:join', { pin: session.pin, nickname: '彩排选手' });
  kiosk.close();
  const pools = await requestOk(adminSocket, 'draw:pools', { includePastWinners: false });
  await requestOk(adminSocket, 'draw:run', { pool: { kind: 'checked-in' }, prize: '彩排奖品', count: 1, revision: pools.revision });
  await requestOk(adminSocket, 'emergency:raise', { venueIds: ['taihu'], preset: 'evacuate' });
  return reply;
}

test('a rehearsal reset: refused while an emergency is on air, by a stale console or an MC; then the setup stays whole and no visitor data is left', async () => {
  const mc = await staffSocket(running.base, await staffSession(running.base, admin, 'mc-rehearsal', 'mc', null));
  const setupBefore = setupOf(running.hub.db);
  const { pass } = await rehearse();
  for (const table of ['visitors', 'scans', 'entries', 'challenges', 'answers', 'live_sessions', 'live_players', 'draws', 'emergencies']) {
    expect(rowsOf(running.hub.db, table), table).toBeGreaterThan(0);
  }
  const visitorsBefore = rowsOf(running.hub.db, 'visitors');

  // The emergency drill is still on screens: removing it silently would take a notice off the air.
  const onAir = await request(adminSocket, 'event:rehearsal-reset', { revision: await eventRevision() });
  expect(onAir).toMatchObject({ ok: false, code: 'EVENT_EMERGENCY_ON_AIR' });
  if (!onAir.ok) expect(onAir.message).toContain('紧急通知');
  await requestOk(adminSocket, 'emergency:clear', { venueIds: 'all' });
  // A console that missed a change, an MC, a kiosk: refused, nothing removed.
  expect(await request(adminSocket, 'event:rehearsal-reset', { revision: (await eventRevision()) - 1 })).toMatchObject({ ok: false, code: 'EVENT_STALE' });
  expect(await request(mc, 'event:rehearsal-reset', { revision: await eventRevision() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const kioskToken = (await pairDevice(running.base, admin, { kind: 'kiosk', venueId: 'taihu' })).token;
  const kiosk = await deviceSocket(running.base, kioskToken, 'kiosk');
  expect(await request(kiosk, 'event:rehearsal-reset', { revision: await eventRevision() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await request(adminSocket, 'event:rehearsal-reset', { revision: 'latest' })).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
  expect(rowsOf(running.hub.db, 'visitors')).toBe(visitorsBefore);

  // Every client is made to load afresh: its link drops as if lost (browsers reconnect by themselves).
  const kioskDropped = new Promise<string>((resolve) => kiosk.once('disconnect', resolve));
  const revision = await eventRevision();
  const reset = await requestOk(adminSocket, 'event:rehearsal-reset', { revision });
  expect(reset.removed).toMatchObject({ visitors: visitorsBefore, liveSessions: 1, draws: 1, emergencies: 1 });
  expect(reset.removed.checkins).toBeGreaterThanOrEqual(3);
  expect(reset.removed.quizPlays).toBeGreaterThanOrEqual(1);
  expect(reset.info.revision).toBe(revision + 1);
  expect(await kioskDropped).toBe('transport close');
  const kioskAgain = await deviceSocket(running.base, kioskToken, 'kiosk');

  for (const table of DAY_TABLES) expect(rowsOf(running.hub.db, table), table).toBe(0);
  // The setup is whole: the kiosk paired during the rehearsal stays paired.
  const { devices: devicesAfter, ...setupAfter } = setupOf(running.hub.db);
  const { devices: devicesBefore, ...setupKept } = setupBefore;
  expect(setupAfter).toEqual(setupKept);
  expect(devicesAfter.length).toBe(devicesBefore.length + 2);
  const audit = running.hub.db.prepare("SELECT actor_name, detail_json FROM audit_log WHERE action = 'event:rehearsal-reset'").get() as {
    actor_name: string;
    detail_json: string;
  };
  expect(audit.actor_name).toBe('admin');
  expect(JSON.parse(audit.detail_json)).toEqual({ removed: reset.removed });

  // A pass of the rehearsal opens nothing on the day, and its key is no longer handed to kiosks.
  const keyOfPass = pass.split('.')[1];
  const keys = (await (await api(running.base).get('/api/pass-keys')).json()) as { keyId: string }[];
  expect(keys.map((key) => key.keyId)).not.toContain(keyOfPass);
  const scan = await requestOk(kioskAgain, 'checkin:scan', {
    scanId: `after-reset-${Date.now()}`,
    pass,
    checkpointId: 'taihu-gate',
    scannedAt: Date.now(),
    offline: true,
  });
  expect(scan).toMatchObject({ result: 'invalid', counted: false });
  adminSocket = await staffSocket(running.base, admin);
  expect(await requestOk(adminSocket, 'stats:watch', {})).toMatchObject({ registered: 0, checkedInToday: 0 });
  // The day goes on as usual: a new visitor registers with the new key and checks in.
  const dayVisitor = (await (await api(running.base).post('/api/visitors', { nickname: '正式访客', privacyConsent: false })).json()) as { pass: string };
  expect(dayVisitor.pass.split('.')[1]).not.toBe(keyOfPass);
  const welcome = await requestOk(kioskAgain, 'checkin:scan', {
    scanId: `day-${Date.now()}`,
    pass: dayVisitor.pass,
    checkpointId: 'taihu-gate',
    scannedAt: Date.now(),
    offline: false,
  });
  expect(welcome).toMatchObject({ result: 'welcome', counted: true });
  for (const socket of [mc, kiosk, kioskAgain]) socket.close();
});

test('a new event replaces the demo: one main venue, a blank event, operators without venues, devices unpaired; a restart does not bring the demo back', async () => {
  const operator = await staffSession(running.base, admin, 'op-new-event', 'operator', ['songzhuang']);
  const screenToken = (await pairDevice(running.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'main-stage' })).token;
  await rehearse();
  await requestOk(adminSocket, 'emergency:clear', { venueIds: 'all' });
  const questionsBefore = setupOf(running.hub.db).questions;

  const replaced = await requestOk(adminSocket, 'event:new', { revision: await eventRevision() });
  expect(replaced.info.name).toBe('新活动');
  expect(replaced.info.venues).toEqual([{ id: 'main', name: '主会场', nameEn: 'Main venue', kind: 'main' }]);
  expect(replaced.removed.visitors).toBeGreaterThan(0);
  adminSocket = await staffSocket(running.base, admin);
  const setup = setupOf(running.hub.db);
  expect(setup).toMatchObject({ groups: [], points: [], programme: [], awards: [], playlists: [], media: [], slots: [], devices: [] });
  expect(setup.questions).toEqual(questionsBefore);
  expect(JSON.parse(setup.event[0]!.setup_json as string)).toMatchObject({ name: '新活动', theme: '' });
  expect(setup.accounts.find((account) => account.username === 'op-new-event')).toMatchObject({ role: 'operator', venue_ids: '[]' });
  for (const table of DAY_TABLES) expect(rowsOf(running.hub.db, table), table).toBe(0);
  // The operator still signs in, and reaches no venue until an admin gives one.
  const operatorSocket = await staffSocket(running.base, operator);
  expect(await request(operatorSocket, 'emergency:raise', { venueIds: ['main'], preset: 'evacuate' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  operatorSocket.close();
  // The screen of the demo is unpaired: its token no longer opens a screen's socket.
  await expect(deviceSocket(running.base, screenToken)).rejects.toThrow();

  const dataDir = running.dataDir;
  adminSocket.close();
  await running.close();
  running = await startHub(dataDir);
  const venues = running.hub.db.prepare('SELECT id FROM venues').pluck().all();
  expect(venues).toEqual(['main']);
  admin = await signIn(running.base);
  adminSocket = await staffSocket(running.base, admin);
  expect((await requestOk(adminSocket, 'event:watch', {})).name).toBe('新活动');
});

/** `npm run event:rehearsal-reset` / `npm run event:new`, as an organiser types them (the script npm runs). */
const cli = (which: 'rehearsal' | 'new', dataDir: string) => runScript('scripts/event-replace.ts', [which], dataDir);

test('from the command line: refused while a hub serves the folder; with it stopped, a reset and then a new event', async () => {
  const other = await startHub();
  await checkInVisitors(other.base, await signIn(other.base), ['赵六'], `cli-${Date.now()}`);
  const refused = await cli('rehearsal', other.dataDir);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('A hub is running');
  await other.close();

  const reset = await cli('rehearsal', other.dataDir);
  expect(reset.out).toMatch(/Rehearsal data removed .*1 visitors, 1 checkins/);
  let db = openDatabase(other.dataDir);
  expect({ visitors: rowsOf(db, 'visitors'), scans: rowsOf(db, 'scans'), venues: rowsOf(db, 'venues') }).toEqual({ visitors: 0, scans: 0, venues: 3 });
  expect(db.prepare("SELECT actor_name FROM audit_log WHERE action = 'event:rehearsal-reset'").pluck().get()).toBe('event:rehearsal');
  db.close();

  expect((await cli('new', other.dataDir)).out).toContain('New event "新活动"');
  db = openDatabase(other.dataDir);
  expect(db.prepare('SELECT id FROM venues').pluck().all()).toEqual(['main']);
  db.close();
}, 60_000);
