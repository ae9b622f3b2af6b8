import type { BilingualText } from '../../../shared/quiz.ts';
import { i18n, t } from '../hub.svelte.ts';

/** A bank text in the visitor's language: English when chosen and written, Chinese otherwise. */
export const shown = (text: BilingualText): string => (i18n.locale === 'en' && text.en.trim() ? text.en : text.zh);

/** Option letters, the same on the question, the feedback and the results (and the live quiz). */
export { stageLetter as letter } from '../../../shared/ui/stage-options.ts';

/** A theme's label; a theme the catalog does not know yet still gets a word. */
export function themeLabel(theme: string): string {
  const key = `quiz.theme.${theme}`;
  return i18n.has(key) ? t(key) : t('quiz.theme.other');
}

/** One colour per option position, none of them the green or red of right and wrong. */
const OPTION_COLOURS = ['#2563eb', '#ea580c', '#7c3aed', '#0e7490', '#db2777', '#4f46e5'] as const;
export const optionColour = (index: number): string => OPTION_COLOURS[index % OPTION_COLOURS.length]!;
