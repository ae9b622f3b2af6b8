import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RegisterReply } from '../../shared/visitors.ts';
import { connectClient, nextEvent, request, requestOk } from '../support/hub-harness.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { api, deviceSocket, pairDevice, staffSession, staffSocket } from '../support/staff.ts';
import { liveSettings } from '../support/live-settings.ts';

/**
 * The prize draw against the real hub: visitors registered and checked in through the real
 * commands, a draw from 'checked-in', what the screens get (masked names only), the record checked.
 */
const hub = hubWithAdmin();
let admin: Socket;
let mc: Socket;
let kiosk: Socket;
let screen: Socket;
/** Everything the screen's socket received or was answered, as text to search. */
const screenSaw: string[] = [];

const PEOPLE = ['赵一鸣', '钱二宝', '孙三丰', '李四海', '周五洲', '吴六奇', '郑七星', '王八达', '冯九龄', '陈十全', '褚一帆', '卫二乔'];
const mobileOf = (index: number) => `139000001${String(index).padStart(2, '0')}`;
const visitors: RegisterReply[] = [];

const db = () => hub.running.hub.db;
const drawCount = () => db().prepare('SELECT COUNT(*) FROM draws').pluck().get() as number;

const ok = requestOk;
const pools = (socket = mc, includePastWinners = false) => ok(socket, 'draw:pools', { includePastWinners });

async function checkIn(pass: string) {
  const ack = await request(kiosk, 'checkin:scan', {
    scanId: `draw-${Math.random().toString(36).slice(2, 12)}`,
    pass,
    checkpointId: 'taihu-gate',
    scannedAt: Date.now(),
    offline: false,
  });
  expect(ack).toMatchObject({ ok: true, data: { counted: true } });
}

beforeAll(async () => {
  const { base } = hub.running;
  admin = await staffSocket(base, hub.admin);
  mc = await staffSocket(base, await staffSession(base, hub.admin, 'mc-draw', 'mc', ['taihu']));
  kiosk = await deviceSocket(base, (await pairDevice(base, hub.admin, { kind: 'kiosk', venueId: 'taihu' })).token, 'kiosk');
  screen = await deviceSocket(base, (await pairDevice(base, hub.admin, { kind: 'screen', venueId: 'taihu', groupId: 'main-stage' })).token, 'screen');
  screen.onAny((event: string, ...args: unknown[]) => screenSaw.push(JSON.stringify([event, args])));
  for (const [index, realName] of PEOPLE.entries()) {
    const response = await api(base).post('/api/visitors', {
      nickname: `安全达人${index}`,
      realName,
      showRealName: index % 2 === 0,
      mobile: mobileOf(index),
      privacyConsent: true,
    });
    visitors.push((await response.json()) as RegisterReply);
  }
});
afterAll(() => [admin, mc, kiosk, screen].forEach((socket) => socket?.close()));

test('a draw from an empty pool is refused with a clear error, and nothing is stored', async () => {
  const ack = await request(mc, 'draw:run', { pool: { kind: 'checked-in' }, prize: '应急救援包', count: 1, revision: 0 });
  expect(ack).toMatchObject({ ok: false, code: 'DRAW_EMPTY_POOL', message: expect.stringMatching(/奖池/) });
  expect(drawCount()).toBe(0);
});

test('a draw from the checked-in visitors: stored before the ack, masked on screens, revealed on the MC’s press, verifiable', async () => {
  for (const visitor of visitors.slice(0, 10)) await checkIn(visitor.pass);
  const before = await pools();
  expect(before).toMatchObject({ revision: 0, all: { checkedIn: 10 }, pastWinners: 0 });
  expect(before.venues.find((venue) => venue.venueId === 'taihu')?.checkedIn).toBe(10);

  const drawn = await ok(mc, 'draw:run', { pool: { kind: 'checked-in', venueId: 'taihu' }, prize: '家庭应急救援包', count: 3, revision: before.revision });
  // Stored before the ack: the record and its winners are in the store when the MC's console hears back.
  const stored = db().prepare('SELECT pool_size, pool_hash, members_json, random_source FROM draws WHERE id = ?').get(drawn.drawId) as Record<
    string,
    string | number
  >;
  expect(stored).toMatchObject({ pool_size: 10, pool_hash: drawn.poolHash, random_source: expect.stringMatching(/node:crypto/) });
  expect(db().prepare('SELECT COUNT(*) FROM draw_winners WHERE draw_id = ?').pluck().get(drawn.drawId)).toBe(3);
  expect(drawn).toMatchObject({ poolSize: 10, count: 3, revision: 1, revealedAt: null, createdBy: 'mc-draw' });
  const checkedInIds = visitors.slice(0, 10).map((visitor) => visitor.visitorId);
  expect(drawn.winners.every((winner) => checkedInIds.includes(winner.memberId))).toBe(true);
  expect(new Set(drawn.winners.map((winner) => winner.memberId)).size).toBe(3);
  // An MC's console gets them masked; only an admin's gets the full name and number.
  for (const winner of drawn.winners) {
    expect(winner.fullName).toBeUndefined();
    expect(winner.mobile).toMatch(/^139\*{4}\d{4}$/);
  }

  // The screen follows the draw: a masked sample to roll through, and no winner yet.
  const watching = await ok(screen, 'draw:watch', { drawId: drawn.drawId });
  screenSaw.push(JSON.stringify(watching));
  expect(watching).toMatchObject({ prize: '家庭应急救援包', poolSize: 10, count: 3, revealedAt: null, winners: [] });
  expect(watching.sample.length).toBe(10);

  // A double press (the same revision again) draws nothing more.
  expect(await request(mc, 'draw:run', { pool: { kind: 'checked-in' }, prize: '家庭应急救援包', count: 3, revision: before.revision })).toMatchObject({
    ok: false,
    code: 'DRAW_STALE',
  });
  expect(drawCount()).toBe(1);

  const landed = nextEvent(screen, 'draw:state');
  const revealed = await ok(mc, 'draw:reveal', { drawId: drawn.drawId, revision: drawn.revision });
  expect(revealed.revealedAt).toBeGreaterThan(0);
  const onScreen = await landed;
  expect(onScreen.winners.map((winner) => winner.name)).toEqual(drawn.winners.map((winner) => winner.name));
  expect(await request(mc, 'draw:reveal', { drawId: drawn.drawId, revision: revealed.revision })).toMatchObject({ ok: false, code: 'DRAW_ALREADY_REVEALED' });

  // The admin's console sees whom to hand the prize to.
  const list = await ok(admin, 'draw:list', {});
  const full = list.draws.find((draw) => draw.drawId === drawn.drawId)!;
  for (const winner of full.winners) {
    const index = visitors.findIndex((visitor) => visitor.visitorId === winner.memberId);
    expect(winner).toMatchObject({ fullName: PEOPLE[index], fullMobile: mobileOf(index) });
  }

  // Nothing the screen received holds a full name or a full number.
  const seen = screenSaw.join('\n');
  expect(seen).toContain('家庭应急救援包');
  for (const [index, name] of PEOPLE.entries()) {
    expect(seen).not.toContain(name);
    expect(seen).not.toContain(mobileOf(index));
  }

  // The record verifies, and anyone can recompute the pool's hash from the exported file.
  expect(await ok(mc, 'draw:verify', { drawId: drawn.drawId })).toMatchObject({ ok: true, problems: [], recomputedHash: drawn.poolHash });
  const record = (await (await api(hub.running.base, hub.admin).get(`/api/draws/${drawn.drawId}/record.json`)).json()) as {
    members: string[];
    poolHash: string;
    winners: { memberId: string }[];
  };
  expect(createHash('sha256').update(record.members.join('\n')).digest('hex')).toBe(record.poolHash);
  expect([...record.members].sort()).toEqual([...checkedInIds].sort());
  expect(record.winners.every((winner) => record.members.includes(winner.memberId))).toBe(true);
  expect(JSON.stringify(record)).not.toMatch(new RegExp(PEOPLE.join('|')));
});

test('the day’s earlier winners are left out of the next draw, unless the MC includes them', async () => {
  const sizes = await pools();
  expect(sizes).toMatchObject({ revision: 1, pastWinners: 3, all: { checkedIn: 7 } });
  expect((await pools(mc, true)).all.checkedIn).toBe(10);
  const second = await ok(mc, 'draw:run', { pool: { kind: 'checked-in' }, prize: '灭火器', count: 7, revision: sizes.revision });
  const first = (await ok(mc, 'draw:list', {})).draws.find((draw) => draw.prize === '家庭应急救援包')!;
  const earlier = new Set(first.winners.map((winner) => winner.memberId));
  expect(second.poolSize).toBe(7);
  expect(second.winners.some((winner) => earlier.has(winner.memberId))).toBe(false);
  // Everyone has now won once: the pool is empty.
  expect(await request(mc, 'draw:run', { pool: { kind: 'checked-in' }, prize: '灭火器', count: 1, revision: 2 })).toMatchObject({
    ok: false,
    code: 'DRAW_EMPTY_POOL',
  });
  const again = await ok(mc, 'draw:run', { pool: { kind: 'checked-in' }, prize: '安全头盔', count: 2, includePastWinners: true, revision: 2 });
  expect(again.poolSize).toBe(10);
});

test.each([
  ['more winners than the pool', { pool: { kind: 'checked-in' }, prize: '奖品', count: 11, includePastWinners: true }, 'DRAW_TOO_MANY'],
  ['an unknown venue', { pool: { kind: 'checked-in', venueId: 'nowhere' }, prize: '奖品', count: 1 }, 'UNKNOWN_VENUE'],
  ['an unknown live session', { pool: { kind: 'quiz-top', top: 10, sessionId: 'L00000000' }, prize: '奖品', count: 1 }, 'LIVE_UNKNOWN_SESSION'],
  ['an unknown pool kind', { pool: { kind: 'everyone' }, prize: '奖品', count: 1 }, 'BAD_PAYLOAD'],
  ['a blank prize', { pool: { kind: 'checked-in' }, prize: '   ', count: 1, includePastWinners: true }, 'DRAW_PRIZE_INVALID'],
  ['no prize', { pool: { kind: 'checked-in' }, prize: '', count: 1 }, 'BAD_PAYLOAD'],
  ['zero winners', { pool: { kind: 'checked-in' }, prize: '奖品', count: 0 }, 'BAD_PAYLOAD'],
  ['a passport pool nobody completed', { pool: { kind: 'passport' }, prize: '奖品', count: 1 }, 'DRAW_EMPTY_POOL'],
  ['a quiz pool nobody played', { pool: { kind: 'quiz-top', top: 10 }, prize: '奖品', count: 1 }, 'DRAW_EMPTY_POOL'],
])('%s is refused, changes nothing, and the hub keeps serving', async (_name, body, code) => {
  const before = drawCount();
  const { revision } = await pools();
  const ack = await request(mc, 'draw:run', { ...body, revision });
  expect(ack).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  expect(drawCount()).toBe(before);
  expect((await pools()).revision).toBe(revision);
});

test('an unknown draw, and a screen pressing the button, are refused', async () => {
  expect(await request(mc, 'draw:verify', { drawId: 'D00000000' })).toMatchObject({ ok: false, code: 'DRAW_UNKNOWN' });
  expect(await request(screen, 'draw:watch', { drawId: 'D00000000' })).toMatchObject({ ok: false, code: 'DRAW_UNKNOWN' });
  expect(await request(screen, 'draw:run', { pool: { kind: 'checked-in' }, prize: '奖品', count: 1, revision: 0 })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
});

// The MC's socket has spent its event budget above: the admin checks.
test('verification fails once a stored winner or the stored pool is altered', async () => {
  const [latest] = (await ok(admin, 'draw:list', {})).draws;
  expect((await ok(admin, 'draw:verify', { drawId: latest!.drawId })).ok).toBe(true);
  const original = latest!.winners[0]!.memberId;
  db().prepare('UPDATE draw_winners SET member_id = ? WHERE draw_id = ? AND position = 0').run('someone-else', latest!.drawId);
  const altered = await ok(admin, 'draw:verify', { drawId: latest!.drawId });
  expect(altered.ok).toBe(false);
  expect(altered.problems.join(' ')).toMatch(/someone-else is not in the pool/);
  db().prepare('UPDATE draw_winners SET member_id = ? WHERE draw_id = ? AND position = 0').run(original, latest!.drawId);

  const members = JSON.parse(db().prepare('SELECT members_json FROM draws WHERE id = ?').pluck().get(latest!.drawId) as string) as string[];
  db()
    .prepare('UPDATE draws SET members_json = ? WHERE id = ?')
    .run(JSON.stringify([...members, 'stuffed-in']), latest!.drawId);
  const stuffed = await ok(admin, 'draw:verify', { drawId: latest!.drawId });
  expect(stuffed.ok).toBe(false);
  expect(stuffed.problems.join(' ')).toMatch(/hash/);
});

test('the passport pool holds visitors stamped at every station of their venue; the quiz pools the top N', async () => {
  const { base } = hub.running;
  const host = await staffSocket(base, hub.admin);
  try {
    // Visitor 10 gets every taihu station's stamp, visitor 11 all but one.
    const stations = ['taihu-immersive', 'taihu-rescue-gear', 'taihu-law', 'taihu-quiz'];
    for (const [index, checkpointId] of stations.entries()) {
      for (const visitor of index < 3 ? visitors.slice(10, 12) : visitors.slice(10, 11)) {
        const ack = await request(kiosk, 'checkin:scan', {
          scanId: `stamp-${index}-${visitor.visitorId}`,
          pass: visitor.pass,
          checkpointId,
          scannedAt: Date.now(),
          offline: false,
        });
        expect(ack).toMatchObject({ ok: true, data: { counted: true } });
      }
    }
    const sizes = await pools(host);
    expect(sizes.all.passport).toBe(1);
    const passport = await ok(host, 'draw:run', { pool: { kind: 'passport', venueId: 'taihu' }, prize: '安全护照纪念品', count: 1, revision: sizes.revision });
    expect(passport.winners.map((winner) => winner.memberId)).toEqual([visitors[10]!.visitorId]);

    // A live quiz: the player who joined with a pass is drawn as that visitor, the others as players.
    const session = await ok(host, 'live:create', liveSettings({ name: '抽奖竞答', questionIds: ['fire-001'] }));
    const phone = await connectClient(base, 'kiosk');
    await ok(phone, 'live:join', { pin: session.pin, pass: visitors[11]!.pass });
    await ok(phone, 'live:join', { pin: session.pin, nickname: '无通行证选手' });
    phone.close();
    const live = await ok(host, 'draw:run', {
      pool: { kind: 'quiz-top', top: 10, sessionId: session.sessionId },
      prize: '竞答纪念品',
      count: 2,
      revision: sizes.revision + 1,
    });
    expect(live.poolSize).toBe(2);
    const ids = live.winners.map((winner) => winner.memberId);
    expect(ids).toContain(visitors[11]!.visitorId);
    expect(ids.find((id) => id !== visitors[11]!.visitorId)).toMatch(/^player:p[0-9a-f]+$/);
    expect(live.winners.find((winner) => winner.memberId === visitors[11]!.visitorId)?.mobile).toBe('139****0111');
  } finally {
    host.close();
  }
});
