import { expect, test } from 'vitest';
import { safeCell, safeRow, unescapedCell } from '../../server/web/spreadsheet-cells.ts';

test('text a spreadsheet would run as a formula is kept as text; everything else is left as it is', () => {
  for (const risky of ['=1+1', '=HYPERLINK("http://example.com","点我")', '+8613812341234', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1']) {
    expect(safeCell(risky)).toBe(`'${risky}`);
    expect(unescapedCell(safeCell(risky))).toBe(risky);
  }
  for (const plain of ['王小明', '138****1234', 'a=b', "'quoted", '', '1+1']) {
    expect(safeCell(plain)).toBe(plain);
    expect(unescapedCell(plain)).toBe(plain);
  }
  expect(safeRow([-5, null, '=A1', 3])).toEqual([-5, null, "'=A1", 3]);
});
