import type { AwardAction, AwardCategoryInput, AwardsState, AwardWinner } from '../../shared/awards.ts';
import { AWARD_LIMITS, CHAMPIONS_TITLE } from '../../shared/awards.ts';
import { characterCount, cleanName } from '../../shared/visitor-text.ts';

/**
 * The ceremony as plain data. Its steps, in order: each category's title card, then each of its
 * winners one by one, and at the end the summary. Step -1 is "not started". What a step shows
 * is everything up to it and nothing after: the view of step n never holds a later winner.
 */
export type CeremonyStep = { kind: 'category'; category: number } | { kind: 'winner'; category: number; winner: number } | { kind: 'summary' };

export function ceremonySteps(categories: readonly { winners: readonly unknown[] }[]): CeremonyStep[] {
  if (categories.length === 0) return [];
  const steps: CeremonyStep[] = [];
  categories.forEach((category, index) => {
    steps.push({ kind: 'category', category: index });
    category.winners.forEach((_winner, winner) => steps.push({ kind: 'winner', category: index, winner }));
  });
  steps.push({ kind: 'summary' });
  return steps;
}

export type CeremonyMove = { ok: true; step: number } | { ok: false; why: string };

/** The MC's buttons: next, back, straight to the summary, and back to the start. */
export function moveCeremony(at: number, totalSteps: number, action: AwardAction): CeremonyMove {
  const last = totalSteps - 1;
  switch (action) {
    case 'next':
      if (totalSteps === 0) return { ok: false, why: 'there are no award categories yet' };
      return at < last ? { ok: true, step: at + 1 } : { ok: false, why: 'the summary is on: there is nothing after it' };
    case 'back':
      return at > -1 ? { ok: true, step: at - 1 } : { ok: false, why: 'the ceremony has not started' };
    case 'summary':
      if (totalSteps === 0) return { ok: false, why: 'there are no award categories yet' };
      return at < last ? { ok: true, step: last } : { ok: false, why: 'the summary is already on' };
    case 'reset':
      return { ok: true, step: -1 };
  }
}

/** A step kept over an edit of the list: the same number, or the last one if the list got shorter. */
export const clampStep = (step: number, totalSteps: number) => Math.min(step, totalSteps - 1);

export interface Category {
  title: string;
  titleEn: string;
  winners: AwardWinner[];
}

/** What screens and consoles get at a step: only what has been revealed, and the next step without a name. */
export function ceremonyView(categories: readonly Category[], step: number, revision: number): AwardsState {
  const steps = ceremonySteps(categories);
  const at = step >= 0 ? steps[step] : undefined;
  const head = (index: number) => ({
    index,
    title: categories[index]!.title,
    titleEn: categories[index]!.titleEn,
    winnerCount: categories[index]!.winners.length,
  });
  const next = steps[step + 1];
  return {
    revision,
    step,
    totalSteps: steps.length,
    phase: at ? at.kind : 'idle',
    categoryCount: categories.length,
    category: at && at.kind !== 'summary' ? head(at.category) : null,
    revealed: at?.kind === 'winner' ? categories[at.category]!.winners.slice(0, at.winner + 1) : [],
    summary: at?.kind === 'summary' ? categories.map(({ title, titleEn, winners }) => ({ title, titleEn, winners })) : null,
    upcoming: !next
      ? null
      : next.kind === 'category'
        ? { kind: 'category', ...head(next.category) }
        : next.kind === 'winner'
          ? { kind: 'winner', ordinal: next.winner + 1, of: categories[next.category]!.winners.length }
          : { kind: 'summary' },
  };
}

export type ListCheck = { ok: true; categories: Category[] } | { ok: false; problems: string[] };

/**
 * Cleans an entered list (invisible characters out, spaces folded) and refuses what would look
 * wrong on stage: an empty or over-long name, a category twice, the same winner twice in a category.
 */
export function checkAwardList(input: readonly AwardCategoryInput[]): ListCheck {
  const problems: string[] = [];
  const titles = new Set<string>();
  const categories = input.map((category, index) => {
    const where = `category ${index + 1}`;
    const title = cleanName(category.title);
    if (!title || characterCount(title) > AWARD_LIMITS.title) problems.push(`${where}: the title is empty or longer than ${AWARD_LIMITS.title} characters`);
    if (titles.has(title)) problems.push(`${where}: the same title as another category`);
    titles.add(title);
    const names = new Set<string>();
    const winners = category.winners.map((winner, position) => {
      const name = cleanName(winner.name);
      const unit = cleanName(winner.unit);
      if (!name || characterCount(name) > AWARD_LIMITS.name) problems.push(`${where}, winner ${position + 1}: the name is empty or too long`);
      if (characterCount(unit) > AWARD_LIMITS.unit) problems.push(`${where}, winner ${position + 1}: the unit is too long`);
      const key = `${name}\u0000${unit}`;
      // Positions, not names, in the sentence: it is logged with the refusal.
      if (names.has(key)) problems.push(`${where}, winner ${position + 1}: listed twice`);
      names.add(key);
      return { name, unit };
    });
    return { title, titleEn: cleanName(category.titleEn), winners };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, categories };
}

/**
 * A live quiz podium (best first) as an award category for the admin's editor: the unit line
 * shows the player's team when teams were played. Null when nobody scored.
 */
export function championsCategory(podium: readonly { name: string; team: string | null }[]): AwardCategoryInput | null {
  if (podium.length === 0) return null;
  return {
    title: CHAMPIONS_TITLE.zh,
    titleEn: CHAMPIONS_TITLE.en,
    winners: podium.map((player) => ({ name: player.name.slice(0, AWARD_LIMITS.name), unit: (player.team ?? '').slice(0, AWARD_LIMITS.unit) })),
  };
}
