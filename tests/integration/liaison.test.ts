import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import type { LiaisonImportReply, VenueContact } from '../../shared/liaison.ts';
import type { SessionReply } from '../../shared/staff-rest.ts';
import { readLiaisonFile } from '../../server/liaison/liaison-rows.ts';
import { openDatabase } from '../../server/store/database.ts';
import { encodeGbk } from '../support/gbk.ts';
import { connectClient, request, startHub } from '../support/hub-harness.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { liaisonCsv, liaisonPeople, liaisonPerson, liaisonWorkbook, zipBomb } from '../support/liaison-files.ts';
import { runScript } from '../support/run-script.ts';
import { api, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

const context = hubWithAdmin();
const OCTETS = { 'content-type': 'application/octet-stream' };

async function upload(file: Buffer | string, query = '', name = 'liaison.xlsx') {
  const body = typeof file === 'string' ? Buffer.from(file) : file;
  const response = await api(context.running.base, context.admin).post(`/api/liaison/import?name=${encodeURIComponent(name)}${query}`, body, OCTETS);
  return { status: response.status, body: (await response.json()) as LiaisonImportReply & { code?: string; detail?: string } };
}

const counts = () => {
  const { db } = context.running.hub;
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  return { accounts: one('SELECT COUNT(*) FROM accounts'), contacts: one('SELECT COUNT(*) FROM staff_contacts'), venues: one('SELECT COUNT(*) FROM venues') };
};

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
  return rows;
}

const signInAs = (username: string, password: string) => api(context.running.base).post('/api/session', { username, password });

test('24 units from an XLSX: accounts with one-time passwords (a sheet served once), their sub-venues made, the first sign-in sets a password and sees only its venue', async () => {
  const people = liaisonPeople(24);
  const before = counts();
  const started = performance.now();
  const { status, body } = await upload(await liaisonWorkbook(people), '&createVenues=true');
  console.log(`import of 24 rows: ${Math.round(performance.now() - started)} ms`);
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ created: 24, updated: 0, venuesCreated: 24, skipped: 0, problems: [] });
  expect(counts()).toEqual({ accounts: before.accounts + 24, contacts: before.contacts + 24, venues: before.venues + 24 });

  const sheetUrl = `/api/liaison/passwords/${body.passwordSheet}`;
  const sheet = await api(context.running.base, context.admin).get(sheetUrl);
  expect(sheet.status).toBe(200);
  const rows = await sheetRows(Buffer.from(await sheet.arrayBuffer()));
  expect(rows[0]).toEqual(['用户名', '姓名', '单位名称', '一次性密码']);
  expect(rows).toHaveLength(25);
  expect(rows[1]!.slice(0, 3)).toEqual(['lx001', people[0]!.name, people[0]!.unit]);
  const again = await api(context.running.base, context.admin).get(sheetUrl);
  expect(again.status).toBe(404);
  expect(await again.json()).toMatchObject({ code: 'LIAISON_SHEET_GONE' });

  // The third person signs in with the printed password.
  const [username, , unit, oneTimePassword] = rows[3]!;
  const first = await signInAs(username!, oneTimePassword!);
  expect(first.status).toBe(200);
  const firstReply = (await first.json()) as SessionReply;
  expect(firstReply.account).toMatchObject({ role: 'operator', mustChangePassword: true });
  const session: Session = {
    cookie: first.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; '),
    csrfToken: firstReply.csrfToken,
    account: firstReply.account,
  };
  // Nothing but the password form until a new one is set: REST and sockets alike.
  expect(await (await api(context.running.base, session).get('/api/devices')).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  const early = await staffSocket(context.running.base, session);
  expect(await request(early, 'stage:overview', {})).toMatchObject({ ok: false, code: 'PASSWORD_CHANGE_REQUIRED' });
  const change = (currentPassword: string, newPassword: string) =>
    api(context.running.base, session).post('/api/session/password', { currentPassword, newPassword });
  expect(await (await change('not-the-password', 'a-brand-new-password')).json()).toMatchObject({ code: 'BAD_CREDENTIALS' });
  expect(await (await change(oneTimePassword!, oneTimePassword!)).json()).toMatchObject({ code: 'PASSWORD_NOT_NEW' });
  expect(await (await change(oneTimePassword!, 'short')).json()).toMatchObject({ code: 'WEAK_PASSWORD' });
  const changed = await change(oneTimePassword!, 'a-brand-new-password');
  expect(changed.status).toBe(200);
  expect(((await changed.json()) as SessionReply).account.mustChangePassword).toBe(false);
  // The socket opened before the change is closed (it carried the old identity); a new one works.
  await new Promise((resolve) => (early.connected ? early.once('disconnect', resolve) : resolve(null)));
  const socket = await staffSocket(context.running.base, session);
  const overview = await request(socket, 'stage:overview', {});
  expect(overview.ok && overview.data.venues.map((venue) => venue.name)).toEqual([`${unit}分会场`]);
  socket.close();
  expect((await signInAs(username!, oneTimePassword!)).status).toBe(401);
  expect((await signInAs(username!, 'a-brand-new-password')).status).toBe(200);

  // An admin gives a person who lost theirs a new one-time password, shown once.
  const accountId = session.account.id;
  const issued = await api(context.running.base, context.admin).post(`/api/accounts/${accountId}/one-time-password`);
  const { password } = (await issued.json()) as { password: string };
  expect((await signInAs(username!, 'a-brand-new-password')).status).toBe(401);
  const withNew = (await (await signInAs(username!, password)).json()) as SessionReply;
  expect(withNew.account.mustChangePassword).toBe(true);

  // Nothing personal in the hub's log.
  const log = JSON.stringify(context.running.logs);
  for (const person of people) {
    expect(log).not.toContain(person.mobile);
    expect(log).not.toContain(person.name);
  }
});

test('the same list again updates the accounts (matched by mobile number): no new account, no password sheet; the export reads back the same', async () => {
  const people = liaisonPeople(24).map((person, index) => (index === 0 ? { ...person, title: '副局长', wechat: '=HYPERLINK("x")' } : person));
  const before = counts();
  const { status, body } = await upload(await liaisonWorkbook(people), '&createVenues=true');
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ created: 0, updated: 24, venuesCreated: 0, passwordSheet: null });
  expect(counts()).toEqual(before);

  const exported = await api(context.running.base, context.admin).get('/api/liaison/export.xlsx');
  expect(exported.status).toBe(200);
  const bytes = Buffer.from(await exported.arrayBuffer());
  const rows = await sheetRows(bytes);
  expect(rows[0]).toEqual(['单位名称', '部门名称', '姓名', '职务', '手机', '办公电话', '微信', '传真', '电子邮箱']);
  // A formula-like cell is written as text, and read back as typed.
  expect(rows[1]![6]).toBe(`'=HYPERLINK("x")`);
  const read = await readLiaisonFile(bytes);
  expect(read.ok && read.rows.map((row) => row.contact)).toEqual(people);
});

test('whom to call about a venue: admins see the numbers, an MC sees them masked, an operator only their own venue’s', async () => {
  const { base } = context.running;
  const people = liaisonPeople(24);
  const contactsOf = async (session: Session) =>
    ((await (await api(base, session).get('/api/liaison/contacts')).json()) as { contacts: VenueContact[] }).contacts;
  const accountId = context.running.hub.db.prepare("SELECT id FROM accounts WHERE username = 'lx005'").pluck().get() as number;
  const { password } = (await (await api(base, context.admin).post(`/api/accounts/${accountId}/one-time-password`)).json()) as { password: string };
  const operator = await signIn(base, 'lx005', password);
  expect(await (await api(base, operator).get('/api/liaison/contacts')).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  expect((await api(base, operator).post('/api/session/password', { currentPassword: password, newPassword: 'operator-password-5' })).status).toBe(200);

  const all = await contactsOf(context.admin);
  const fifth = all.find((contact) => contact.mobile === people[4]!.mobile);
  expect(fifth).toMatchObject({ name: people[4]!.name, title: people[4]!.title, officePhone: people[4]!.officePhone });
  const own = await contactsOf(operator);
  expect(own).toEqual([
    {
      ...fifth!,
      name: `${[...people[4]!.name][0]}*`,
      mobile: `${people[4]!.mobile.slice(0, 3)}****${people[4]!.mobile.slice(-4)}`,
      officePhone: '010****1004',
    },
  ]);
  const mc = await staffSession(base, context.admin, 'liaison-mc', 'mc', null);
  const masked = await contactsOf(mc);
  expect(masked).toHaveLength(all.length);
  for (const person of people) expect(JSON.stringify(masked)).not.toContain(person.mobile);
});

test('GBK CSV with full-width digits, duplicate units and mobiles: bad rows by line, nothing stored until the admin takes the good rows', async () => {
  const people = liaisonPeople(6, '137');
  const fullWidth = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
  const cells = (person: (typeof people)[number]) => [person.unit, person.department, person.name, person.title, person.mobile, person.officePhone, '', '', ''];
  const rows = [
    cells({ ...people[0]!, mobile: fullWidth(people[0]!.mobile) }),
    cells(people[1]!),
    cells({ ...people[2]!, unit: people[1]!.unit }), // same unit as line 3: a note, both taken
    cells({ ...people[3]!, mobile: people[1]!.mobile }), // same mobile as line 3
    cells({ ...people[4]!, mobile: '1.38001E+10' }),
    cells({ ...people[5]!, unit: '某'.repeat(300) }),
    cells({ ...people[5]!, name: '', mobile: '13712345678' }),
  ];
  const file = encodeGbk(liaisonCsv([], rows));
  const before = counts();
  const refused = await upload(file, '&createVenues=true', 'liaison.csv');
  expect(refused.status).toBe(400);
  expect(refused.body.code).toBe('LIAISON_IMPORT_HAS_ERRORS');
  expect(refused.body.problems.map((problem) => problem.line)).toEqual([5, 6, 7, 8]);
  expect(refused.body.problems[0]!.reason).toContain('第 3 行');
  expect(refused.body.problems[1]!.reason).toContain('科学计数法');
  expect(refused.body.problems[2]!.reason).toContain('单位名称超过 60');
  expect(refused.body.problems[3]!.reason).toContain('姓名');
  expect(refused.body.notes.map((note) => note.line)).toEqual([4]);
  expect(counts()).toEqual(before);

  const taken = await upload(file, '&createVenues=true&takeGood=true', 'liaison.csv');
  expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  // Their units' venues were made by the first import.
  expect(taken.body).toMatchObject({ created: 3, skipped: 4, venuesCreated: 0 });
  const stored = context.running.hub.db.prepare('SELECT name, mobile FROM staff_contacts WHERE mobile LIKE ? ORDER BY sort').all('137%') as {
    name: string;
    mobile: string;
  }[];
  // Full-width digits are stored as digits; names came through GBK intact.
  expect(stored).toEqual([people[0], people[1], people[2]].map((person) => ({ name: person!.name, mobile: person!.mobile })));
});

test('files that are not a liaison list are refused whole with a reason, and the hub keeps serving', async () => {
  const before = counts();
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0f1d1be0000000049454e44ae426082',
    'hex',
  );
  const cases: [string, Buffer | string, string][] = [
    ['a missing column', await liaisonWorkbook(liaisonPeople(3), { columns: ['单位名称', '部门名称', '姓名', '职务'] }), '手机'],
    ['no header at all', '甲,乙,丙\n1,2,3\n', '表头'],
    ['a picture', png, '不是表格'],
    ['an empty file', Buffer.alloc(0), '空'],
    ['an old .xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), '.xls'],
    ['a damaged workbook', (await liaisonWorkbook(liaisonPeople(3))).subarray(0, 2000), 'Excel'],
    ['a ZIP bomb', zipBomb(400 * 1024 * 1024), 'MB'],
    ['a ZIP bomb whose sizes lie', zipBomb(400 * 1024 * 1024, true), 'MB'],
    ['bytes neither UTF-8 nor GBK', Buffer.from([0xff, 0xfe, 0xfd, 0x41, 0x42, 0x0a, 0x80, 0x80, 0xff]), 'GBK'],
  ];
  for (const [what, file, reason] of cases) {
    const started = performance.now();
    const { status, body } = await upload(file);
    console.log(
      `${what}: ${status} ${body.code} in ${Math.round(performance.now() - started)} ms (${typeof file === 'string' ? file.length : file.length} bytes)`,
    );
    expect(status, what).toBe(400);
    expect(body.code, what).toBe('LIAISON_FILE_UNREADABLE');
    expect(body.detail, what).toContain(reason);
  }
  const huge = liaisonPeople(5000, '136');
  const started = performance.now();
  const { status, body } = await upload(await liaisonWorkbook(huge));
  console.log(`5,000 rows: ${status} ${body.code} in ${Math.round(performance.now() - started)} ms`);
  expect(status).toBe(400);
  expect(body.detail).toContain('5000');
  expect(counts()).toEqual(before);
  expect((await fetch(`${context.running.base}/healthz`)).status).toBe(200);
}, 120_000);

test('a unit that runs no venue is a bad row unless the admin asks for its sub-venue; a venue named after the unit is its venue', async () => {
  const person = liaisonPerson(0, '135');
  const stranger = { ...person, unit: '区某某新单位' };
  const refused = await upload(liaisonCsv([stranger]), '', 'liaison.csv');
  expect(refused.body.problems[0]!.reason).toContain('还没有会场');
  // A venue named after the unit ("宋庄镇" runs 宋庄镇分会场) is found without its unit field.
  const songzhuang = await upload(liaisonCsv([{ ...person, unit: '宋庄镇' }]), '', 'liaison.csv');
  expect(songzhuang.status, JSON.stringify(songzhuang.body)).toBe(200);
  const venueIds = context.running.hub.db
    .prepare('SELECT a.venue_ids FROM accounts a JOIN staff_contacts c ON c.account_id = a.id WHERE c.mobile = ?')
    .pluck()
    .get(person.mobile);
  expect(venueIds).toBe('["songzhuang"]');
});

test('npm run staff:import writes the one-time passwords to OUT.xlsx, and refuses while a hub runs on the store', async () => {
  const running = await startHub();
  const dataDir = running.dataDir;
  const file = path.join(dataDir, 'liaison.xlsx');
  fs.writeFileSync(file, await liaisonWorkbook(liaisonPeople(5)));
  const out = path.join(dataDir, 'passwords.xlsx');
  const whileRunning = await runScript('scripts/staff-import.ts', [file, '--passwords', out, '--create-venues'], dataDir);
  expect(whileRunning.code).toBe(1);
  expect(whileRunning.out).toContain('stop it first');
  await running.close();

  const imported = await runScript('scripts/staff-import.ts', [file, '--passwords', out, '--create-venues'], dataDir);
  expect(imported.code, imported.out).toBe(0);
  expect(imported.out).toContain('5 accounts created');
  const rows = await sheetRows(fs.readFileSync(out));
  expect(rows.map((row) => row.slice(0, 3))).toEqual([['用户名', '姓名', '单位名称'], ...liaisonPeople(5).map((p, i) => [`lx00${i + 1}`, p.name, p.unit])]);
  const db = openDatabase(dataDir);
  expect(db.prepare("SELECT COUNT(*) FROM venues WHERE unit = '区应急管理局'").pluck().get()).toBe(1);
  db.close();

  const again = await startHub(dataDir);
  const session = await signIn(again.base, 'lx002', rows[2]![3]);
  expect(session.account.mustChangePassword).toBe(true);
  const socket = await connectClient(again.base, 'console', { cookie: session.cookie });
  expect(await request(socket, 'venue:list', {})).toMatchObject({ ok: false, code: 'PASSWORD_CHANGE_REQUIRED' });
  socket.close();
  await again.close();

  const bad = path.join(dataDir, 'bad.csv');
  fs.writeFileSync(bad, '单位名称,姓名\n区应急管理局,王伟\n');
  const refused = await runScript('scripts/staff-import.ts', [bad], dataDir);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('LIAISON_FILE_UNREADABLE');
}, 120_000);
