import { expect, test } from 'vitest';
import { byRank, isCorrect, MAX_SPEED_BONUS, pointsFor, POINTS_PER_CORRECT, QUESTIONS_PER_CHALLENGE } from '../../shared/quiz-scoring.ts';
import { drawQuestions } from '../../shared/quiz-draw.ts';
import { checkBank } from '../../server/quiz/bank-check.ts';
import { builtinBankItems } from '../../server/quiz/builtin-bank.ts';

/** A seeded random source, so a failing draw can be replayed. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

test('points: a correct answer is worth 100 plus a 0–9 speed bonus; wrong or none is 0', () => {
  expect(pointsFor(true, 0, 20_000)).toBe(109);
  expect(pointsFor(true, 10_000, 20_000)).toBe(105);
  expect(pointsFor(true, 20_000, 20_000)).toBe(100);
  expect(pointsFor(true, 21_000, 20_000)).toBe(100);
  expect(pointsFor(false, 0, 20_000)).toBe(0);
});

test('more correct answers always beat fewer faster ones', () => {
  const fastest = (correct: number) => correct * pointsFor(true, 0, 20_000);
  const slowest = (correct: number) => correct * pointsFor(true, 20_000, 20_000);
  for (let correct = 1; correct <= QUESTIONS_PER_CHALLENGE; correct++) expect(slowest(correct)).toBeGreaterThan(fastest(correct - 1));
  expect(MAX_SPEED_BONUS * QUESTIONS_PER_CHALLENGE).toBeLessThan(POINTS_PER_CORRECT);
});

test('a multiple-choice answer counts only when exactly the right options are chosen', () => {
  expect(isCorrect([0, 2], [2, 0])).toBe(true);
  expect(isCorrect([0, 2], [0])).toBe(false);
  expect(isCorrect([0, 2], [0, 1, 2])).toBe(false);
  expect(isCorrect([1], [])).toBe(false);
});

test('ranks: points, then the shorter time, then who finished first', () => {
  const entries = [
    { name: 'slow', score: 500, timeMs: 90_000, finishedAt: 1 },
    { name: 'fast', score: 500, timeMs: 40_000, finishedAt: 3 },
    { name: 'best', score: 600, timeMs: 99_000, finishedAt: 4 },
    { name: 'same-later', score: 500, timeMs: 40_000, finishedAt: 5 },
  ];
  expect(entries.sort(byRank).map((e) => e.name)).toEqual(['best', 'fast', 'same-later', 'slow']);
});

const pool = checkBank(builtinBankItems()).questions.filter((q) => q.checked);

test('a draw: ten different questions of ten themes, a mix of difficulties, none seen before', () => {
  for (let seed = 1; seed <= 50; seed++) {
    // A third of the bank seen already, spread over every theme.
    const seen = new Set(pool.filter((_, index) => index % 3 === seed % 3).map((q) => q.id));
    const drawn = drawQuestions(pool, seen, 10, seeded(seed));
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(10);
    expect(new Set(drawn.map((q) => q.theme)).size).toBe(10);
    expect(drawn.some((q) => seen.has(q.id))).toBe(false);
    const difficulties = drawn.map((q) => q.difficulty);
    expect(difficulties.filter((d) => d === 1).length).toBeGreaterThanOrEqual(3);
    expect(difficulties.filter((d) => d === 3).length).toBeGreaterThanOrEqual(1);
  }
});

test('a visitor who has seen nearly everything still gets a full challenge, fresh questions first', () => {
  const seen = new Set(pool.slice(5).map((q) => q.id));
  const drawn = drawQuestions(pool, seen, 10, seeded(7));
  expect(drawn).toHaveLength(10);
  expect(drawn.filter((q) => !seen.has(q.id))).toHaveLength(5);
});
