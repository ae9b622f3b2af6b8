import { expect, test } from 'vitest';
import { busiest } from '../../display/src/scenes/stats/busiest.ts';

const venues = (counts: number[]) => counts.map((checkedIn, index) => ({ name: `会场${index}`, checkedIn }));
const byCount = (venue: { checkedIn: number }) => venue.checkedIn;

test('rows that fit are all shown, in their order, with no rest line', () => {
  const rows = venues([3, 9, 1]);
  expect(busiest(rows, byCount, 3)).toEqual({ shown: rows, rest: null });
});

test('sixty venues on a screen with room for six: the five busiest in the order set up, then the rest with their total', () => {
  const counts = Array.from({ length: 60 }, (_, index) => index % 7);
  counts[40] = 500;
  counts[2] = 300;
  const { shown, rest } = busiest(venues(counts), byCount, 6);
  expect(shown.map((venue) => venue.name)).toEqual(['会场2', '会场6', '会场13', '会场20', '会场40']);
  const total = counts.reduce((sum, count) => sum + count, 0);
  expect(rest).toEqual({ rows: 55, total: total - 500 - 300 - 6 - 6 - 6 });
});

test('ties keep the order set up', () => {
  expect(busiest(venues([1, 1, 1, 1]), byCount, 3).shown.map((venue) => venue.name)).toEqual(['会场0', '会场1']);
});
