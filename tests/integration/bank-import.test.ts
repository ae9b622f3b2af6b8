import { expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { BankQuestion } from '../../shared/quiz.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { api, staffSession } from '../support/staff.ts';
import { encodeGbk } from '../support/gbk.ts';

/** Organisers keep the bank in the console: import with a report, edit, retire, export. */
const hub = hubWithAdmin();

const HEADER = ['编号', '主题', '题型', '难度', '标签', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '出处', '已核对'];
const row = (id: string, prompt: string, answer: string) => [
  id,
  'fire',
  '单选',
  '1',
  '测试',
  prompt,
  '拨打 119',
  '拨打 110',
  '自己扑救',
  '先拍照',
  answer,
  '发现火情应立即拨打 119 报警。',
  '《中华人民共和国消防法》第四十四条',
  '是',
];
const GOOD_ROWS = [row('imp-001', '发现火情第一步应当怎么做？', 'A'), row('imp-002', '商场着火后应向哪个号码报警？', 'A')];
const BAD_ROWS = [row('imp-003', '这道题没有答案吗？', ''), row('imp-004', '答案超出选项的题？', 'F'), row('imp-005', '发现火情第一步应当怎么做？', 'A')];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('题库');
  sheet.addRow(HEADER);
  rows.forEach((cells) => sheet.addRow(cells));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A spreadsheet's own CSV: UTF-8 with a BOM, CRLF line ends, quoted where needed. */
const csv = (rows: string[][]) =>
  Buffer.from(
    '\ufeff' +
      [HEADER, ...rows].map((cells) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') +
      '\r\n',
  );

const upload = (body: Buffer, name: string, takeGood = false, session = hub.admin) =>
  api(hub.running.base, session).post(`/api/bank/import?name=${encodeURIComponent(name)}${takeGood ? '&takeGood=true' : ''}`, body, {
    'content-type': 'application/octet-stream',
  });
const countQuestions = () => hub.running.hub.db.prepare("SELECT COUNT(*) FROM questions WHERE id LIKE 'imp-%'").pluck().get() as number;

test.each([
  ['an XLSX made by exceljs', 'bank.xlsx', xlsx],
  ['a spreadsheet’s CSV (UTF-8 with BOM)', 'bank.csv', async (rows: string[][]) => csv(rows)],
])('%s with bad rows: each bad row reported by line and reason, nothing imported; then the good rows when chosen', async (_name, file, make) => {
  const body = await make([...GOOD_ROWS, ...BAD_ROWS]);
  const before = countQuestions();
  const refused = await upload(body, file);
  expect(refused.status).toBe(400);
  const report = (await refused.json()) as { code: string; problems: { at: string; code: string; message: string }[]; good: number };
  expect(report.code).toBe('BANK_IMPORT_HAS_ERRORS');
  expect(report.good).toBe(2);
  expect(report.problems.map((p) => [p.at, p.code])).toEqual([
    ['第 4 行 / line 4', 'NO_ANSWER'],
    ['第 5 行 / line 5', 'ANSWER_NOT_AMONG_OPTIONS'],
    ['第 6 行 / line 6', 'DUPLICATE_PROMPT'],
  ]);
  expect(report.problems[0]!.message).toContain('缺少正确答案');
  expect(countQuestions()).toBe(before);

  const taken = await upload(body, file, true);
  expect(taken.status).toBe(200);
  expect(await taken.json()).toMatchObject({ imported: 2, skipped: 3 });
  expect(countQuestions()).toBe(2);
});

test('a GBK CSV (as Excel in China saves it) is converted and read; a file of another type is refused plainly', async () => {
  const text =
    '编号,主题,题型,难度,标签,题干,选项A,选项B,答案,解析,出处,已核对\r\nimp-010,fire,判断,1,测试,楼道可以堆放杂物吗？,正确,错误,B,楼道是疏散通道，不能堆放杂物。,《中华人民共和国消防法》第二十八条,是\r\n';
  const encoded = encodeGbk(text);
  const response = await upload(encoded, '题库.csv');
  expect(response.status, await response.clone().text()).toBe(200);
  const saved = hub.running.hub.db.prepare("SELECT body_json FROM questions WHERE id = 'imp-010'").pluck().get() as string;
  expect((JSON.parse(saved) as BankQuestion).prompt.zh).toBe('楼道可以堆放杂物吗？');

  const wrongType = await upload(Buffer.from('hello'), 'bank.txt');
  expect(wrongType.status).toBe(400);
  expect(await wrongType.json()).toMatchObject({ code: 'BANK_FILE_TYPE', message: expect.stringContaining('XLSX') });
  const damaged = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), 'bank.xlsx');
  expect(await damaged.json()).toMatchObject({ code: 'BANK_FILE_UNREADABLE' });
});

test('an admin edits, retires and exports; an MC may not touch the bank', async () => {
  const list = (await (await api(hub.running.base, hub.admin).get('/api/bank')).json()) as { questions: BankQuestion[]; playable: number };
  const question = list.questions.find((q) => q.id === 'fire-001')!;
  const edited = await api(hub.running.base, hub.admin).put('/api/bank/questions/fire-001', { ...question, retired: true });
  expect(edited.status).toBe(200);
  const after = (await (await api(hub.running.base, hub.admin).get('/api/bank')).json()) as { questions: BankQuestion[]; playable: number };
  expect(after.playable).toBe(list.playable - 1);
  expect(after.questions.find((q) => q.id === 'fire-001')!.retired).toBe(true);

  const broken = await api(hub.running.base, hub.admin).put('/api/bank/questions/fire-001', { ...question, answer: [question.options.length] });
  expect(broken.status).toBe(400);
  expect(await broken.json()).toMatchObject({ problems: [{ code: 'ANSWER_NOT_AMONG_OPTIONS' }] });

  for (const format of ['xlsx', 'csv', 'json']) {
    const file = await api(hub.running.base, hub.admin).get(`/api/bank/export.${format}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`eventday-questions.${format}`);
  }
  const mc = await staffSession(hub.running.base, hub.admin, 'bank-mc', 'mc', null);
  expect((await api(hub.running.base, mc).get('/api/bank')).status).toBe(403);
  expect((await upload(await xlsx(GOOD_ROWS), 'bank.xlsx', true, mc)).status).toBe(403);
  const audit = hub.running.hub.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'bank:%' ORDER BY id").pluck().all();
  expect(audit).toEqual(['bank:import', 'bank:import', 'bank:import', 'bank:retire']);
});
