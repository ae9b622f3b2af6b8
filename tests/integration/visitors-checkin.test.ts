import { expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ScanOutcome } from '../../shared/checkin.ts';
import type { RegisterReply } from '../../shared/visitors.ts';
import { request, startHub } from '../support/hub-harness.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { api, deviceSocket, pairDevice, staffSession } from '../support/staff.ts';

const hub = hubWithAdmin();
let scanCount = 0;

const register = async (body: object) => api(hub.running.base).post('/api/visitors', body);
const registered = async (nickname = '安全小卫士') => (await (await register({ nickname, privacyConsent: false })).json()) as RegisterReply;
const visitorCount = () => hub.running.hub.db.prepare('SELECT COUNT(*) FROM visitors').pluck().get() as number;

async function kiosk(venueId = 'taihu'): Promise<Socket> {
  const { token } = await pairDevice(hub.running.base, hub.admin, { kind: 'kiosk', venueId });
  return deviceSocket(hub.running.base, token, 'kiosk');
}

function scanOf(pass: string, options: { checkpointId?: string; offline?: boolean; scanId?: string } = {}) {
  return {
    scanId: options.scanId ?? `scan-${Date.now()}-${++scanCount}`,
    pass,
    checkpointId: options.checkpointId ?? 'taihu-gate',
    scannedAt: Date.now(),
    offline: options.offline ?? false,
  };
}

async function scan(socket: Socket, pass: string, options?: Parameters<typeof scanOf>[1]): Promise<ScanOutcome> {
  const ack = await request(socket, 'checkin:scan', scanOf(pass, options));
  if (!ack.ok) throw new Error(`${ack.code} ${ack.detail}`);
  return ack.data;
}

test('a phone registers and gets a signed pass; the number is kept normalised, only with consent', async () => {
  const response = await register({ nickname: '小明', realName: '王小明', showRealName: true, mobile: '+86 １３８-1234-1234', privacyConsent: true });
  expect(response.status).toBe(200);
  const reply = (await response.json()) as RegisterReply;
  expect(reply.pass).toMatch(/^EDP1\.k1\.[0-9A-HJKMNP-TV-Z]{10}\.[A-Za-z0-9_-]{86}$/);
  expect(reply.shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  const row = hub.running.hub.db.prepare('SELECT mobile, real_name, privacy_consent_at FROM visitors WHERE id = ?').get(reply.visitorId) as Record<
    string,
    unknown
  >;
  expect(row).toMatchObject({ mobile: '13812341234', real_name: '王小明' });
  expect(row.privacy_consent_at).toBeGreaterThan(0);
  // Screens get the real name masked, because the visitor agreed to show it.
  expect((await scan(await kiosk(), reply.pass)).visitorName).toBe('王**');
});

test.each([
  ['a 12-digit number', { nickname: 'a', mobile: '138123412345', privacyConsent: true }, 400, 'INVALID_MOBILE'],
  ['a landline', { nickname: 'a', mobile: '010-62345678', privacyConsent: true }, 400, 'INVALID_MOBILE'],
  ['a number without consent', { nickname: 'a', mobile: '13812341234', privacyConsent: false }, 400, 'CONSENT_REQUIRED'],
  ['a real name without consent', { nickname: 'a', realName: '张三', privacyConsent: false }, 400, 'CONSENT_REQUIRED'],
  ['a child without a guardian', { nickname: 'a', under14: true, privacyConsent: false }, 400, 'GUARDIAN_CONSENT_REQUIRED'],
  ['a name of invisible characters', { nickname: '\u200b\u202e\u2066', privacyConsent: false }, 400, 'NAME_INVALID'],
  ['a 300-character name', { nickname: '长'.repeat(300), privacyConsent: false }, 400, 'BAD_PAYLOAD'],
  ['a 30-character name', { nickname: '长'.repeat(30), privacyConsent: false }, 400, 'NAME_INVALID'],
  ['role: admin in the body', { nickname: 'a', privacyConsent: false, role: 'admin' }, 400, 'BAD_PAYLOAD'],
  ['no consent field', { nickname: 'a' }, 400, 'BAD_PAYLOAD'],
])('registration with %s is refused with its code and stores nothing', async (_name, body, status, code) => {
  const before = visitorCount();
  const response = await register(body);
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  expect(visitorCount()).toBe(before);
});

test('__proto__ in the registration body is refused and pollutes nothing', async () => {
  const before = visitorCount();
  const response = await api(hub.running.base).post('/api/visitors', '{"nickname":"a","privacyConsent":false,"__proto__":{"role":"admin"}}');
  expect(response.status).toBe(400);
  expect(({} as Record<string, unknown>).role).toBeUndefined();
  expect(visitorCount()).toBe(before);
});

test('names with emoji, zero-width or right-to-left characters and markup are kept as safe text', async () => {
  for (const [typed, kept] of [
    ['消防🚒小队', '消防🚒小队'],
    ['张\u200b三', '张三'],
    ['\u202etxet\u202c', 'txet'],
    ['<img onerror=x>', '<img onerror=x>'],
  ]) {
    const reply = (await (await register({ nickname: typed, privacyConsent: false })).json()) as RegisterReply;
    expect(reply.nickname).toBe(kept);
  }
});

test('an entrance counts a visitor once a day: green, then amber; a station stamps once', async () => {
  const socket = await kiosk();
  const { pass } = await registered();
  expect(await scan(socket, pass)).toMatchObject({ result: 'welcome', counted: true, visitorName: '安全小卫士', stamps: 0 });
  expect(await scan(socket, pass)).toMatchObject({ result: 'again', counted: false, conflict: false });
  expect(await scan(socket, pass, { checkpointId: 'taihu-law' })).toMatchObject({ result: 'welcome', stamps: 1 });
  expect(await scan(socket, pass, { checkpointId: 'taihu-law' })).toMatchObject({ result: 'again', stamps: 1 });
  socket.close();
});

test.each([
  ['one bit flipped', (pass: string) => pass.slice(0, -3) + (pass.at(-3) === 'A' ? 'B' : 'A') + pass.slice(-2), 'bad-signature'],
  ['an unknown version', (pass: string) => pass.replace('EDP1', 'EDP9'), 'unknown-version'],
  ['an empty payload', () => '', 'empty'],
  ['a truncated payload', (pass: string) => pass.slice(0, 40), 'malformed'],
  ['a 3 KB payload', (pass: string) => pass + 'A'.repeat(3000), 'too-long'],
  ['non-UTF-8 bytes', () => Buffer.from([0xff, 0xfe, 0x45, 0x44, 0x50, 0x31]).toString('utf8'), 'not-a-pass'],
  ['a lone surrogate', (pass: string) => pass.slice(0, 20) + '\ud800' + pass.slice(21), 'malformed'],
  ['a web address', () => 'https://example.com/pass', 'not-a-pass'],
])('a pass with %s is red, with the reason, and counts nothing', async (_name, spoil, reason) => {
  const socket = await kiosk();
  const { pass } = await registered();
  const outcome = await scan(socket, spoil(pass));
  expect(outcome).toMatchObject({ result: 'invalid', reason, counted: false });
  expect(
    hub.running.hub.db.prepare('SELECT COUNT(*) FROM entries e JOIN visitors v ON v.id = e.visitor_id WHERE v.id = ?').pluck().get(pass.split('.')[2]),
  ).toBe(0);
  socket.close();
});

test('a pass signed by another hub is refused; a USB scanner\u2019s trailing CR/LF is not a problem', async () => {
  const other = await startHub();
  try {
    const foreign = (await (await api(other.base).post('/api/visitors', { nickname: '外来', privacyConsent: false })).json()) as RegisterReply;
    const socket = await kiosk();
    expect(await scan(socket, foreign.pass)).toMatchObject({ result: 'invalid', reason: 'bad-signature' });
    const { pass } = await registered();
    expect(await scan(socket, `${pass}\r\n`)).toMatchObject({ result: 'welcome' });
    socket.close();
  } finally {
    await other.close();
  }
});

test('the same scan id sent 100 times is stored once and answered the same each time', async () => {
  const socket = await kiosk();
  const { pass } = await registered();
  const once = scanOf(pass, { scanId: 'replayed-scan-0001' });
  const acks = await Promise.all(Array.from({ length: 100 }, () => request(socket, 'checkin:upload', { scans: [once] }).then((ack) => ack)));
  // The socket's rate limit may refuse some; every accepted answer is the same outcome.
  const outcomes = acks.filter((ack) => ack.ok).map((ack) => (ack.ok ? (ack.data as unknown as { outcomes: ScanOutcome[] }).outcomes[0] : null));
  expect(outcomes.length).toBeGreaterThan(10);
  for (const outcome of outcomes) expect(outcome).toMatchObject({ scanId: 'replayed-scan-0001', result: 'welcome', counted: true });
  expect(hub.running.hub.db.prepare("SELECT COUNT(*) FROM scans WHERE scan_id = 'replayed-scan-0001'").pluck().get()).toBe(1);
  expect(hub.running.hub.db.prepare('SELECT COUNT(*) FROM entries WHERE scan_id = ?').pluck().get('replayed-scan-0001')).toBe(1);
  socket.close();
});

test('a pass scanned offline on two kiosks becomes one entry, the second flagged as a conflict', async () => {
  const [first, second] = [await kiosk(), await kiosk()];
  const { pass, visitorId } = await registered();
  const upload = async (socket: Socket) => {
    const ack = await request(socket, 'checkin:upload', { scans: [scanOf(pass, { offline: true })] });
    if (!ack.ok) throw new Error(ack.code);
    return ack.data.outcomes[0]!;
  };
  expect(await upload(first)).toMatchObject({ result: 'welcome', counted: true, conflict: false });
  expect(await upload(second)).toMatchObject({ result: 'again', counted: false, conflict: true });
  expect(hub.running.hub.db.prepare('SELECT COUNT(*) FROM entries WHERE visitor_id = ?').pluck().get(visitorId)).toBe(1);
  expect(hub.running.hub.db.prepare('SELECT COUNT(*) FROM scans WHERE visitor_id = ?').pluck().get(visitorId)).toBe(2);
  first.close();
  second.close();
});

test('after a key rotation new passes use the new key and old passes still check in; a retired key does not', async () => {
  const socket = await kiosk();
  const old = await registered();
  const keys = hub.running.hub.passKeys;
  const newKeyId = keys.rotate();
  hub.running.hub.checkin.reloadKeys();
  const fresh = await registered();
  expect(fresh.pass.split('.')[1]).toBe(newKeyId);
  expect(await scan(socket, old.pass)).toMatchObject({ result: 'welcome' });
  expect(await scan(socket, fresh.pass)).toMatchObject({ result: 'welcome' });
  keys.retire('k1');
  hub.running.hub.checkin.reloadKeys();
  expect(await scan(socket, old.pass, { checkpointId: 'taihu-law' })).toMatchObject({ result: 'invalid', reason: 'unknown-key' });
  socket.close();
});

test('a kiosk cannot check in at another venue\u2019s checkpoint, nor at one that does not exist', async () => {
  const socket = await kiosk('taihu');
  const { pass } = await registered();
  expect(await request(socket, 'checkin:scan', scanOf(pass, { checkpointId: 'lucheng-gate' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await request(socket, 'checkin:scan', scanOf(pass, { checkpointId: 'nowhere' }))).toMatchObject({ ok: false, code: 'UNKNOWN_CHECKPOINT' });
  socket.close();
});

test('exports: XLSX and CSV of registrations and check-ins; names and numbers in full for admins only, masked for others', async () => {
  const reply = (await (await register({ nickname: '导出测试', realName: '赵六', mobile: '13700001111', privacyConsent: true })).json()) as RegisterReply;
  const socket = await kiosk();
  await scan(socket, reply.pass);
  socket.close();

  const xlsx = await api(hub.running.base, hub.admin).get('/api/exports/checkins.xlsx');
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  const bytes = Buffer.from(await xlsx.arrayBuffer());
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as XLSX files are

  const adminBytes = Buffer.from(await (await api(hub.running.base, hub.admin).get('/api/exports/checkins.csv?venueId=taihu')).arrayBuffer());
  expect([...adminBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
  const adminCsv = adminBytes.toString('utf8');
  expect(adminCsv).toContain('赵六');
  expect(adminCsv).toContain('13700001111');

  const mc = await staffSession(hub.running.base, hub.admin, 'export-mc', 'mc', ['taihu']);
  const mcCsv = await (await api(hub.running.base, mc).get('/api/exports/checkins.csv?venueId=taihu')).text();
  expect(mcCsv).toContain('赵*');
  expect(mcCsv).toContain('137****1111');
  expect(mcCsv).not.toContain('13700001111');
  expect((await api(hub.running.base, mc).get('/api/exports/checkins.csv?venueId=lucheng')).status).toBe(403);
  expect((await api(hub.running.base, mc).get('/api/exports/registrations.csv')).status).toBe(403);
  const registrations = await (await api(hub.running.base, hub.admin).get('/api/exports/registrations.csv')).text();
  expect(registrations).toContain('导出测试');
  expect((await api(hub.running.base, hub.admin).get('/api/exports/secrets.csv')).status).toBe(400);
});

test('after the event the admin deletes visitors\u2019 personal data; counts and check-ins stay; it is in the audit log', async () => {
  const reply = (await (
    await register({ nickname: '留号访客', realName: '李四', mobile: '13912345678', unit: '台湖镇', privacyConsent: true })
  ).json()) as RegisterReply;
  const socket = await kiosk();
  await scan(socket, reply.pass, { checkpointId: 'taihu-rescue-gear' });
  socket.close();
  const db = hub.running.hub.db;
  const visitorsBefore = visitorCount();
  const stampsBefore = db.prepare('SELECT COUNT(*) FROM stamps').pluck().get();

  const response = await api(hub.running.base, hub.admin).post('/api/visitors/erase-personal-data');
  expect(response.status).toBe(200);
  expect(((await response.json()) as { erased: number }).erased).toBeGreaterThanOrEqual(1);

  expect(db.prepare('SELECT real_name, mobile, unit, nickname FROM visitors WHERE id = ?').get(reply.visitorId)).toEqual({
    real_name: null,
    mobile: null,
    unit: null,
    nickname: '留号访客',
  });
  expect(db.prepare('SELECT COUNT(*) FROM visitors WHERE mobile IS NOT NULL OR real_name IS NOT NULL').pluck().get()).toBe(0);
  expect(visitorCount()).toBe(visitorsBefore);
  expect(db.prepare('SELECT COUNT(*) FROM stamps').pluck().get()).toBe(stampsBefore);
  const audit = (await (await api(hub.running.base, hub.admin).get('/api/audit?action=visitor:erase')).json()) as { actorName: string }[];
  expect(audit[0]).toMatchObject({ actorName: 'admin' });
});
