import path from 'node:path';
import { AWARD_LIMITS, type AwardImportProblem } from '../../shared/awards.ts';
import { characterCount, cleanName } from '../../shared/visitor-text.ts';
import type { Category } from './awards-rules.ts';
import { unescapedCell } from '../web/spreadsheet-cells.ts';
import { workbookSheets } from '../spreadsheets/sheet-lines.ts';

/**
 * An award list as organisers keep it in Excel or WPS: one winner per row under a header row
 * (奖项, 奖项英文, 获奖者, 单位). A blank category cell continues the category above (merged cells
 * read that way). Every bad row is reported with its line and why, the rest are grouped by
 * category in the order they first appear.
 */
export type AwardsFileRead =
  { ok: true; categories: Category[]; winners: number; problems: AwardImportProblem[] } | { ok: false; code: 'AWARDS_FILE_UNREADABLE'; detail: string };

const HEADERS = new Map<string, 'title' | 'titleEn' | 'name' | 'unit'>([
  ['奖项', 'title'],
  ['奖项名称', 'title'],
  ['category', 'title'],
  ['奖项英文', 'titleEn'],
  ['categoryen', 'titleEn'],
  ['获奖者', 'name'],
  ['姓名', 'name'],
  ['获奖单位或个人', 'name'],
  ['name', 'name'],
  ['单位', 'unit'],
  ['所在单位', 'unit'],
  ['unit', 'unit'],
]);
const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/（）()]/g, '');

export async function readAwardsFile(bytes: Buffer, fileName: string): Promise<AwardsFileRead> {
  if (path.extname(fileName).toLowerCase() !== '.xlsx') {
    return {
      ok: false,
      code: 'AWARDS_FILE_UNREADABLE',
      detail: `只能导入 .xlsx 文件 / only .xlsx files can be imported, not ${path.extname(fileName) || '(none)'}`,
    };
  }
  const read = await workbookSheets(bytes);
  if (!read.ok) return { ok: false, code: 'AWARDS_FILE_UNREADABLE', detail: read.detail };
  for (const sheet of read.sheets) {
    const lines = sheet.map(({ line, cells }) => ({ line, cells: cells.map(unescapedCell) }));
    const header = lines[0];
    const columns = new Map<string, number>();
    header?.cells.forEach((cell, index) => {
      const key = HEADERS.get(headerKey(cell));
      if (key && !columns.has(key)) columns.set(key, index);
    });
    // The first sheet with the header is the list; an instructions sheet before it is passed over.
    if (columns.has('title') && columns.has('name')) return readRows(lines.slice(1), columns);
  }
  return {
    ok: false,
    code: 'AWARDS_FILE_UNREADABLE',
    detail: '第一行应是表头：奖项、奖项英文、获奖者、单位 / the first row must be the header: category, category_en, name, unit',
  };
}

function readRows(lines: { line: number; cells: string[] }[], columns: Map<string, number>): AwardsFileRead {
  const problems: AwardImportProblem[] = [];
  const categories = new Map<string, Category>();
  const seen = new Set<string>();
  let above = '';
  let winners = 0;
  for (const { line, cells } of lines) {
    const cell = (key: string) => cleanName(cells[columns.get(key) ?? -1] ?? '');
    const [typedTitle, titleEn, name, unit] = [cell('title'), cell('titleEn'), cell('name'), cell('unit')];
    if (!typedTitle && !name && !unit) continue;
    const title = typedTitle || above;
    const problem = (reason: string) => problems.push({ line, reason });
    if (!title) problem('缺少奖项名称 / the category is missing');
    else if (characterCount(title) > AWARD_LIMITS.title)
      problem(`奖项名称超过 ${AWARD_LIMITS.title} 个字 / the category is longer than ${AWARD_LIMITS.title} characters`);
    else if (!name) problem('缺少获奖者 / the winner’s name is missing');
    else if (characterCount(name) > AWARD_LIMITS.name)
      problem(`获奖者超过 ${AWARD_LIMITS.name} 个字 / the name is longer than ${AWARD_LIMITS.name} characters`);
    else if (characterCount(unit) > AWARD_LIMITS.unit) problem(`单位超过 ${AWARD_LIMITS.unit} 个字 / the unit is longer than ${AWARD_LIMITS.unit} characters`);
    else if (characterCount(titleEn) > AWARD_LIMITS.titleEn) problem(`奖项英文超过 ${AWARD_LIMITS.titleEn} 个字符 / the English category is too long`);
    else if (seen.has(`${title}\u0000${name}\u0000${unit}`)) problem(`“${name}”在“${title}”中重复 / ${name} is listed twice in ${title}`);
    else {
      const category = categories.get(title) ?? { title, titleEn, winners: [] };
      if (category.winners.length >= AWARD_LIMITS.winners)
        problem(`一个奖项最多 ${AWARD_LIMITS.winners} 位获奖者 / at most ${AWARD_LIMITS.winners} winners per category`);
      else if (!categories.has(title) && categories.size >= AWARD_LIMITS.categories)
        problem(`最多 ${AWARD_LIMITS.categories} 个奖项 / at most ${AWARD_LIMITS.categories} categories`);
      else {
        if (!category.titleEn && titleEn) category.titleEn = titleEn;
        category.winners.push({ name, unit });
        categories.set(title, category);
        seen.add(`${title}\u0000${name}\u0000${unit}`);
        winners += 1;
      }
    }
    if (title) above = title;
  }
  return { ok: true, categories: [...categories.values()], winners, problems };
}
