import path from 'node:path';
import ExcelJS from 'exceljs';
import { QUIZ_THEMES, type BankQuestion, type BilingualText, type QuizTheme } from '../../shared/quiz.ts';
import type { BankItem } from './bank-check.ts';
import { safeCell, unescapedCell } from '../web/spreadsheet-cells.ts';
import { csvField, csvLines, decodeText, fileKind, workbookSheets, type Line } from '../spreadsheets/sheet-lines.ts';

/**
 * Question-bank files as organisers edit them in Excel or WPS: a spreadsheet (XLSX or CSV, one
 * question per row under a header row) or the project's JSON. Reading only converts cells into
 * question objects, each with the line it came from; checkBank judges them, so an organiser gets
 * every problem with its line number instead of a parser's first complaint.
 */

export type BankFileFormat = 'xlsx' | 'csv' | 'json';
export type BankFileRead =
  { ok: true; items: BankItem[] } | { ok: false; code: 'BANK_FILE_TYPE' | 'BANK_FILE_ENCODING' | 'BANK_FILE_UNREADABLE'; detail: string };

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

interface Column {
  /** The English header, also the key a row's cells are looked up by. */
  key: string;
  zh: string;
  width: number;
  wrap?: boolean;
}

/** The layout, in the order an exported file has it. */
const COLUMNS: Column[] = [
  { key: 'id', zh: '编号', width: 14 },
  { key: 'theme', zh: '主题', width: 10 },
  { key: 'type', zh: '题型', width: 8 },
  { key: 'difficulty', zh: '难度', width: 6 },
  { key: 'tags', zh: '标签', width: 18 },
  { key: 'prompt', zh: '题干', width: 40, wrap: true },
  { key: 'prompt_en', zh: '题干英文', width: 40, wrap: true },
  ...LETTERS.map((letter) => ({ key: `option_${letter}`, zh: `选项${letter.toUpperCase()}`, width: 20, wrap: true })),
  ...LETTERS.map((letter) => ({ key: `option_${letter}_en`, zh: `选项${letter.toUpperCase()}英文`, width: 20, wrap: true })),
  { key: 'answer', zh: '答案', width: 6 },
  { key: 'explanation', zh: '解析', width: 50, wrap: true },
  { key: 'explanation_en', zh: '解析英文', width: 50, wrap: true },
  { key: 'source', zh: '出处', width: 30, wrap: true },
  { key: 'checked', zh: '已核对', width: 7 },
  { key: 'image', zh: '图片', width: 16 },
  { key: 'retired', zh: '停用', width: 6 },
];

const THEME_NAMES: Record<QuizTheme, string> = {
  law: '安全生产法',
  fire: '消防安全',
  ebike: '电动自行车',
  home: '家庭燃气用电',
  signs: '安全标志',
  disaster: '防灾避险',
  firstaid: '急救',
  farm: '农业安全',
  eldercare: '养老机构',
  school: '校园安全',
  drill: '疏散演练',
};
const TYPE_NAMES = { single: '单选', multiple: '多选', truefalse: '判断' } as const;
// Maps, not object literals, so a cell saying "constructor" finds nothing.
const DIFFICULTY_WORDS = new Map([
  ['易', 1],
  ['简单', 1],
  ['中', 2],
  ['中等', 2],
  ['难', 3],
  ['困难', 3],
]);
const YES_NO = new Map([
  ...['是', 'true', '1', 'y', 'yes'].map((word) => [word, true] as const),
  ...['否', 'false', '0', 'n', 'no'].map((word) => [word, false] as const),
]);
/** 判断 answers written as words: A is 正确, B is 错误. */
const TRUE_FALSE_ANSWERS = new Map([
  ...['正确', '对', '√', '✓', '✔', 'true'].map((word) => [word, 0] as const),
  ...['错误', '错', '×', '✗', '✘', 'false'].map((word) => [word, 1] as const),
]);
const TRUE_FALSE_OPTIONS: BilingualText[] = [
  { zh: '正确', en: 'True' },
  { zh: '错误', en: 'False' },
];

// Full-width letters and stray spaces or underscores are common in hand-typed headers and cells.
const normalise = (text: string) => text.normalize('NFKC').trim().toLowerCase();
const headerKey = (text: string) => normalise(text).replace(/[\s_-]/g, '');
const HEADERS = new Map(COLUMNS.flatMap((column) => [[headerKey(column.zh), column.key] as const, [headerKey(column.key), column.key] as const]));

// ---------------------------------------------------------------- reading

export async function readBankFile(bytes: Buffer, fileName: string): Promise<BankFileRead> {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.xlsx') return readXlsx(bytes);
  if (extension !== '.csv' && extension !== '.json') {
    const hint = extension === '.xls' ? '请另存为 .xlsx / save it as .xlsx' : '请用 .xlsx、.csv 或 .json / use .xlsx, .csv or .json';
    return {
      ok: false,
      code: 'BANK_FILE_TYPE',
      detail: `不支持的文件类型 ${extension || '(无扩展名)'}，${hint} / unsupported file type ${extension || '(none)'}`,
    };
  }
  // A workbook renamed to .csv would otherwise fail as an "encoding" problem, which misleads.
  if (fileKind(bytes) === 'xlsx') {
    return { ok: false, code: 'BANK_FILE_TYPE', detail: `这是 Excel 工作簿，请用 .xlsx 扩展名 / this is an Excel workbook: name it .xlsx, not ${extension}` };
  }
  const text = decodeText(bytes);
  if (!text.ok) return { ok: false, code: 'BANK_FILE_ENCODING', detail: text.detail };
  return extension === '.json' ? readJson(text.text) : readCsv(text.text);
}

function readJson(text: string): BankFileRead {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'BANK_FILE_UNREADABLE', detail: `JSON 格式错误 / invalid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(list)) return { ok: false, code: 'BANK_FILE_UNREADABLE', detail: 'JSON 文件应是题目数组 / the JSON file must be an array of questions' };
  return { ok: true, items: list.map((value: unknown, index) => ({ at: `第 ${index + 1} 项 / item ${index + 1}`, value })) };
}

function readCsv(text: string): BankFileRead {
  const read = csvLines(text);
  return read.ok ? readLines(read.sheets[0]!) : { ok: false, code: 'BANK_FILE_UNREADABLE', detail: read.detail };
}

async function readXlsx(bytes: Buffer): Promise<BankFileRead> {
  const read = await workbookSheets(bytes);
  if (!read.ok) return { ok: false, code: 'BANK_FILE_UNREADABLE', detail: read.detail };
  // The first sheet is the bank; an instructions sheet placed before it is passed over.
  return readLines(read.sheets.find((lines) => findHeader(lines) !== null) ?? read.sheets[0]!);
}

/** The first non-empty row, if any of its cells is a known header: column index → key. */
function findHeader(lines: Line[]): { at: number; columns: Map<number, string> } | null {
  const at = lines.findIndex((line) => line.cells.some((cell) => cell.trim() !== ''));
  if (at < 0) return null;
  const columns = new Map<number, string>();
  const seen = new Set<string>();
  lines[at]!.cells.forEach((cell, index) => {
    const key = HEADERS.get(headerKey(cell));
    // A repeated header: the first column wins, as a reader of the sheet would assume.
    if (key && !seen.has(key)) columns.set(index, key);
    if (key) seen.add(key);
  });
  return columns.size > 0 ? { at, columns } : null;
}

function readLines(lines: Line[]): BankFileRead {
  const header = findHeader(lines);
  if (!header) {
    const expected = COLUMNS.slice(0, 6)
      .map((column) => column.zh)
      .join('、');
    return {
      ok: false,
      code: 'BANK_FILE_UNREADABLE',
      detail: `第一行应是表头（${expected}……）/ the first row must be the header (${COLUMNS.slice(0, 6)
        .map((column) => column.key)
        .join(', ')}, …)`,
    };
  }
  const items: BankItem[] = [];
  for (const { line, cells } of lines.slice(header.at + 1)) {
    const row = new Map<string, string>();
    for (const [index, key] of header.columns)
      row.set(
        key,
        unescapedCell(cells[index] ?? '')
          .replace(/\r\n?/g, '\n')
          .trim(),
      );
    if ([...row.values()].every((cell) => cell === '')) continue;
    items.push({ at: `第 ${line} 行 / line ${line}`, value: rowToQuestion(row) });
  }
  return { ok: true, items };
}

/**
 * Converts one row's cells. What does not convert is passed on as typed, so checkBank names the
 * field; only an empty answer is left out, which checkBank reports as NO_ANSWER.
 */
function rowToQuestion(row: Map<string, string>): Record<string, unknown> {
  const cell = (key: string) => row.get(key) ?? '';
  const orUndefined = (text: string) => (text === '' ? undefined : text);
  const type = toType(cell('type'));
  const retired = toYesNo(cell('retired'));
  const image = cell('image');
  return {
    id: orUndefined(cell('id')),
    theme: toTheme(cell('theme')),
    type,
    difficulty: toDifficulty(cell('difficulty')),
    tags: cell('tags')
      .split(/[|、,，;；]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    prompt: { zh: cell('prompt'), en: cell('prompt_en') },
    options: toOptions(row, type),
    answer: toAnswer(cell('answer'), type),
    explanation: { zh: cell('explanation'), en: cell('explanation_en') },
    source: orUndefined(cell('source')),
    checked: toYesNo(cell('checked')),
    ...(image ? { image } : {}),
    // Not retired is the same as no mark at all, which is how the bank's own files say it.
    ...(retired === false ? {} : { retired }),
  };
}

function toTheme(text: string): unknown {
  const key = normalise(text);
  const theme = QUIZ_THEMES.find((candidate) => candidate === key || THEME_NAMES[candidate] === key);
  return theme ?? (text || undefined);
}

function toType(text: string): unknown {
  const key = normalise(text).replace(/题$/, '');
  const entry = Object.entries(TYPE_NAMES).find(([type, name]) => type === key || name === key);
  return entry ? entry[0] : text || undefined;
}

function toDifficulty(text: string): unknown {
  const number = text === '' ? NaN : Number(text);
  if ([1, 2, 3].includes(number)) return number;
  return DIFFICULTY_WORDS.get(text) ?? (text || undefined);
}

function toYesNo(text: string): unknown {
  if (text === '') return false;
  return YES_NO.get(normalise(text)) ?? text;
}

/** Option columns up to the last filled one; a gap stays an empty option so checkBank flags it rather than the letters shifting. */
function toOptions(row: Map<string, string>, type: unknown): BilingualText[] {
  const options = LETTERS.map((letter) => ({ zh: row.get(`option_${letter}`) ?? '', en: row.get(`option_${letter}_en`) ?? '' }));
  while (options.length > 0 && options.at(-1)!.zh === '' && options.at(-1)!.en === '') options.pop();
  if (options.length === 0 && type === 'truefalse') return TRUE_FALSE_OPTIONS.map((option) => ({ ...option }));
  return options;
}

/** "A", "AC", "A,C", "A、C", "a c" → indices; for 判断 also 正确/错误, 对/错, √/×. */
function toAnswer(text: string, type: unknown): unknown {
  if (text === '') return undefined;
  const key = normalise(text);
  const word = TRUE_FALSE_ANSWERS.get(key);
  if (type === 'truefalse' && word !== undefined) return [word];
  const letters = key.replace(/[\s,，、;；|/]+/g, '');
  if (/^[a-z]+$/.test(letters)) return [...letters].map((letter) => letter.charCodeAt(0) - 'a'.charCodeAt(0));
  return text;
}

// ---------------------------------------------------------------- writing

/** The bank as a file to edit: Chinese headers, one question per row; it reads back unchanged. */
export async function writeBankFile(questions: BankQuestion[], format: BankFileFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(questions, null, 2)}\n`);
  const rows = questions.map(questionRow);
  if (format === 'csv') {
    const lines = [COLUMNS.map((column) => column.zh), ...rows.map((row) => COLUMNS.map((column) => String(row[column.key] ?? '')))];
    // A byte-order mark so Excel on a Chinese Windows opens it as UTF-8; CRLF as Excel writes it.
    return Buffer.from(`\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`);
  }
  return writeXlsx(rows);
}

function questionRow(question: BankQuestion): Record<string, string | number> {
  const row: Record<string, string | number> = {
    id: question.id,
    theme: question.theme,
    type: TYPE_NAMES[question.type],
    difficulty: question.difficulty,
    tags: question.tags.join('、'),
    prompt: question.prompt.zh,
    prompt_en: question.prompt.en,
    answer: question.answer.map((index) => String.fromCharCode('A'.charCodeAt(0) + index)).join(''),
    explanation: question.explanation.zh,
    explanation_en: question.explanation.en,
    source: question.source,
    checked: question.checked ? '是' : '否',
    image: question.image ?? '',
    retired: question.retired ? '是' : '否',
  };
  question.options.forEach((option, index) => {
    row[`option_${LETTERS[index]}`] = option.zh;
    row[`option_${LETTERS[index]}_en`] = option.en;
  });
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, safeCell(value)]));
}

async function writeXlsx(rows: Record<string, string | number>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.zh,
    key: column.key,
    width: column.width,
    style: { alignment: { vertical: 'top', ...(column.wrap ? { wrapText: true } : {}) } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
