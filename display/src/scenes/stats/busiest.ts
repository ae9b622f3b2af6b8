/**
 * The rows a screen has room for: with dozens of sub-venues (or stations), the busiest few in the
 * order set up, then one line for the rest with their total. Up to `room` rows: all of them
 * when they fit, else `room - 1` and the rest line.
 */
export function busiest<T>(rows: T[], count: (row: T) => number, room: number): { shown: T[]; rest: { rows: number; total: number } | null } {
  if (rows.length <= room) return { shown: rows, rest: null };
  const keep = new Set(
    rows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => count(b.row) - count(a.row) || a.index - b.index)
      .slice(0, room - 1)
      .map(({ row }) => row),
  );
  const others = rows.filter((row) => !keep.has(row));
  return { shown: rows.filter((row) => keep.has(row)), rest: { rows: others.length, total: others.reduce((sum, row) => sum + count(row), 0) } };
}
