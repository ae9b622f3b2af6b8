import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import type { BankQuestion } from '../../shared/quiz.ts';
import { checkBank, type BankItem } from '../../server/quiz/bank-check.ts';
import { readBankFile, writeBankFile } from '../../server/quiz/bank-files.ts';
import { bankImageExists, builtinBankItems } from '../../server/quiz/builtin-bank.ts';

async function itemsOf(bytes: Buffer, fileName: string): Promise<BankItem[]> {
  const read = await readBankFile(bytes, fileName);
  if (!read.ok) throw new Error(`${read.code}: ${read.detail}`);
  return read.items;
}

const source = '《中华人民共和国消防法》（2021修正）第四十四条';

test('an XLSX with good and bad rows: good questions pass, each bad row is named by its line', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  // Mixed Chinese and English headers, odd case and order, as organisers' sheets come.
  sheet.addRow(['题干', 'ID', '主题', '题型', 'Difficulty', '标签', '选项A', '选项B', '选项C', '选项D', '答案', '解析', 'Source', '已核对', 'Prompt_EN']);
  sheet.addRow([
    { richText: [{ text: '发现着火了，' }, { text: '应拨打哪个电话？', font: { bold: true } }] },
    'fire-901',
    '消防安全',
    '单选',
    1,
    '119|报警',
    119,
    110,
    120,
    122,
    'a',
    '火警电话是119。',
    source,
    '是',
    'Which number for a fire?',
  ]);
  sheet.addRow([
    '拨打119时要讲清哪些信息？',
    'fire-902',
    'fire',
    'multiple',
    { formula: '1+1', result: 2 },
    '报警、要点',
    '地址',
    '火势',
    '谁的责任',
    '',
    'A、B',
    '讲清地址和火势。',
    source,
    'true',
  ]);
  sheet.addRow([]);
  sheet.addRow(['没有答案的题目？', 'fire-903', 'fire', '单选', '易', '', '甲', '乙', '', '', '', '缺答案。', source, '是']);
  sheet.addRow(['答案超出选项的题目？', 'fire-904', 'fire', '单选', '中', '', '甲', '乙', '丙', '丁', 'E', '答案是E。', source, '是']);
  sheet.addRow(['发现着火了，应拨打哪个电话？', 'fire-905', 'fire', '单选', '难', '', '119', '110', '', '', 'A', '重复的题干。', source, '是']);
  sheet.addRow(['楼道里可以给电动自行车充电。', 'fire-906', 'ebike', '判断', 1, '', '', '', '', '', '×', '不得在楼道充电。', source, 'y']);
  const items = await itemsOf(Buffer.from(await workbook.xlsx.writeBuffer()), '题库.xlsx');

  expect(items.map((item) => item.at)).toEqual([
    '第 2 行 / line 2',
    '第 3 行 / line 3',
    '第 5 行 / line 5',
    '第 6 行 / line 6',
    '第 7 行 / line 7',
    '第 8 行 / line 8',
  ]);
  const report = checkBank(items);
  expect(report.questions.map((question) => question.id)).toEqual(['fire-901', 'fire-902', 'fire-906']);
  expect(report.problems.map(({ at, id, code }) => ({ at, id, code }))).toEqual([
    { at: '第 5 行 / line 5', id: 'fire-903', code: 'NO_ANSWER' },
    { at: '第 6 行 / line 6', id: 'fire-904', code: 'ANSWER_NOT_AMONG_OPTIONS' },
    { at: '第 7 行 / line 7', id: 'fire-905', code: 'DUPLICATE_PROMPT' },
  ]);
  expect(report.questions[0]).toEqual({
    id: 'fire-901',
    theme: 'fire',
    type: 'single',
    difficulty: 1,
    tags: ['119', '报警'],
    prompt: { zh: '发现着火了，应拨打哪个电话？', en: 'Which number for a fire?' },
    options: ['119', '110', '120', '122'].map((zh) => ({ zh, en: '' })),
    answer: [0],
    explanation: { zh: '火警电话是119。', en: '' },
    source,
    checked: true,
  });
  expect(report.questions[1]).toMatchObject({
    difficulty: 2,
    tags: ['报警', '要点'],
    answer: [0, 1],
    options: [{ zh: '地址' }, { zh: '火势' }, { zh: '谁的责任' }],
  });
  expect(report.questions[2]).toMatchObject({
    theme: 'ebike',
    type: 'truefalse',
    options: [
      { zh: '正确', en: 'True' },
      { zh: '错误', en: 'False' },
    ],
    answer: [1],
    checked: true,
  });
});

// As Excel or WPS saves "CSV" on a Chinese Windows: headers in Chinese, CRLF, a cell with a comma and a line break in it.
const spreadsheetCsv = [
  '编号,主题,题型,难度,标签,题干,选项A,选项B,选项C,答案,解析,出处,已核对',
  'fire-901,消防安全,单选,易,火警、报警,"发现火情，应拨打哪个电话？",119,110,120,A,"火警电话是119，\r\n110是匪警。",《中华人民共和国消防法》第四十四条,是',
  'fire-902,fire,判断,2,,楼道里可以停放电动自行车充电。,,,,错,电动自行车不得在楼道停放充电。,《高层民用建筑消防安全管理规定》第三十七条,是',
  '',
].join('\r\n');

function expectSpreadsheetCsvRead(items: BankItem[]) {
  expect(items.map((item) => item.at)).toEqual(['第 2 行 / line 2', '第 3 行 / line 3']);
  const report = checkBank(items);
  expect(report.problems).toEqual([]);
  expect(report.questions).toEqual([
    {
      id: 'fire-901',
      theme: 'fire',
      type: 'single',
      difficulty: 1,
      tags: ['火警', '报警'],
      prompt: { zh: '发现火情，应拨打哪个电话？', en: '' },
      options: ['119', '110', '120'].map((zh) => ({ zh, en: '' })),
      answer: [0],
      explanation: { zh: '火警电话是119，\n110是匪警。', en: '' },
      source: '《中华人民共和国消防法》第四十四条',
      checked: true,
    },
    {
      id: 'fire-902',
      theme: 'fire',
      type: 'truefalse',
      difficulty: 2,
      tags: [],
      prompt: { zh: '楼道里可以停放电动自行车充电。', en: '' },
      options: [
        { zh: '正确', en: 'True' },
        { zh: '错误', en: 'False' },
      ],
      answer: [1],
      explanation: { zh: '电动自行车不得在楼道停放充电。', en: '' },
      source: '《高层民用建筑消防安全管理规定》第三十七条',
      checked: true,
    },
  ]);
}

test('a CSV as a spreadsheet saves it (UTF-8 with BOM, CRLF, quoted comma and line break) is read', async () => {
  expectSpreadsheetCsvRead(await itemsOf(Buffer.from(`\uFEFF${spreadsheetCsv}`), 'bank.CSV'));
});

test('a bad row in a CSV is named by its spreadsheet line, counting the line break inside a quoted cell as one row', async () => {
  const csv = `${spreadsheetCsv}fire-903,fire,单选,1,,没有答案？,甲,乙,,,解析,${source},是\r\n`;
  const report = checkBank(await itemsOf(Buffer.from(csv), 'bank.csv'));
  expect(report.problems.map(({ at, code }) => ({ at, code }))).toEqual([{ at: '第 4 行 / line 4', code: 'NO_ANSWER' }]);
});

test('the same CSV saved as GBK is converted and read', async () => {
  // spreadsheetCsv.encode('gbk') by python3: Node can decode GBK but not encode it.
  const gbk = Buffer.from(
    'b1e0bac52cd6f7cce22ccce2d0cd2cc4d1b6c82cb1eac7a92ccce2b8c92cd1a1cfee412cd1a1cfee422cd1a1cfee432cb4f0b0b82cbde2cef62cb3f6b4a62cd2d1bacbb6d40d0a666972652d3930312ccffbb7c0b0b2c8ab2cb5a5d1a12cd2d72cbbf0beafa1a2b1a8beaf2c22b7a2cfd6bbf0c7e9a3acd3a6b2a6b4f2c4c4b8f6b5e7bbb0a3bf222c3131392c3131302c3132302c412c22bbf0beafb5e7bbb0cac7313139a3ac0d0a313130cac7b7cbbeafa1a3222ca1b6d6d0bbaac8cbc3f1b9b2bacdb9facffbb7c0b7a8a1b7b5dacbc4caaecbc4ccf52ccac70d0a666972652d3930322c666972652cc5d0b6cf2c322c2cc2a5b5c0c0efbfc9d2d4cda3b7c5b5e7b6afd7d4d0d0b3b5b3e4b5e7a1a32c2c2c2cb4ed2cb5e7b6afd7d4d0d0b3b5b2bbb5c3d4dac2a5b5c0cda3b7c5b3e4b5e7a1a32ca1b6b8dfb2e3c3f1d3c3bda8d6fecffbb7c0b0b2c8abb9dcc0edb9e6b6a8a1b7b5dac8fdcaaec6dfccf52ccac70d0a',
    'hex',
  );
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
  expectSpreadsheetCsvRead(await itemsOf(gbk, '题库.csv'));
});

test('a JSON bank file gives one item per question, by item number', async () => {
  const items = await itemsOf(Buffer.from(JSON.stringify([{ id: 'fire-901' }, { id: 'fire-902' }])), 'bank.json');
  expect(items).toEqual([
    { at: '第 1 项 / item 1', value: { id: 'fire-901' } },
    { at: '第 2 项 / item 2', value: { id: 'fire-902' } },
  ]);
});

test('files that cannot be read are refused with a code and a reason', async () => {
  const refusal = async (bytes: Buffer, fileName: string) => {
    const read = await readBankFile(bytes, fileName);
    return read.ok ? 'read' : read.code;
  };
  expect(await refusal(Buffer.from('题干,答案\n'), 'bank.txt')).toBe('BANK_FILE_TYPE');
  expect(await refusal(Buffer.from('not a workbook'), 'bank.xlsx')).toBe('BANK_FILE_UNREADABLE');
  expect(await refusal(Buffer.from('PK\x03\x04garbage', 'latin1'), 'bank.csv')).toBe('BANK_FILE_TYPE');
  // UTF-16 (Excel's "Unicode text"): 0xFF is no lead byte in UTF-8 nor in GB18030.
  expect(await refusal(Buffer.from('\uFEFF题干,答案\n', 'utf16le'), 'bank.csv')).toBe('BANK_FILE_ENCODING');
  expect(await refusal(Buffer.from('题干,答案\n"没有闭合的引号,A\n'), 'bank.csv')).toBe('BANK_FILE_UNREADABLE');
  expect(await refusal(Buffer.from('a,b,c\n1,2,3\n'), 'bank.csv')).toBe('BANK_FILE_UNREADABLE');
  expect(await refusal(Buffer.from('{"id":"fire-001"}'), 'bank.json')).toBe('BANK_FILE_UNREADABLE');
  expect(await refusal(Buffer.from('[{'), 'bank.json')).toBe('BANK_FILE_UNREADABLE');
});

test('an exported XLSX has a bold, frozen Chinese header row and wraps the long columns', async () => {
  const [question] = checkBank(builtinBankItems(), { imageExists: bankImageExists }).questions;
  const workbook = new ExcelJS.Workbook();
  const bytes = await writeBankFile([question!], 'xlsx');
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('编号');
  expect(sheet.getRow(1).font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(2).getCell(6).alignment?.wrapText).toBe(true);
  expect(sheet.getRow(2).getCell(3).value).toBe('单选');
});

// Not retired is written 否 and read back as no mark at all; a question without a picture has no image key.
const normalised = (questions: BankQuestion[]) => questions.map(({ retired, ...question }) => ({ ...question, ...(retired ? { retired } : {}) }));

test.each(['xlsx', 'csv', 'json'] as const)('the whole built-in bank round-trips through %s unchanged', async (format) => {
  const bank = checkBank(builtinBankItems(), { imageExists: bankImageExists });
  expect(bank.problems).toEqual([]);
  // One retired question, so the 停用 column is carried both ways too.
  const questions = bank.questions.map((question, index) => (index === 3 ? { ...question, retired: true } : question));
  const back = checkBank(await itemsOf(await writeBankFile(questions, format), `bank.${format}`), { imageExists: bankImageExists });
  expect(back.problems).toEqual([]);
  expect(back.questions).toHaveLength(questions.length);
  expect(normalised(back.questions)).toEqual(normalised(questions));
});
