import type { BankQuestion } from './quiz.ts';

/** How a challenge's ten questions spread over difficulty: mostly easy and medium, a few hard. */
const DIFFICULTY_PLAN = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3] as const;

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Draws a challenge: each question from a different theme while themes last, difficulties as
 * planned where the bank allows, none the visitor has seen today. Pure: the pool, what was
 * seen and the random source come in.
 */
export function drawQuestions(pool: readonly BankQuestion[], seen: ReadonlySet<string>, count: number, random: () => number): BankQuestion[] {
  // Fresh questions first; a visitor who has seen nearly everything today still gets a full challenge, repeats last.
  const tiers = [
    shuffled(
      pool.filter((q) => !seen.has(q.id)),
      random,
    ),
    shuffled(
      pool.filter((q) => seen.has(q.id)),
      random,
    ),
  ];
  const themeCount = new Set(pool.map((question) => question.theme)).size;
  const plan = shuffled(
    Array.from({ length: count }, (_, index) => DIFFICULTY_PLAN[index % DIFFICULTY_PLAN.length]!),
    random,
  );
  const chosen: BankQuestion[] = [];
  const taken = new Set<string>();
  const usedThemes = new Set<string>();
  for (const difficulty of plan) {
    const open = (question: BankQuestion) => !taken.has(question.id);
    const freshTheme = (question: BankQuestion) => !usedThemes.has(question.theme);
    let pick: BankQuestion | undefined;
    for (const tier of tiers) {
      pick = tier.find((q) => open(q) && freshTheme(q) && q.difficulty === difficulty) ?? tier.find((q) => open(q) && freshTheme(q)) ?? tier.find(open);
      if (pick) break;
    }
    if (!pick) break;
    chosen.push(pick);
    taken.add(pick.id);
    usedThemes.add(pick.theme);
    if (usedThemes.size >= themeCount) usedThemes.clear();
  }
  return chosen;
}
