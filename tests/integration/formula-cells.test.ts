import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import type { BankQuestion } from '../../shared/quiz.ts';
import { hubWithAdmin } from '../support/hub-with-admin.ts';
import { api } from '../support/staff.ts';

/**
 * Every spreadsheet the hub writes (CSV and XLSX) keeps text that begins like a formula
 * (= + - @) as text, so an organiser opening a visitor's "=HYPERLINK(…)" runs nothing; the
 * bank's own export still reads back unchanged.
 */
const hub = hubWithAdmin();
const FORMULA = '=HYPERLINK("http://example.com","领奖")';

async function xlsxCells(bytes: ArrayBuffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells;
}

test('registrations and check-ins, as CSV and XLSX: a visitor’s formula-like unit is written as text', async () => {
  const registered = await api(hub.running.base).post('/api/visitors', { nickname: '小明', realName: '王小明', unit: FORMULA, privacyConsent: true });
  expect(registered.status, await registered.clone().text()).toBe(200);
  const csv = await (await api(hub.running.base, hub.admin).get('/api/exports/registrations.csv')).text();
  expect(csv).toContain(`'=HYPERLINK(`);
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  const xlsx = await (await api(hub.running.base, hub.admin).get('/api/exports/registrations.xlsx')).arrayBuffer();
  const cells = await xlsxCells(xlsx);
  expect(cells).toContain(`'${FORMULA}`);
  expect(cells).not.toContain(FORMULA);
});

test('the question bank, as CSV and XLSX: a formula-like prompt is written as text and reads back unchanged', async () => {
  const admin = api(hub.running.base, hub.admin);
  const bank = (await (await admin.get('/api/bank')).json()) as { questions: BankQuestion[] };
  const question = bank.questions.find((one) => one.id === 'fire-001')!;
  const prompt = '=1+1 时，消防通道可以堵吗？';
  expect((await admin.put('/api/bank/questions/fire-001', { ...question, prompt: { ...question.prompt, zh: prompt } })).status).toBe(200);

  const csv = Buffer.from(await (await admin.get('/api/bank/export.csv')).arrayBuffer());
  expect(csv.toString('utf8')).toContain(`'${prompt}`);
  expect(await xlsxCells(await (await admin.get('/api/bank/export.xlsx')).arrayBuffer())).toContain(`'${prompt}`);

  // Read back: the apostrophe is taken off again, so the question is as it was.
  const reimported = await admin.post('/api/bank/import?name=bank.csv', csv, { 'content-type': 'application/octet-stream' });
  expect(reimported.status, await reimported.clone().text()).toBe(200);
  const after = (await (await admin.get('/api/bank')).json()) as { questions: BankQuestion[] };
  expect(after.questions.find((one) => one.id === 'fire-001')!.prompt.zh).toBe(prompt);
});
