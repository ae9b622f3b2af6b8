import type { Db } from '../store/database.ts';
import type { BankQuestion } from '../../shared/quiz.ts';

/** The question bank in the store: the built-in questions, then what admins edit and import. */
export function createQuestionStore(db: Db, now = Date.now) {
  const statements = {
    upsertBuiltin: db.prepare(
      `INSERT INTO questions (id, theme, type, difficulty, body_json, checked, retired, updated_at)
       VALUES (@id, @theme, @type, @difficulty, @body, @checked, @retired, @at)
       ON CONFLICT(id) DO UPDATE SET theme = @theme, type = @type, difficulty = @difficulty, body_json = @body, checked = @checked, updated_at = @at
       WHERE edited_at IS NULL`,
    ),
    save: db.prepare(
      `INSERT INTO questions (id, theme, type, difficulty, body_json, checked, retired, edited_at, updated_at)
       VALUES (@id, @theme, @type, @difficulty, @body, @checked, @retired, @at, @at)
       ON CONFLICT(id) DO UPDATE SET theme = @theme, type = @type, difficulty = @difficulty, body_json = @body, checked = @checked,
         retired = @retired, edited_at = @at, updated_at = @at`,
    ),
    all: db.prepare('SELECT body_json, retired FROM questions ORDER BY id'),
    playable: db.prepare('SELECT body_json FROM questions WHERE checked = 1 AND retired = 0'),
    one: db.prepare('SELECT body_json, retired FROM questions WHERE id = ?'),
  };
  const row = (question: BankQuestion) => {
    const { retired, ...body } = question;
    return {
      id: question.id,
      theme: question.theme,
      type: question.type,
      difficulty: question.difficulty,
      body: JSON.stringify(body),
      checked: Number(question.checked),
      retired: Number(Boolean(retired)),
      at: now(),
    };
  };
  const parse = (found: { body_json: string; retired?: number }): BankQuestion => ({
    ...(JSON.parse(found.body_json) as BankQuestion),
    ...(found.retired ? { retired: true } : {}),
  });
  let playableCache: BankQuestion[] | null = null;

  return {
    /** On every start: the repository's questions come in, and updates to them, unless an admin edited one. */
    seedBuiltin(questions: BankQuestion[]) {
      db.transaction(() => questions.forEach((question) => statements.upsertBuiltin.run(row(question))))();
      playableCache = null;
    },
    /** An admin's edit or import: kept from then on, whatever the repository says. */
    save(questions: BankQuestion[]) {
      db.transaction(() => questions.forEach((question) => statements.save.run(row(question))))();
      playableCache = null;
    },
    all: (): BankQuestion[] => (statements.all.all() as { body_json: string; retired: number }[]).map(parse),
    find(id: string): BankQuestion | undefined {
      const found = statements.one.get(id) as { body_json: string; retired: number } | undefined;
      return found && parse(found);
    },
    /** Checked and not retired: what challenges draw from. Cached until the bank changes. */
    playable(): BankQuestion[] {
      playableCache ??= (statements.playable.all() as { body_json: string }[]).map(parse);
      return playableCache;
    },
  };
}

export type QuestionStore = ReturnType<typeof createQuestionStore>;
