/**
 * How the live quiz scores, on the hub.
 *
 *   a correct answer:  P + round(B × time left / time limit), where P is the session's points
 *                      (1000 or 2000) and B = floor((P − 1) / number of questions)
 *   a wrong answer, or none:  0
 *
 * B is chosen so that all the speed bonuses a player can collect in the session add up to less
 * than one correct answer: more correct answers always win, speed only orders equals. Ties (the
 * same score) share a place. Time is measured on the hub from the moment the question opened;
 * an answer is taken up to LIVE_GRACE_MS after the deadline, for the network, and scored as if
 * it came at the deadline.
 */
export const LIVE_GRACE_MS = 500;

function maxSpeedBonus(points: number, questions: number): number {
  return Math.floor((points - 1) / Math.max(1, questions));
}

export function livePoints(correct: boolean, elapsedMs: number, limitMs: number, points: number, questions: number): number {
  if (!correct) return 0;
  const left = Math.min(1, Math.max(0, (limitMs - elapsedMs) / limitMs));
  return points + Math.round(maxSpeedBonus(points, questions) * left);
}

/** Competition ranking: equal scores share a place, the next place skips (1, 1, 3). */
export function rankByScore<T extends { score: number }>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score);
  // One pass: an entry equal to the one before shares its rank (thousands of players tie at 0).
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || sorted[index - 1]!.score !== entry.score) rank = index + 1;
    return { ...entry, rank };
  });
}
