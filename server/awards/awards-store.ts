import type { Db } from '../store/database.ts';
import type { Category } from './awards-rules.ts';

/** The award list and the ceremony's one row (step and revision), prepared once. */
export function createAwardsStore(db: Db) {
  const s = {
    categories: db.prepare('SELECT id, title, title_en FROM award_categories ORDER BY position'),
    winners: db.prepare('SELECT category_id, name, unit FROM award_winners ORDER BY category_id, position'),
    clearWinners: db.prepare('DELETE FROM award_winners'),
    clearCategories: db.prepare('DELETE FROM award_categories'),
    insertCategory: db.prepare('INSERT INTO award_categories (id, position, title, title_en) VALUES (?, ?, ?, ?)'),
    insertWinner: db.prepare('INSERT INTO award_winners (category_id, position, name, unit) VALUES (?, ?, ?, ?)'),
    ceremony: db.prepare('SELECT step, revision FROM award_ceremony WHERE id = 1'),
    move: db.prepare('UPDATE award_ceremony SET step = ?, revision = revision + 1, updated_at = ? WHERE id = 1'),
  };
  return {
    categories(): (Category & { id: string })[] {
      const byCategory = new Map<string, { name: string; unit: string }[]>();
      for (const row of s.winners.all() as { category_id: string; name: string; unit: string }[]) {
        const list = byCategory.get(row.category_id) ?? [];
        list.push({ name: row.name, unit: row.unit });
        byCategory.set(row.category_id, list);
      }
      return (s.categories.all() as { id: string; title: string; title_en: string }[]).map((row) => ({
        id: row.id,
        title: row.title,
        titleEn: row.title_en,
        winners: byCategory.get(row.id) ?? [],
      }));
    },
    /** Replaces the whole list (call inside a transaction). */
    replace(categories: readonly Category[]) {
      s.clearWinners.run();
      s.clearCategories.run();
      categories.forEach((category, position) => {
        const id = `c${position + 1}`;
        s.insertCategory.run(id, position, category.title, category.titleEn);
        category.winners.forEach((winner, index) => s.insertWinner.run(id, index, winner.name, winner.unit));
      });
    },
    ceremony: () => s.ceremony.get() as { step: number; revision: number },
    move: (step: number, at: number) => s.move.run(step, at),
  };
}
