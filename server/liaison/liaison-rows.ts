import { LIAISON_COLUMNS, LIAISON_LIMITS, REQUIRED_LIAISON_FIELDS, type LiaisonContact, type LiaisonField, type LiaisonLine } from '../../shared/liaison.ts';
import { maskMobile } from '../../shared/masking.ts';
import { characterCount, cleanName, normaliseMobile } from '../../shared/visitor-text.ts';
import { csvLines, decodeText, fileKind, workbookSheets, type Line, type SheetsRead } from '../spreadsheets/sheet-lines.ts';
import { unescapedCell } from '../web/spreadsheet-cells.ts';

/**
 * Reads a liaison list as units fill it in Excel or WPS: XLSX, or CSV in UTF-8 or GBK; a title
 * row above the header ("附件1 … 联络员名单") and a 序号 column are passed over. A file that
 * cannot be a liaison list (not a spreadsheet, no header, a required column missing, too many
 * rows) is refused whole; otherwise every row is judged, and each bad one reported by its line.
 */
export interface LiaisonRow {
  line: number;
  contact: LiaisonContact;
}

export type LiaisonRead = { ok: true; rows: LiaisonRow[]; problems: LiaisonLine[]; notes: LiaisonLine[] } | { ok: false; detail: string };

/** What units write as headers, by column (compared after NFKC, without spaces, stars or brackets). */
const HEADER_WORDS: Record<LiaisonField, string[]> = {
  unit: ['单位名称', '单位', '成员单位', 'unit'],
  department: ['部门名称', '部门', '处室', '科室', 'department'],
  name: ['姓名', '联络员', '联络员姓名', 'name'],
  title: ['职务', '职务职称', '职称', 'title'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', 'mobile'],
  officePhone: ['办公电话', '座机', '办公室电话', 'officephone', 'phone'],
  wechat: ['微信', '微信号', 'wechat'],
  fax: ['传真', '传真号码', 'fax'],
  email: ['电子邮箱', '邮箱', '电子邮件', 'email', 'e-mail'],
};
const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*\)|[\s*:_]/g, '');
const HEADERS = new Map(Object.entries(HEADER_WORDS).flatMap(([field, words]) => words.map((word) => [headerKey(word), field as LiaisonField] as const)));
/** The header is within the first rows (a title or a note may sit above it). */
const HEADER_SEARCH_ROWS = 10;

export async function readLiaisonFile(bytes: Buffer): Promise<LiaisonRead> {
  const sheets = await sheetsOf(bytes);
  if (!sheets.ok) return sheets;
  // The first sheet with the header is the list; an instructions sheet before it is passed over.
  for (const lines of sheets.sheets) {
    const header = findHeader(lines);
    if (header) return readRows(lines, header);
  }
  return {
    ok: false,
    detail: `找不到表头：应有 ${LIAISON_COLUMNS.map((column) => column.zh).join('、')} 等列 / no header row: the list needs the columns ${LIAISON_COLUMNS.map((column) => column.zh).join(', ')}`,
  };
}

async function sheetsOf(bytes: Buffer): Promise<SheetsRead> {
  if (bytes.length === 0) return { ok: false, detail: '文件是空的 / the file is empty' };
  switch (fileKind(bytes)) {
    case 'xlsx':
      return workbookSheets(bytes);
    case 'xls':
      return { ok: false, detail: '这是旧版 .xls 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV / an old .xls workbook: save it as .xlsx or CSV' };
    case 'binary':
      return { ok: false, detail: '这不是表格文件：请导入 .xlsx 或 .csv 文件 / this is not a spreadsheet: import an .xlsx or .csv file' };
    case 'text': {
      const text = decodeText(bytes);
      return text.ok ? csvLines(text.text) : text;
    }
  }
}

interface Header {
  line: number;
  index: number;
  columns: Map<LiaisonField, number>;
}

function findHeader(lines: Line[]): Header | null {
  for (const [index, { line, cells }] of lines.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const columns = new Map<LiaisonField, number>();
    cells.forEach((cell, column) => {
      const field = HEADERS.get(headerKey(cell));
      // A repeated header: the first column wins, as a reader of the sheet would assume.
      if (field && !columns.has(field)) columns.set(field, column);
    });
    if (columns.size >= 2) return { line, index, columns };
  }
  return null;
}

const zhOf = (field: LiaisonField) => LIAISON_COLUMNS.find((column) => column.key === field)!.zh;

function readRows(lines: Line[], header: Header): LiaisonRead {
  const missing = REQUIRED_LIAISON_FIELDS.filter((field) => !header.columns.has(field));
  if (missing.length > 0) {
    const names = missing.map(zhOf);
    return {
      ok: false,
      detail: `第 ${header.line} 行的表头缺少列：${names.join('、')} / the header on line ${header.line} lacks the column ${names.join(', ')}`,
    };
  }
  const notes: LiaisonLine[] = LIAISON_COLUMNS.filter((column) => !header.columns.has(column.key)).map((column) => ({
    line: header.line,
    reason: `没有“${column.zh}”列，该项留空 / no ${column.zh} column: left empty`,
  }));
  const filled = lines.slice(header.index + 1).filter((line) => line.cells.some((cell) => cell.trim() !== ''));
  if (filled.length > LIAISON_LIMITS.rows) {
    return {
      ok: false,
      detail: `名单有 ${filled.length} 行，最多 ${LIAISON_LIMITS.rows} 行：这是联络员名单吗？/ the list has ${filled.length} rows, at most ${LIAISON_LIMITS.rows}: is this the liaison list?`,
    };
  }
  const rows: LiaisonRow[] = [];
  const problems: LiaisonLine[] = [];
  const mobiles = new Map<string, number>();
  const people = new Map<string, number>();
  const units = new Map<string, number>();
  for (const { line, cells } of filled) {
    const cell = (field: LiaisonField) => unescapedCell(cells[header.columns.get(field) ?? -1] ?? '');
    const checked = checkContact(cell);
    if (typeof checked === 'string') {
      problems.push({ line, reason: checked });
      continue;
    }
    const person = `${unitKey(checked.unit)}\u0000${checked.name}`;
    const twice = mobiles.get(checked.mobile) ?? people.get(person);
    if (twice !== undefined) {
      const same = mobiles.has(checked.mobile)
        ? `手机号 ${maskMobile(checked.mobile)} 与第 ${twice} 行重复 / the mobile number is already on line ${twice}`
        : `${checked.unit}的${checked.name}已在第 ${twice} 行 / this person of this unit is already on line ${twice}`;
      problems.push({ line, reason: same });
      continue;
    }
    const unitLine = units.get(unitKey(checked.unit));
    if (unitLine !== undefined) {
      notes.push({ line, reason: `与第 ${unitLine} 行同一单位：两人都管理该单位的会场 / same unit as line ${unitLine}: both manage its venue` });
    }
    mobiles.set(checked.mobile, line);
    people.set(person, line);
    units.set(unitKey(checked.unit), unitLine ?? line);
    rows.push({ line, contact: checked });
  }
  return { ok: true, rows, problems, notes };
}

/** Units are compared without spaces or width differences (全角 and 半角 brackets are the same unit). */
export const unitKey = (unit: string) => unit.normalize('NFKC').replace(/\s/g, '');

const PHONE = /^[0-9+\-()（）\s转,，、/]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A row's contact, cleaned (full-width digits and spaces folded), or why it cannot be taken. */
function checkContact(cell: (field: LiaisonField) => string): LiaisonContact | string {
  const text = (field: LiaisonField) => cleanName(cell(field));
  const phone = (field: LiaisonField) => text(field).normalize('NFKC');
  const contact: LiaisonContact = {
    unit: text('unit'),
    department: text('department'),
    name: text('name'),
    title: text('title'),
    mobile: phone('mobile'),
    officePhone: phone('officePhone'),
    wechat: text('wechat'),
    fax: phone('fax'),
    email: text('email').normalize('NFKC'),
  };
  if (!contact.unit) return '缺少单位名称 / the unit is missing';
  if (!contact.name) return '缺少姓名 / the name is missing';
  if (!contact.mobile) return '缺少手机号 / the mobile number is missing';
  const tooLong = (
    [
      ['unit', LIAISON_LIMITS.unit],
      ['department', LIAISON_LIMITS.department],
      ['name', LIAISON_LIMITS.name],
      ['title', LIAISON_LIMITS.title],
      ['officePhone', LIAISON_LIMITS.phone],
      ['wechat', LIAISON_LIMITS.wechat],
      ['fax', LIAISON_LIMITS.phone],
      ['email', LIAISON_LIMITS.email],
    ] as const
  ).find(([field, limit]) => characterCount(contact[field]) > limit);
  if (tooLong) return `${zhOf(tooLong[0])}超过 ${tooLong[1]} 个字 / ${zhOf(tooLong[0])} is longer than ${tooLong[1]} characters`;
  // Excel shows a long number typed into a General cell as 1.38001E+10, and saves it so in CSV.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(contact.mobile)) {
    return `手机号被 Excel 写成了科学计数法（${contact.mobile}）：请把该列设为文本后重新填写 / the mobile number was saved in scientific notation: format the column as text and type it again`;
  }
  const mobile = normaliseMobile(contact.mobile);
  if (!mobile) return `手机号不是 11 位大陆手机号 / the mobile number is not an 11-digit mainland number`;
  for (const field of ['officePhone', 'fax'] as const) {
    if (!PHONE.test(contact[field])) return `${zhOf(field)}只能有数字和 - ( ) 转 / ${zhOf(field)} may hold only digits and - ( ) or 转`;
  }
  if (contact.email && !EMAIL.test(contact.email)) return '电子邮箱格式不对 / the email address is not valid';
  return { ...contact, mobile };
}
