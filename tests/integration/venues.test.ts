import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VenueSetup } from '../../shared/venue-setup.ts';
import { connectClient, nextEvent, request, requestOk, startHub, type RunningHub } from '../support/hub-harness.ts';
import { api, deviceSocket, pairDevice, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

let running: RunningHub;
let admin: Session;
let adminSocket: Socket;
let operator: Session;
let operatorSocket: Socket;

beforeAll(async () => {
  running = await startHub();
  admin = await signIn(running.base);
  adminSocket = await staffSocket(running.base, admin);
  operator = await staffSession(running.base, admin, 'songzhuang-op', 'operator', ['songzhuang']);
  operatorSocket = await staffSocket(running.base, operator);
});
afterAll(async () => {
  adminSocket.close();
  operatorSocket.close();
  await running.close();
});

const listAll = async (socket = adminSocket) => (await requestOk(socket, 'venue:list', {})).venues;
const named = (venues: VenueSetup[], name: string) => venues.find((venue) => venue.name === name);
const stageVenues = async () => (await requestOk(adminSocket, 'stage:overview', {})).venues;
const audited = (action: string) =>
  JSON.parse(running.hub.db.prepare('SELECT detail_json FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1').pluck().get(action) as string) as unknown;

async function addVenue(name: string, kind: 'main' | 'sub' = 'sub', socket = adminSocket): Promise<VenueSetup> {
  const { venues } = await requestOk(socket, 'venue:save', { name, nameEn: '', kind, unit: `${name.trim()}单位`, address: '' });
  return named(venues, name.trim())!;
}

/** A socket of its own for each burst of commands (a socket may send 20 a second, 40 at once). */
const freshAdminSocket = async () => {
  adminSocket.close();
  adminSocket = await staffSocket(running.base, admin);
};

describe('an admin adds a sub-venue with its screens and stations', () => {
  let venue: VenueSetup;
  test('the venue appears in the setup, in the stage overview, and on every kiosk live (the event names it)', async () => {
    const kiosk = await connectClient(running.base, 'kiosk');
    await requestOk(kiosk, 'event:watch', {});
    const heard = nextEvent(kiosk, 'event:info');
    venue = await addVenue('  永顺镇分会场 ');
    expect(venue).toMatchObject({ name: '永顺镇分会场', kind: 'sub', unit: '永顺镇分会场单位', retired: false, groups: [], points: [] });
    expect(venue.id).toMatch(/^v-[a-z0-9]{8}$/);
    expect((await heard).venues.map((one) => one.name)).toContain('永顺镇分会场');
    expect((await stageVenues()).map((one) => one.id)).toContain(venue.id);
    expect(audited('venue:save')).toMatchObject({ name: '永顺镇分会场', created: true });
    kiosk.close();
  });

  test('a screen group and stations are added; a screen pairs to the new group and watches it', async () => {
    const withGroup = await requestOk(adminSocket, 'group:save', { venueId: venue.id, name: '大厅屏', nameEn: 'Hall' });
    const group = named(withGroup.venues, '永顺镇分会场')!.groups[0]!;
    await requestOk(adminSocket, 'point:save', { venueId: venue.id, kind: 'entrance', name: '入口', nameEn: 'Entrance' });
    const { venues } = await requestOk(adminSocket, 'point:save', { venueId: venue.id, kind: 'station', name: '应急救援装备展示', nameEn: '' });
    expect(named(venues, '永顺镇分会场')!.points.map((point) => [point.kind, point.name])).toEqual([
      ['entrance', '入口'],
      ['station', '应急救援装备展示'],
    ]);
    const { token } = await pairDevice(running.base, admin, { kind: 'screen', venueId: venue.id, groupId: group.id });
    const screen = await deviceSocket(running.base, token, 'screen');
    const watched = await request(screen, 'stage:watch', { groupId: group.id });
    expect(watched.ok, JSON.stringify(watched)).toBe(true);
    screen.close();
  });

  test('a group with a paired screen is retired, not deleted: the reply says why, pickers hide it, its screen keeps working', async () => {
    const group = named(await listAll(), '永顺镇分会场')!.groups[0]!;
    const retired = await requestOk(adminSocket, 'group:retire', { groupId: group.id, retired: true });
    expect(retired).toMatchObject({ outcome: 'retired', reasons: ['devices'] });
    expect(named(retired.venues, '永顺镇分会场')!.groups[0]).toMatchObject({ id: group.id, retired: true });
    const inOverview = (await stageVenues()).find((one) => one.id === venue.id)!;
    expect(inOverview.groups).toEqual([]);
    // Pairing another screen to it is refused; it is still in the store for the history.
    await expect(pairDevice(running.base, admin, { kind: 'screen', venueId: venue.id, groupId: group.id })).rejects.toThrow(/UNKNOWN_GROUP/);
    expect(running.hub.db.prepare('SELECT COUNT(*) FROM display_groups WHERE id = ?').pluck().get(group.id)).toBe(1);
    // Renaming a retired group is refused until it is restored.
    expect(await request(adminSocket, 'group:save', { venueId: venue.id, id: group.id, name: '新名字', nameEn: '' })).toMatchObject({
      ok: false,
      code: 'VENUE_RETIRED',
    });
    expect(await requestOk(adminSocket, 'group:retire', { groupId: group.id, retired: false })).toMatchObject({ outcome: 'restored' });
    expect((await stageVenues()).find((one) => one.id === venue.id)!.groups.map((one) => one.id)).toEqual([group.id]);
  });

  test('a group or point nothing refers to is deleted; the audit says so', async () => {
    const { venues } = await requestOk(adminSocket, 'group:save', { venueId: venue.id, name: '备用屏', nameEn: '' });
    const spare = named(venues, '永顺镇分会场')!.groups.find((one) => one.name === '备用屏')!;
    const removed = await requestOk(adminSocket, 'group:retire', { groupId: spare.id, retired: true });
    expect(removed).toMatchObject({ outcome: 'deleted', reasons: [] });
    expect(named(removed.venues, '永顺镇分会场')!.groups.map((one) => one.name)).toEqual(['大厅屏']);
    expect(audited('group:retire')).toMatchObject({ outcome: 'deleted' });
    const station = named(removed.venues, '永顺镇分会场')!.points.find((one) => one.kind === 'station')!;
    expect(await requestOk(adminSocket, 'point:retire', { pointId: station.id, retired: true })).toMatchObject({ outcome: 'deleted' });
  });

  test('a venue with a paired device is retired: gone from the event and the overview, back when restored', async () => {
    const retired = await requestOk(adminSocket, 'venue:retire', { venueId: venue.id, retired: true });
    expect(retired.outcome).toBe('retired');
    expect(retired.reasons).toContain('devices');
    const kiosk = await connectClient(running.base, 'kiosk');
    expect((await requestOk(kiosk, 'event:watch', {})).venues.map((one) => one.id)).not.toContain(venue.id);
    expect((await stageVenues()).map((one) => one.id)).not.toContain(venue.id);
    await expect(pairDevice(running.base, admin, { kind: 'kiosk', venueId: venue.id })).rejects.toThrow(/UNKNOWN_VENUE/);
    expect(await requestOk(adminSocket, 'venue:retire', { venueId: venue.id, retired: false })).toMatchObject({ outcome: 'restored' });
    expect((await requestOk(kiosk, 'event:watch', {})).venues.map((one) => one.id)).toContain(venue.id);
    kiosk.close();
  });
});

describe('the main venue', () => {
  test('cannot be retired; naming another venue main makes the old one a sub-venue', async () => {
    expect(await request(adminSocket, 'venue:retire', { venueId: 'taihu', retired: true })).toMatchObject({ ok: false, code: 'VENUE_LAST_MAIN' });
    const other = await addVenue('新主会场', 'main');
    const venues = await listAll();
    expect(venues.filter((one) => one.kind === 'main').map((one) => one.id)).toEqual([other.id]);
    expect(venues.find((one) => one.id === 'taihu')!.kind).toBe('sub');
    // Back as it was, so the demo's main stage stays the main one for the other tests.
    await requestOk(adminSocket, 'venue:save', { id: 'taihu', name: '台湖主会场', nameEn: 'Taihu Main Venue', kind: 'main', unit: '', address: '' });
    expect(await requestOk(adminSocket, 'venue:retire', { venueId: other.id, retired: true })).toMatchObject({ outcome: 'deleted' });
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, string, object, string][] = [
    ['a name of spaces', 'venue:save', { name: '   ', nameEn: '', kind: 'sub', unit: '', address: '' }, 'VENUE_INVALID'],
    ['a 300-character name', 'venue:save', { name: '会'.repeat(300), nameEn: '', kind: 'sub', unit: '', address: '' }, 'BAD_PAYLOAD'],
    ['a name another venue has', 'venue:save', { name: '宋庄镇分会场', nameEn: '', kind: 'sub', unit: '', address: '' }, 'VENUE_INVALID'],
    ['an unknown venue', 'venue:save', { id: 'nowhere', name: '某地', nameEn: '', kind: 'sub', unit: '', address: '' }, 'UNKNOWN_VENUE'],
    ['a third kind of venue', 'venue:save', { name: '某地', nameEn: '', kind: 'annex', unit: '', address: '' }, 'BAD_PAYLOAD'],
    ['an order missing a venue', 'venue:reorder', { venueIds: ['taihu', 'songzhuang'] }, 'VENUE_INVALID'],
    ['an order naming a venue twice', 'venue:reorder', { venueIds: ['taihu', 'taihu', 'songzhuang'] }, 'VENUE_INVALID'],
    ['a group in no venue', 'group:save', { venueId: 'nowhere', name: '屏', nameEn: '' }, 'UNKNOWN_VENUE'],
    ['a group name the venue has', 'group:save', { venueId: 'taihu', name: '主舞台 LED', nameEn: '' }, 'VENUE_INVALID'],
    ['renaming a group of another venue', 'group:save', { venueId: 'songzhuang', id: 'main-stage', name: '改名', nameEn: '' }, 'UNKNOWN_GROUP'],
    ['a third kind of point', 'point:save', { venueId: 'taihu', kind: 'exit', name: '出口', nameEn: '' }, 'BAD_PAYLOAD'],
    ['retiring an unknown group', 'group:retire', { groupId: 'nowhere', retired: true }, 'UNKNOWN_GROUP'],
    ['retiring an unknown point', 'point:retire', { pointId: 'nowhere', retired: true }, 'UNKNOWN_CHECKPOINT'],
  ];
  for (const [what, command, payload, code] of cases) {
    test(`${what}: ${code}`, async () => {
      await freshAdminSocket();
      const before = await listAll();
      const reply = await request(adminSocket, command, payload);
      expect(reply).toMatchObject({ ok: false, code });
      if (!reply.ok) expect(reply.message.length).toBeGreaterThan(5);
      expect(await listAll()).toEqual(before);
    });
  }
});

describe('an operator manages the groups and stations of their own venue only', () => {
  test('lists their venue, adds a station there, and is refused elsewhere and for venues themselves', async () => {
    await freshAdminSocket();
    expect((await listAll(operatorSocket)).map((venue) => venue.id)).toEqual(['songzhuang']);
    const { venues } = await requestOk(operatorSocket, 'point:save', { venueId: 'songzhuang', kind: 'station', name: '普法咨询', nameEn: '' });
    // The reply, too, holds only the operator's own venue.
    expect(venues.map((venue) => venue.id)).toEqual(['songzhuang']);
    expect(venues[0]!.points.map((point) => point.name)).toContain('普法咨询');
    const retired = await requestOk(operatorSocket, 'point:retire', { pointId: venues[0]!.points.at(-1)!.id, retired: true });
    expect(retired.venues.map((venue) => venue.id)).toEqual(['songzhuang']);
    const before = await listAll();
    for (const [command, payload] of [
      ['point:save', { venueId: 'taihu', kind: 'station', name: '越权', nameEn: '' }],
      ['group:save', { venueId: 'lucheng', name: '越权', nameEn: '' }],
      ['group:retire', { groupId: 'main-stage', retired: true }],
      ['venue:save', { name: '越权会场', nameEn: '', kind: 'sub', unit: '', address: '' }],
      ['venue:retire', { venueId: 'songzhuang', retired: true }],
    ] as const) {
      expect(await request(operatorSocket, command, payload), command).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await listAll()).toEqual(before);
  });
});

test('sixty venues: all listed in the setup, the overview and the event, in the order the admin sets', async () => {
  await freshAdminSocket();
  const existing = (await listAll()).length;
  for (let index = 1; index <= 60 - existing; index++) {
    if (index % 30 === 0) await freshAdminSocket();
    await addVenue(`第${index}分会场`);
  }
  await freshAdminSocket();
  const venues = await listAll();
  expect(venues).toHaveLength(60);
  const reversed = venues.map((venue) => venue.id).reverse();
  expect((await requestOk(adminSocket, 'venue:reorder', { venueIds: reversed })).venues.map((venue) => venue.id)).toEqual(reversed);
  expect((await stageVenues()).map((venue) => venue.id)).toEqual(reversed);
  const kiosk = await connectClient(running.base, 'kiosk');
  expect((await requestOk(kiosk, 'event:watch', {})).venues).toHaveLength(60);
  kiosk.close();
  // Over REST the devices list still answers, and the hub kept serving through every refusal.
  expect((await api(running.base, admin).get('/api/devices')).status).toBe(200);
});
