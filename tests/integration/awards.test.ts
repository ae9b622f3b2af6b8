import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AwardsImportReply } from '../../shared/awards.ts';
import { connectClient, nextEvent, request, requestOk } from '../support/hub-harness.ts';
import { manualClock } from '../../server/clock.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { deviceSocket, pairDevice, staffSession, staffSocket, type Session } from '../support/staff.ts';
import { liveSettings } from '../support/live-settings.ts';

/**
 * The award ceremony against the real hub: an XLSX import with its report, the MC clicking
 * through, and what a screen and a viewer's console receive: no winner's name before its reveal.
 */
// The hub's own clock, moved by the test: live answers are timed by it (earlier is more points).
const clock = manualClock(Date.now());
const hub = hubWithAdmin({ clock });
let admin: Socket;
let mc: Socket;
let viewer: Socket;
let screen: Socket;
const seen: Record<'screen' | 'viewer', string[]> = { screen: [], viewer: [] };

const ROWS = [
  ['优秀组织单位', 'Outstanding Organising Units', '台湖镇人民政府', '通州区'],
  ['', '', '宋庄镇人民政府', '通州区'],
  ['安全生产先进个人', '', '欧阳明远', '通州区应急管理局'],
  ['安全生产先进个人', '', '司马春兰', '台湖镇安全生产办公室'],
  ['应急救援先锋', 'Emergency Rescue Vanguards', '上官海涛', '通州区消防救援支队'],
];
const NAMES = ROWS.map((row) => row[2]!);

async function xlsx(rows: string[][], header = ['奖项', '奖项英文', '获奖者', '单位']): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('获奖名单');
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function upload(session: Session, name: string, bytes: Buffer | string, takeGood = false) {
  return fetch(`${hub.running.base}/api/awards/import?name=${encodeURIComponent(name)}${takeGood ? '&takeGood=true' : ''}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/octet-stream' },
    body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
  });
}

const ok = requestOk;
const list = () => ok(admin, 'awards:list', {});

beforeAll(async () => {
  const { base } = hub.running;
  admin = await staffSocket(base, hub.admin);
  mc = await staffSocket(base, await staffSession(base, hub.admin, 'mc-awards', 'mc', null));
  viewer = await staffSocket(base, await staffSession(base, hub.admin, 'viewer-awards', 'viewer', null));
  screen = await deviceSocket(base, (await pairDevice(base, hub.admin, { kind: 'screen', venueId: 'taihu', groupId: 'main-stage' })).token, 'screen');
  for (const [who, socket] of [
    ['screen', screen],
    ['viewer', viewer],
  ] as const) {
    socket.onAny((event: string, ...args: unknown[]) => seen[who].push(JSON.stringify([event, args])));
  }
});
afterAll(() => [admin, mc, viewer, screen].forEach((socket) => socket?.close()));

test('the demo list is there from the start', async () => {
  const demo = await list();
  expect(demo.categories.map((category) => category.title)).toEqual(['优秀组织单位', '安全生产先进个人', '应急救援先锋']);
});

test('an import with bad rows is reported line by line and takes nothing; with "take the good rows" it takes those', async () => {
  const before = await list();
  const bad = await xlsx([
    ['', '', '无奖项的人', '某单位'],
    ...ROWS.slice(0, 2),
    ['优秀组织单位', '', '', '缺姓名的单位'],
    ['优秀组织单位', '', '台湖镇人民政府', '通州区'],
    ['超长奖项'.repeat(11), '', '某人', ''],
    ['应急救援先锋', '', '名'.repeat(41), ''],
    ...ROWS.slice(2),
  ]);
  const refused = await upload(hub.admin, '获奖名单.xlsx', bad);
  expect(refused.status).toBe(400);
  const report = (await refused.json()) as AwardsImportReply & { code: string };
  expect(report.code).toBe('AWARDS_IMPORT_HAS_ERRORS');
  expect(report.problems.map((problem) => problem.line)).toEqual([2, 5, 6, 7, 8]);
  expect(report.problems.map((problem) => problem.reason).join('\n')).toMatch(/缺少奖项名称[\s\S]*缺少获奖者[\s\S]*重复[\s\S]*超过 40[\s\S]*超过 40/);
  expect(await list()).toEqual(before);

  const taken = await upload(hub.admin, '获奖名单.xlsx', bad, true);
  expect(taken.status).toBe(200);
  expect((await taken.json()) as AwardsImportReply).toMatchObject({ categories: 3, winners: 5, skipped: 5 });
  const after = await list();
  expect(after.categories.map((category) => [category.title, category.winners.map((winner) => winner.name)])).toEqual([
    ['优秀组织单位', ['台湖镇人民政府', '宋庄镇人民政府']],
    ['安全生产先进个人', ['欧阳明远', '司马春兰']],
    ['应急救援先锋', ['上官海涛']],
  ]);
  expect(after.categories[0]!.titleEn).toBe('Outstanding Organising Units');
});

test.each([
  ['a CSV file', '名单.csv', '奖项,获奖者\n优秀组织单位,台湖镇'],
  ['bytes that are not a workbook', '名单.xlsx', 'not a workbook at all'],
  ['a workbook without the header row', '名单.xlsx', 'headerless'],
])('%s is refused with a clear error and changes nothing', async (_name, fileName, body) => {
  const before = await list();
  const bytes = body === 'headerless' ? await xlsx(ROWS, ['甲', '乙', '丙', '丁']) : body;
  const response = await upload(hub.admin, fileName, bytes);
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ code: 'AWARDS_FILE_UNREADABLE', message: expect.stringMatching(/xlsx/) });
  expect(await list()).toEqual(before);
});

test('an MC cannot import or read the full list', async () => {
  const mcSession = await staffSession(hub.running.base, hub.admin, 'mc-awards-2', 'mc', null);
  expect((await upload(mcSession, '名单.xlsx', await xlsx(ROWS))).status).toBe(403);
  expect(await request(mc, 'awards:list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('the MC clicks through: no screen or viewer console has a winner’s name before its reveal; back, summary and a double press', async () => {
  const imported = await upload(hub.admin, '获奖名单.xlsx', await xlsx(ROWS));
  expect(imported.status).toBe(200);
  let state = await ok(mc, 'awards:step', { action: 'reset', revision: (await ok(mc, 'awards:watch', {})).revision });
  for (const socket of [screen, viewer]) expect(await ok(socket, 'awards:watch', {})).toMatchObject({ phase: 'idle', revealed: [] });
  const everything = () => [...seen.screen, ...seen.viewer].join('\n');
  expect(everything()).not.toMatch(new RegExp(NAMES.join('|')));

  // Up to the last title card: category 1, its 2 winners, category 2, its 2 winners, category 3.
  const shown: string[] = [];
  for (let step = 0; step < 7; step += 1) {
    const arrived = Promise.all([nextEvent(screen, 'awards:state'), nextEvent(viewer, 'awards:state')]);
    state = await ok(mc, 'awards:step', { action: 'next', revision: state.revision });
    const [onScreen] = await arrived;
    expect(onScreen.step).toBe(step);
    if (state.phase === 'winner') shown.push(state.revealed.at(-1)!.name);
    expect(shown).toEqual(NAMES.slice(0, shown.length));
    // Every name not revealed yet is nowhere in what the screen and the viewer received.
    for (const name of NAMES.slice(shown.length)) expect(everything()).not.toContain(name);
  }
  expect(state).toMatchObject({ phase: 'category', category: { title: '应急救援先锋' }, upcoming: { kind: 'winner', ordinal: 1, of: 1 } });

  // A double press: the same revision twice is refused, the ceremony moves once.
  const first = await request(mc, 'awards:step', { action: 'next', revision: state.revision });
  const second = await request(mc, 'awards:step', { action: 'next', revision: state.revision });
  expect(first).toMatchObject({ ok: true, data: { phase: 'winner', revealed: [{ name: '上官海涛' }] } });
  expect(second).toMatchObject({ ok: false, code: 'AWARDS_STALE' });
  state = first.ok ? first.data : state;

  state = await ok(mc, 'awards:step', { action: 'back', revision: state.revision });
  expect(state).toMatchObject({ phase: 'category', revealed: [] });
  state = await ok(mc, 'awards:step', { action: 'summary', revision: state.revision });
  expect(state.phase).toBe('summary');
  expect(state.summary!.flatMap((category) => category.winners.map((winner) => winner.name))).toEqual(NAMES);
  // Beyond the last step: refused, and the summary stays.
  expect(await request(mc, 'awards:step', { action: 'next', revision: state.revision })).toMatchObject({
    ok: false,
    code: 'AWARDS_WRONG_STEP',
    message: expect.stringMatching(/最后一步/),
  });
  expect(await request(viewer, 'awards:step', { action: 'back', revision: state.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await ok(screen, 'awards:watch', {})).phase).toBe('summary');
});

test('a saved list is checked: a category twice is refused, a stale editor is refused, a good list keeps the ceremony’s step', async () => {
  const current = await list();
  const categories = current.categories.map(({ title, titleEn, winners }) => ({ title, titleEn, winners }));
  expect(await request(admin, 'awards:save', { categories: [...categories, categories[0]], revision: current.revision })).toMatchObject({
    ok: false,
    code: 'AWARDS_INVALID',
  });
  expect(await request(admin, 'awards:save', { categories, revision: current.revision - 1 })).toMatchObject({ ok: false, code: 'AWARDS_STALE' });
  expect(await request(admin, 'awards:save', { categories: [{ title: '空奖项', titleEn: '', winners: [] }], revision: current.revision })).toMatchObject({
    ok: false,
    code: 'BAD_PAYLOAD',
  });
  expect(await list()).toEqual(current);
  const fixed = categories.map((category, index) =>
    index === 1 ? { ...category, winners: [{ name: '欧阳明远', unit: '通州区应急管理局（更正）' }, ...category.winners.slice(1)] } : category,
  );
  const saved = await ok(admin, 'awards:save', { categories: fixed, revision: current.revision });
  expect(saved.categories[1]!.winners[0]!.unit).toBe('通州区应急管理局（更正）');
  expect((await ok(mc, 'awards:watch', {})).phase).toBe('summary');
});

test('the quiz champions: a live session’s top three, best first, become a category for the editor (nothing saved); none scored is refused', async () => {
  const { base } = hub.running;
  const session = await ok(admin, 'live:create', liveSettings({ name: '颁奖竞答', questionIds: ['fire-001'], teamMode: 'venue' }));
  expect(await request(admin, 'awards:champions', { sessionId: session.sessionId })).toMatchObject({ ok: false, code: 'AWARDS_NO_CHAMPIONS' });
  const right = (
    JSON.parse(hub.running.hub.db.prepare('SELECT body_json FROM questions WHERE id = ?').pluck().get('fire-001') as string) as { answer: number[] }
  ).answer;
  const players = [
    ['快手甲', right],
    ['快手乙', right],
    ['快手丙', right],
    ['快手丁', right],
    ['慢手戊', [right[0] === 0 ? 1 : 0]],
  ] as const;
  const phones = await Promise.all(players.map(() => connectClient(base, 'kiosk')));
  const tokens: string[] = [];
  for (const [index, [name]] of players.entries())
    tokens.push((await ok(phones[index]!, 'live:join', { pin: session.pin, nickname: name, venueId: 'songzhuang' })).token);
  await ok(admin, 'live:control', { sessionId: session.sessionId, action: 'start', step: session.step });
  // Four answer right one after another, 40 ms apart on the hub's clock (2 points less each), one wrong.
  for (const [index, [, choice]] of players.entries()) {
    await ok(phones[index]!, 'live:answer', { token: tokens[index], index: 0, choice });
    clock.advance(40);
  }
  const before = await list();
  const champions = await ok(admin, 'awards:champions', { sessionId: session.sessionId });
  expect(champions.title).toBe('现场竞答优胜者');
  expect(champions.winners).toEqual([
    { name: '快手甲', unit: '宋庄镇分会场' },
    { name: '快手乙', unit: '宋庄镇分会场' },
    { name: '快手丙', unit: '宋庄镇分会场' },
  ]);
  expect((await list()).revision).toBe(before.revision);
  expect(await request(mc, 'awards:champions', { sessionId: session.sessionId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  phones.forEach((phone) => phone.close());
});
