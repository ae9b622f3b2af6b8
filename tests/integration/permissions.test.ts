import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_EVENT } from '../../server/demo/demo-event.ts';
import ExcelJS from 'exceljs';
import type { Socket } from 'socket.io-client';
import type { Ack } from '../../shared/ack.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { isAllowed, PERMISSIONS, type Action, type Principal } from '../../shared/permissions.ts';
import type { ConsoleSnapshot } from '../../shared/stage.ts';
import { connectClient, request, startHub, type RunningHub } from '../support/hub-harness.ts';
import { api, deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';
import { samplePng } from '../support/media-samples.ts';
import { liveSettings } from '../support/live-settings.ts';

/**
 * Role × action: every socket event and every REST route, tried by every kind of caller, is
 * allowed or refused exactly as shared/permissions.ts (and the README's table) says.
 */
let running: RunningHub;
let admin: Session;
let spareAccountId: number;
/** A real visitor's pass, for the check-in actions. */
let pass: string;
let scanCount = 0;
const scan = (venueId: string) => ({ scanId: `perm-scan-${++scanCount}`, pass, checkpointId: `${venueId}-gate`, scannedAt: Date.now(), offline: false });
const REGISTRATION = { nickname: '测试访客', privacyConsent: false };
const sessions: Partial<Record<Principal, Session>> = {};
const sockets: Partial<Record<Principal, Socket>> = {};
/** How each caller's socket is opened (again): a socket may send 20 commands a second, 40 at once. */
let connect: Partial<Record<Principal, () => Promise<Socket>>> = {};
const sent: Partial<Record<Principal, number>> = {};
/** A fresh socket for a caller every ten actions, so the rate limit answers none of them. */
async function socketWithRoom(principal: Principal): Promise<void> {
  sent[principal] = (sent[principal] ?? 0) + 1;
  if (sent[principal] % 10 !== 0 || !connect[principal]) return;
  sockets[principal]?.close();
  sockets[principal] = await connect[principal]();
}

/** Each caller's own ground: a group and venue inside its reach, and one outside it. */
const HOME: Record<Principal, { groupId: string; venueId: string; outside?: { groupId: string; venueId: string } }> = {
  admin: { groupId: 'main-stage', venueId: 'taihu' },
  mc: { groupId: 'side-screens', venueId: 'taihu', outside: { groupId: 'lucheng-hall', venueId: 'lucheng' } },
  operator: { groupId: 'songzhuang-hall', venueId: 'songzhuang', outside: { groupId: 'lobby', venueId: 'taihu' } },
  viewer: { groupId: 'lobby', venueId: 'taihu' },
  screen: { groupId: 'lucheng-hall', venueId: 'lucheng', outside: { groupId: 'main-stage', venueId: 'taihu' } },
  kiosk: { groupId: 'lobby', venueId: 'taihu', outside: { groupId: 'lucheng-hall', venueId: 'lucheng' } },
  visitor: { groupId: 'main-stage', venueId: 'taihu' },
};

const SOCKET_CALLERS: Principal[] = ['admin', 'mc', 'operator', 'viewer', 'screen', 'kiosk', 'visitor'];
/** Devices hold no REST credential: over REST they are visitors. */
const REST_CALLERS: Principal[] = ['admin', 'mc', 'operator', 'viewer', 'visitor'];

const refusalFor = (principal: Principal) => (principal === 'visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

async function previewRevision(groupId: string): Promise<number> {
  const overview = (await (await api(running.base, admin).get('/api/stage')).json()) as ConsoleSnapshot;
  return overview.stages.find((stage) => stage.groupId === groupId)!.preview.revision;
}

/** A challenge the kiosk started and played to question `answered` (10: finished). */
async function challengeAt(answered: number): Promise<string> {
  const started = await request(sockets.kiosk!, 'quiz:start', {});
  if (!started.ok) throw new Error(started.code);
  const { challengeId } = started.data;
  for (let index = 0; index < answered; index++) {
    if (index > 0) await request(sockets.kiosk!, 'quiz:next', { challengeId });
    await request(sockets.kiosk!, 'quiz:answer', { challengeId, index, choice: [] });
  }
  return challengeId;
}

const LIVE_SETTINGS = liveSettings({ name: '权限测试', questionIds: ['fire-001', 'fire-002'] });

/**
 * Set-up calls go over sockets of their own, so that they do not spend the event budget of the
 * socket whose permission is being tried.
 */
async function onOwnSocket<T>(session: Session | null, command: string, payload: unknown): Promise<T> {
  const socket = session ? await staffSocket(running.base, session) : await connectClient(running.base, 'kiosk');
  try {
    const ack = await request<T>(socket, command, payload);
    if (!ack.ok) throw new Error(`${command}: ${ack.code}`);
    return ack.data;
  } finally {
    socket.close();
  }
}

/** A fresh live session the admin created. */
const liveSession = () => onOwnSocket<{ sessionId: string; pin: string; step: number }>(admin, 'live:create', LIVE_SETTINGS);

/** A fresh session in which one player has scored (the first question answered right). */
async function scoredLiveSession(): Promise<{ sessionId: string }> {
  const session = await liveSession();
  const player = await connectClient(running.base, 'kiosk');
  try {
    const joined = (await request(player, 'live:join', { pin: session.pin })) as { ok: true; data: { token: string } };
    await onOwnSocket(admin, 'live:control', { sessionId: session.sessionId, action: 'start', step: session.step });
    const right = (JSON.parse(running.hub.db.prepare('SELECT body_json FROM questions WHERE id = ?').pluck().get('fire-001') as string) as { answer: number[] })
      .answer;
    await request(player, 'live:answer', { token: joined.data.token, index: 0, choice: right });
    return session;
  } finally {
    player.close();
  }
}

/** A player's token in a fresh session. */
async function livePlayerToken(session?: { pin: string }): Promise<string> {
  const joined = await onOwnSocket<{ token: string }>(null, 'live:join', { pin: (session ?? (await liveSession())).pin });
  return joined.token;
}

/** A code shown by a fresh unpaired device, for approve attempts. */
async function freshCode(): Promise<{ code: string; waiting: Socket }> {
  const waiting = await connectClient(running.base, 'screen');
  const ack = await request(waiting, 'pairing:start', { kind: 'kiosk' });
  if (!ack.ok) throw new Error(ack.code);
  return { code: ack.data.code, waiting };
}

beforeAll(async () => {
  running = await startHub();
  admin = await signIn(running.base);
  sessions.admin = admin;
  sessions.mc = await staffSession(running.base, admin, 'mc1', 'mc', ['taihu']);
  sessions.operator = await staffSession(running.base, admin, 'operator1', 'operator', ['songzhuang']);
  sessions.viewer = await staffSession(running.base, admin, 'viewer1', 'viewer', null);
  spareAccountId = (await staffSession(running.base, admin, 'spare1', 'viewer', null)).account.id;
  const screen = await pairDevice(running.base, admin, { kind: 'screen', venueId: 'lucheng', groupId: 'lucheng-hall' });
  const kiosk = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: 'taihu' });
  connect = {
    admin: () => staffSocket(running.base, sessions.admin!),
    mc: () => staffSocket(running.base, sessions.mc!),
    operator: () => staffSocket(running.base, sessions.operator!),
    viewer: () => staffSocket(running.base, sessions.viewer!),
    screen: () => deviceSocket(running.base, screen.token, 'screen'),
    kiosk: () => deviceSocket(running.base, kiosk.token, 'kiosk'),
    visitor: () => connectClient(running.base, 'kiosk'),
  };
  for (const [principal, open] of Object.entries(connect)) sockets[principal as Principal] = await open();
  pass = ((await (await api(running.base).post('/api/visitors', REGISTRATION)).json()) as { pass: string }).pass;
});
afterAll(async () => {
  Object.values(sockets).forEach((socket) => socket?.close());
  await running.close();
});

/** A draw anyone allowed can make: a checked-in visitor in the pool, earlier winners included, the current revision. */
async function drawRequest() {
  await onOwnSocket(admin, 'checkin:scan', scan('taihu'));
  const { revision } = await onOwnSocket<{ revision: number }>(admin, 'draw:pools', {});
  return { pool: { kind: 'checked-in' }, prize: '权限测试奖', count: 1, includePastWinners: true, revision };
}
const drawMade = async () => onOwnSocket<{ drawId: string; revision: number }>(admin, 'draw:run', await drawRequest());

async function awardsWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('获奖名单');
  sheet.addRow(['奖项', '获奖者', '单位']);
  sheet.addRow(['优秀组织单位', '台湖镇人民政府', '通州区']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The socket form of each action, with a payload inside the caller's reach. */
const socketCalls: Partial<Record<Action, (principal: Principal, where: { groupId: string; venueId: string }) => Promise<Ack<unknown>>>> = {
  'stage:overview': (p) => request(sockets[p]!, 'stage:overview', {}),
  'stage:watch': (p, where) => request(sockets[p]!, 'stage:watch', { groupId: where.groupId }),
  'stage:prepare': (p, where) =>
    request(sockets[p]!, 'stage:prepare', { groupId: where.groupId, scene: { kind: 'message', tone: 'info', title: `来自 ${p}`, body: '' } }),
  'stage:take': async (p, where) => request(sockets[p]!, 'stage:take', { groupId: where.groupId, previewRevision: await previewRevision(where.groupId) }),
  'stage:air': (p, where) =>
    request(sockets[p]!, 'stage:air', { groupId: where.groupId, scene: { kind: 'message', tone: 'info', title: `${p} 上屏`, body: '' } }),
  'stage:take-all': async (p, where) =>
    request(sockets[p]!, 'stage:take-all', { groupId: where.groupId, previewRevision: await previewRevision(where.groupId), groupIds: [where.groupId] }),
  'stage:follow': (p, where) => request(sockets[p]!, 'stage:follow', { groupId: where.groupId, follow: 'own' }),
  'clock:sync': (p) => request(sockets[p]!, 'clock:sync', {}),
  'pairing:start': (p) => request(sockets[p]!, 'pairing:start', { kind: 'screen' }),
  'visitor:register': (p) => request(sockets[p]!, 'visitor:register', REGISTRATION),
  'checkin:setup': (p) => request(sockets[p]!, 'checkin:setup', {}),
  'visitor:search': (p) => request(sockets[p]!, 'visitor:search', { query: '测试' }),
  'quiz:start': (p) => request(sockets[p]!, 'quiz:start', {}),
  // The later steps of a challenge, on a challenge the kiosk started: whoever holds its id plays it.
  'quiz:next': async (p) => request(sockets[p]!, 'quiz:next', { challengeId: await challengeAt(0) }),
  'quiz:answer': async (p) => request(sockets[p]!, 'quiz:answer', { challengeId: await challengeAt(0), index: 0, choice: [] }),
  'quiz:result': async (p) => request(sockets[p]!, 'quiz:result', { challengeId: await challengeAt(10) }),
  'quiz:pack': (p) => request(sockets[p]!, 'quiz:pack', {}),
  'quiz:upload': async (p) =>
    request(sockets[p]!, 'quiz:upload', {
      offlineId: `perm-${Math.random().toString(36).slice(2, 14)}-${p}`,
      continues: await challengeAt(10),
      answers: [{ index: 0, questionId: 'fire-001', choice: [], elapsedMs: 0 }],
    }),
  'live:create': (p) => request(sockets[p]!, 'live:create', LIVE_SETTINGS),
  'live:list': (p) => request(sockets[p]!, 'live:list', {}),
  'live:watch': async (p) => request(sockets[p]!, 'live:watch', { sessionId: (await liveSession()).sessionId }),
  'live:control': async (p) => {
    const session = await liveSession();
    return request(sockets[p]!, 'live:control', { sessionId: session.sessionId, action: 'start', step: session.step });
  },
  'live:questions': (p) => request(sockets[p]!, 'live:questions', {}),
  'live:upcoming': async (p) => request(sockets[p]!, 'live:upcoming', { sessionId: (await liveSession()).sessionId }),
  'live:players': async (p) => request(sockets[p]!, 'live:players', { sessionId: (await liveSession()).sessionId }),
  'live:player': async (p) => {
    const session = await liveSession();
    const joined = await onOwnSocket<{ you: { playerId: string } }>(null, 'live:join', { pin: session.pin, nickname: '改名前' });
    return request(sockets[p]!, 'live:player', { sessionId: session.sessionId, playerId: joined.you.playerId, name: '改名后' });
  },
  'live:join': async (p) => request(sockets[p]!, 'live:join', { pin: (await liveSession()).pin, nickname: `选手${p}` }),
  'live:rejoin': async (p) => request(sockets[p]!, 'live:rejoin', { token: await livePlayerToken() }),
  'live:answer': async (p) => {
    const session = await liveSession();
    const token = await livePlayerToken(session);
    await onOwnSocket(admin, 'live:control', { sessionId: session.sessionId, action: 'start', step: session.step });
    return request(sockets[p]!, 'live:answer', { token, index: 0, choice: [0] });
  },
  'leaderboard:watch': (p) => request(sockets[p]!, 'leaderboard:watch', {}),
  'leaderboard:hide': async (p) => request(sockets[p]!, 'leaderboard:hide', { challengeId: await challengeAt(10), hidden: false }),
  'stats:watch': (p) => request(sockets[p]!, 'stats:watch', {}),
  'checkin:scan': (p, where) => request(sockets[p]!, 'checkin:scan', scan(where.venueId)),
  'checkin:upload': (p, where) => request(sockets[p]!, 'checkin:upload', { scans: [scan(where.venueId), scan(where.venueId)] }),
  'programme:list': (p) => request(sockets[p]!, 'programme:list', {}),
  'programme:watch': (p) => request(sockets[p]!, 'programme:watch', {}),
  // An edit that keeps the start: allowed at any hour of the day the test runs.
  'programme:save': (p) =>
    request(sockets[p]!, 'programme:save', { id: 'pi-draw', title: `幸运抽奖 ${p}`, start: '10:50', lengthMin: 10, scene: { kind: 'blank' } }),
  'programme:remove': (p) => request(sockets[p]!, 'programme:remove', { id: 'pi-awards' }),
  'programme:advance': async (p) =>
    request(sockets[p]!, 'programme:advance', { revision: (await onOwnSocket<{ revision: number }>(admin, 'programme:list', {})).revision }),
  'emergency:raise': (p, where) => request(sockets[p]!, 'emergency:raise', { venueIds: [where.venueId], preset: 'allClear' }),
  'emergency:clear': async (p, where) => {
    await onOwnSocket(admin, 'emergency:raise', { venueIds: [where.venueId], preset: 'allClear' });
    return request(sockets[p]!, 'emergency:clear', { venueIds: [where.venueId] });
  },
  'emergency:status': (p) => request(sockets[p]!, 'emergency:status', {}),
  'emergency:shown': (p) => request(sockets[p]!, 'emergency:shown', { revision: 0, emergencyId: null }),
  'device:heartbeat': (p) => request(sockets[p]!, 'device:heartbeat', { scene: 'home', revision: null, appVersion: '0.1.0', outboxSize: 0, lastError: null }),
  'draw:pools': (p) => request(sockets[p]!, 'draw:pools', {}),
  'draw:run': async (p) => request(sockets[p]!, 'draw:run', await drawRequest()),
  'draw:reveal': async (p) => {
    const draw = await drawMade();
    return request(sockets[p]!, 'draw:reveal', { drawId: draw.drawId, revision: draw.revision });
  },
  'draw:list': (p) => request(sockets[p]!, 'draw:list', {}),
  'draw:verify': async (p) => request(sockets[p]!, 'draw:verify', { drawId: (await drawMade()).drawId }),
  'draw:watch': async (p) => request(sockets[p]!, 'draw:watch', { drawId: (await drawMade()).drawId }),
  'awards:list': (p) => request(sockets[p]!, 'awards:list', {}),
  'awards:champions': async (p) => request(sockets[p]!, 'awards:champions', { sessionId: (await scoredLiveSession()).sessionId }),
  'awards:save': async (p) => {
    const list = await onOwnSocket<{ revision: number; categories: { title: string; titleEn: string; winners: unknown[] }[] }>(admin, 'awards:list', {});
    return request(sockets[p]!, 'awards:save', {
      categories: list.categories.map(({ title, titleEn, winners }) => ({ title, titleEn, winners })),
      revision: list.revision,
    });
  },
  'awards:step': async (p) =>
    request(sockets[p]!, 'awards:step', { action: 'reset', revision: (await onOwnSocket<{ revision: number }>(admin, 'awards:watch', {})).revision }),
  'awards:watch': (p) => request(sockets[p]!, 'awards:watch', {}),
  'event:watch': (p) => request(sockets[p]!, 'event:watch', {}),
  'venue:readiness': (p) => request(sockets[p]!, 'venue:readiness', {}),
  'venue:list': (p) => request(sockets[p]!, 'venue:list', {}),
  'venue:save': (p) => request(sockets[p]!, 'venue:save', { name: `权限会场${Math.random()}`, nameEn: '', kind: 'sub', unit: '', address: '' }),
  'venue:reorder': async (p) =>
    request(sockets[p]!, 'venue:reorder', {
      venueIds: (await onOwnSocket<{ venues: { id: string }[] }>(admin, 'venue:list', {})).venues.map((venue) => venue.id),
    }),
  // Restoring what is not retired changes nothing: the call is tried without removing anything the other tests use.
  'venue:retire': (p) => request(sockets[p]!, 'venue:retire', { venueId: 'lucheng', retired: false }),
  'group:save': (p, where) => request(sockets[p]!, 'group:save', { venueId: where.venueId, name: `权限屏${Math.random()}`, nameEn: '' }),
  'group:retire': (p, where) => request(sockets[p]!, 'group:retire', { groupId: where.groupId, retired: false }),
  'point:save': (p, where) => request(sockets[p]!, 'point:save', { venueId: where.venueId, kind: 'entrance', name: `权限入口${Math.random()}`, nameEn: '' }),
  'point:retire': (p, where) => request(sockets[p]!, 'point:retire', { pointId: `${where.venueId}-gate`, retired: false }),
  'event:save': async (p) =>
    request(sockets[p]!, 'event:save', { setup: DEMO_EVENT, revision: (await onOwnSocket<{ revision: number }>(admin, 'event:watch', {})).revision }),
  // Named with a revision already gone: the guard's answer is what is tried (done for real in rehearsal.test.ts).
  'event:rehearsal-reset': (p) => request(sockets[p]!, 'event:rehearsal-reset', { revision: 0 }),
  'event:new': (p) => request(sockets[p]!, 'event:new', { revision: 0 }),
};

/**
 * Actions that would wipe what the other calls here use: tried with a revision already gone, so
 * an allowed caller passes the guard and meets the action's own refusal (this code) instead.
 */
const GUARD_ONLY: Partial<Record<Action, ErrorCode>> = { 'event:rehearsal-reset': 'EVENT_STALE', 'event:new': 'EVENT_STALE', 'event:import': 'EVENT_STALE' };

describe('socket events', () => {
  for (const [action, call] of Object.entries(socketCalls) as [Action, NonNullable<(typeof socketCalls)[Action]>][]) {
    test.each(SOCKET_CALLERS)(`${action} as %s`, async (principal) => {
      await socketWithRoom(principal);
      const ack = await call(principal, HOME[principal]);
      if (isAllowed(action, principal))
        expect(ack, JSON.stringify(ack)).toMatchObject(GUARD_ONLY[action] ? { ok: false, code: GUARD_ONLY[action] } : { ok: true });
      else expect(ack).toMatchObject({ ok: false, code: refusalFor(principal) });

      // Venue-scoped actions: the same call outside the caller's venues is refused.
      const outside = HOME[principal].outside;
      if (isAllowed(action, principal) && PERMISSIONS[action].scope === 'venue' && outside) {
        expect(await call(principal, outside)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
    });
  }
});

/** The REST form of each action: the response's status when allowed, and the route. */
const restCalls: Partial<Record<Action, (session: Session | undefined, where: { groupId: string; venueId: string }) => Promise<Response>>> = {
  'stage:overview': (s) => api(running.base, s).get('/api/stage'),
  'stage:prepare': (s, where) => api(running.base, s).post(`/api/groups/${where.groupId}/prepare`, { scene: { kind: 'blank' } }),
  'stage:take': async (s, where) => api(running.base, s).post(`/api/groups/${where.groupId}/take`, { previewRevision: await previewRevision(where.groupId) }),
  'device:list': (s) => api(running.base, s).get('/api/devices'),
  'device:approve': async (s, where) => {
    const { code, waiting } = await freshCode();
    const response = await api(running.base, s).post('/api/devices', { code, name: '测试终端', venueId: where.venueId });
    waiting.close();
    return response;
  },
  'device:revoke': async (s, where) => {
    const { deviceId } = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: where.venueId });
    return api(running.base, s).post(`/api/devices/${deviceId}/revoke`);
  },
  'device:assign': async (s, where) => {
    const { deviceId } = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: where.venueId });
    return api(running.base, s).put(`/api/devices/${deviceId}/checkpoint`, { checkpointId: `${where.venueId}-gate` });
  },
  'live:results': async (s) => api(running.base, s).get(`/api/live/${(await liveSession()).sessionId}/results.xlsx`),
  'bank:list': (s) => api(running.base, s).get('/api/bank'),
  'media:list': (s) => api(running.base, s).get('/api/media'),
  'media:upload': (s) =>
    api(running.base, s).post('/api/media?name=perm.png', samplePng(2, 2, [Math.floor(Math.random() * 255), 1, 2]), {
      'content-type': 'application/octet-stream',
    }),
  'playlist:edit': (s) => api(running.base, s).put('/api/playlists/perm-list', { name: '权限测试', nameEn: 'Permissions', mediaIds: ['demo-fire-lanes'] }),
  'bank:edit': async (s) => {
    const question = JSON.parse(running.hub.db.prepare("SELECT body_json FROM questions WHERE id = 'fire-001'").pluck().get() as string) as { id: string };
    return api(running.base, s).put(`/api/bank/questions/${question.id}`, question);
  },
  'account:list': (s) => api(running.base, s).get('/api/accounts'),
  'account:create': (s) =>
    api(running.base, s).post('/api/accounts', {
      username: `u${Math.random().toString(36).slice(2, 10)}`,
      displayName: '新人',
      role: 'viewer',
      venueIds: null,
      password: 'a-long-password',
    }),
  // A changed account signs in again, so the change goes to an account no caller here uses.
  'account:update': (s) => api(running.base, s).patch(`/api/accounts/${spareAccountId}`, { displayName: '观察员' }),
  'audit:list': (s) => api(running.base, s).get('/api/audit'),
  'visitor:register': (s) => api(running.base, s).post('/api/visitors', REGISTRATION),
  'pass:keys': (s) => api(running.base, s).get('/api/pass-keys'),
  'visitor:export': (s, where) => api(running.base, s).get(`/api/exports/checkins.csv?venueId=${where.venueId}`),
  'visitor:erase': (s) => api(running.base, s).post('/api/visitors/erase-personal-data'),
  'device:reload': async (s, where) => {
    const { deviceId } = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: where.venueId });
    return api(running.base, s).post(`/api/devices/${deviceId}/reload`);
  },
  'device:identify': async (s, where) => {
    const { deviceId } = await pairDevice(running.base, admin, { kind: 'kiosk', venueId: where.venueId });
    return api(running.base, s).post(`/api/devices/${deviceId}/identify`);
  },
  'awards:import': async (s) =>
    api(running.base, s).post('/api/awards/import?name=awards.xlsx', await awardsWorkbook(), { 'content-type': 'application/octet-stream' }),
  'event:logo': (s) => api(running.base, s).put('/api/event/logo', samplePng(3, 3), { 'content-type': 'application/octet-stream' }),
  'event:export': (s) => api(running.base, s).get('/api/event/file'),
  'liaison:import': (s) =>
    api(running.base, s).post(`/api/liaison/import?name=liaison.csv`, `单位名称,姓名,手机\n宋庄镇,权限测试,139${String(Math.random()).slice(2, 10)}\n`, {
      'content-type': 'application/octet-stream',
    }),
  'liaison:export': (s) => api(running.base, s).get('/api/liaison/export.xlsx'),
  'liaison:contacts': (s) => api(running.base, s).get('/api/liaison/contacts'),
  'event:import': (s) => api(running.base, s).put('/api/event/file?revision=0', samplePng(3, 3), { 'content-type': 'application/octet-stream' }),
};

describe('REST routes', () => {
  for (const [action, call] of Object.entries(restCalls) as [Action, NonNullable<(typeof restCalls)[Action]>][]) {
    test.each(REST_CALLERS)(`${action} as %s`, async (principal) => {
      const response = await call(sessions[principal], HOME[principal]);
      const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
      if (isAllowed(action, principal) && GUARD_ONLY[action]) expect(body).toMatchObject({ code: GUARD_ONLY[action] });
      else if (isAllowed(action, principal)) expect([200, 204], JSON.stringify(body)).toContain(response.status);
      else {
        expect(response.status).toBe(principal === 'visitor' ? 401 : 403);
        expect(body).toMatchObject({ code: refusalFor(principal) });
      }
      const outside = HOME[principal].outside;
      if (isAllowed(action, principal) && PERMISSIONS[action].scope === 'venue' && outside) {
        const refused = await call(sessions[principal], outside);
        expect(refused.status).toBe(403);
      }
    });
  }
});

test('every action in the table is tried over a socket or REST', () => {
  const tried = new Set([...Object.keys(socketCalls), ...Object.keys(restCalls)]);
  expect([...tried].sort()).toEqual(Object.keys(PERMISSIONS).sort());
});

test('lists are filtered to the caller’s venues', async () => {
  const ack = await request(sockets.operator!, 'stage:overview', {});
  expect(ack.ok && ack.data.venues.map((venue) => venue.id)).toEqual(['songzhuang']);
  const devices = (await (await api(running.base, sessions.operator).get('/api/devices')).json()) as { venueId: string }[];
  expect(devices.every((device) => device.venueId === 'songzhuang')).toBe(true);
  const all = (await (await api(running.base, admin).get('/api/devices')).json()) as { venueId: string }[];
  expect(new Set(all.map((device) => device.venueId)).size).toBeGreaterThan(1);
});
