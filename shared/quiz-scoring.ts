/**
 * How the kiosk challenge scores, on the hub (the kiosk only shows it).
 *
 *   a correct answer:  100 points + a speed bonus of 0–9 = round(9 × time left / time limit)
 *   a wrong answer, or none:  0
 *
 * Ten questions can earn at most 90 bonus points, less than one correct answer, so more correct
 * answers always beat fewer faster ones: the public is of every age. Ties on points go to the
 * shorter total time. A multiple-choice question counts only when every right option and no
 * wrong one is chosen.
 */
export const QUESTIONS_PER_CHALLENGE = 10;
export const POINTS_PER_CORRECT = 100;
export const MAX_SPEED_BONUS = 9;
/** Network delay forgiven after the deadline: a kiosk's answer sent in time arrives in time. */
export const ANSWER_GRACE_MS = 1500;

/** Longer for multiple choice (every option must be read and weighed). */
export function timeLimitMs(type: 'single' | 'multiple' | 'truefalse'): number {
  return type === 'multiple' ? 30_000 : type === 'truefalse' ? 15_000 : 20_000;
}

export function isCorrect(answer: readonly number[], choice: readonly number[]): boolean {
  return choice.length === answer.length && answer.every((index) => choice.includes(index));
}

export function pointsFor(correct: boolean, elapsedMs: number, limitMs: number): number {
  if (!correct) return 0;
  const left = Math.min(1, Math.max(0, (limitMs - elapsedMs) / limitMs));
  return POINTS_PER_CORRECT + Math.round(MAX_SPEED_BONUS * left);
}

export interface Ranked {
  score: number;
  timeMs: number;
  finishedAt: number;
}

/** Higher score first; on equal points the faster total time; then who finished first. */
export const byRank = (a: Ranked, b: Ranked) => b.score - a.score || a.timeMs - b.timeMs || a.finishedAt - b.finishedAt;
