/**
 * Text that a spreadsheet would run as a formula when the file is opened (CSV injection: a
 * visitor's nickname "=HYPERLINK(…)" in an organiser's Excel). Such a cell is written with a
 * leading apostrophe, which Excel and WPS show as text and hide; our own imports take it off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell of an exported sheet: text that begins like a formula is kept as text. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row of an exported sheet, every text cell made safe. */
export const safeRow = <T>(row: readonly T[]): (T | string)[] => row.map(safeCell);

/** A cell read back by an import: the apostrophe an export put before formula-like text is dropped. */
export const unescapedCell = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
