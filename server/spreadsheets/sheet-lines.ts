import ExcelJS from 'exceljs';
import { zipProblem } from './zip-guard.ts';

/**
 * Spreadsheets as organisers keep them in Excel or WPS (XLSX, or CSV in UTF-8 or GBK), read into
 * plain rows of text, each with the line number the organiser sees. Every import (question bank,
 * award list, liaison list) reads through here and judges the rows itself.
 */
export interface Line {
  line: number;
  cells: string[];
}

export type SheetsRead = { ok: true; sheets: Line[][] } | { ok: false; detail: string };
export type TextRead = { ok: true; text: string } | { ok: false; detail: string };

/** What the bytes are, by their content (a name's extension can be wrong). */
export function fileKind(bytes: Buffer): 'xlsx' | 'xls' | 'text' | 'binary' {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'xlsx';
  if (bytes.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'xls';
  // Text files (UTF-8 or GBK) never hold a NUL byte in their first kilobytes; pictures, PDFs and archives do.
  return bytes.subarray(0, 4096).includes(0) ? 'binary' : 'text';
}

/** Every worksheet's rows, after the ZIP was checked for a bomb. */
export async function workbookSheets(bytes: Buffer): Promise<SheetsRead> {
  const problem = zipProblem(bytes);
  if (problem) return { ok: false, detail: `无法打开 Excel 文件 / cannot open the workbook: ${problem}` };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); at run time it takes Node's.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    return { ok: false, detail: `无法打开 Excel 文件 / cannot open the workbook: ${(error as Error).message}` };
  }
  if (workbook.worksheets.length === 0) return { ok: false, detail: '工作簿中没有工作表 / the workbook has no worksheet' };
  return { ok: true, sheets: workbook.worksheets.map(sheetLines) };
}

function sheetLines(sheet: ExcelJS.Worksheet): Line[] {
  const lines: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    lines.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return lines;
}

/** A cell as the organiser sees it: rich text and hyperlinks as their text, formulas as their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: unknown }).result);
  if ('text' in value) return cellText(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** UTF-8 (BOM stripped), else GB18030, a superset of the GBK that Excel in China saves CSV in. */
export function decodeText(bytes: Buffer): TextRead {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
    } catch {
      // Not this encoding: try the next.
    }
  }
  return {
    ok: false,
    detail:
      '文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本，请在 Excel 中另存为“CSV UTF-8” / the file is neither UTF-8 nor GBK/GB18030 text: save it from Excel as "CSV UTF-8"',
  };
}

/** A CSV's records as lines (a record's index + 1 is its line number), or where a quote never closes. */
export function csvLines(text: string): SheetsRead {
  const records = parseCsv(text, sniffDelimiter(text));
  if (!Array.isArray(records)) return { ok: false, detail: records.error };
  return { ok: true, sheets: [records.map((cells, index) => ({ line: index + 1, cells }))] };
}

/** Excel in some locales saves with semicolons, and text copied out of a sheet has tabs. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (delimiter: string) => firstLine.split(delimiter).length;
  return [',', ';', '\t'].reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best));
}

/**
 * RFC 4180: quoted fields, "" inside quotes, line breaks inside quotes, CRLF or LF. One record
 * per spreadsheet row, blank lines included, so a record's index gives its line number.
 */
function parseCsv(text: string, delimiter = ','): string[][] | { error: string } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteOpenedAt = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteOpenedAt = records.length + 1;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  // An open quote would swallow the rest of the file into one cell: say where, rather than lose rows.
  if (quoted) return { error: `第 ${quoteOpenedAt} 行的引号没有闭合 / the quote opened on line ${quoteOpenedAt} is never closed` };
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** A CSV field as Excel writes it: quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
