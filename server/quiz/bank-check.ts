import { TypeCompiler } from '@sinclair/typebox/compiler';
import { BankQuestion, QUIZ_THEMES, type QuizTheme } from '../../shared/quiz.ts';

/**
 * Checks a question bank: the built-in one, or a file an organiser is about to import. Pure:
 * items come in with the place each was read from (a file and index, a spreadsheet line), and
 * every problem goes out with that place and a sentence an organiser understands.
 */
export interface BankItem {
  /** Where the item was read: "fire.json #3", "第 12 行 / line 12". */
  at: string;
  value: unknown;
}

const BANK_PROBLEMS = {
  BAD_FIELD: { zh: '字段缺失或格式不对', en: 'a field is missing or malformed' },
  NO_ANSWER: { zh: '缺少正确答案', en: 'the answer is missing' },
  ANSWER_NOT_AMONG_OPTIONS: { zh: '正确答案不在选项之中', en: 'the answer is not among the options' },
  ANSWER_COUNT: {
    zh: '答案个数与题型不符（单选、判断只能一个答案，多选至少两个）',
    en: 'the number of answers does not fit the type (one for single and true/false, two or more for multiple)',
  },
  TRUEFALSE_OPTIONS: { zh: '判断题的选项必须是“正确”“错误”', en: 'a true/false question’s options must be 正确 and 错误' },
  DUPLICATE_OPTION: { zh: '有两个相同的选项', en: 'two options are the same' },
  DUPLICATE_ID: { zh: '题目编号重复', en: 'the id is used twice' },
  DUPLICATE_PROMPT: { zh: '与另一道题的题干重复', en: 'the same question is already in the bank' },
  MISSING_IMAGE: { zh: '图片文件不存在', en: 'the picture file does not exist' },
} as const;
type BankProblemCode = keyof typeof BANK_PROBLEMS;

export interface BankProblem {
  at: string;
  id: string | null;
  code: BankProblemCode;
  detail?: string;
}

export interface BankReport {
  /** Every item that passed, checked or not. */
  questions: BankQuestion[];
  problems: BankProblem[];
  /** Passed, but not checked against a source: kept out of play. */
  unchecked: number;
  perTheme: Record<QuizTheme, number>;
  perType: Record<string, number>;
}

const bankQuestion = TypeCompiler.Compile(BankQuestion);
const promptKey = (text: string) => text.replace(/[\s\p{P}]/gu, '').toLowerCase();

export function checkBank(items: BankItem[], options: { imageExists?: (file: string) => boolean; known?: BankQuestion[] } = {}): BankReport {
  const problems: BankProblem[] = [];
  const questions: BankQuestion[] = [];
  const ids = new Map<string, string>();
  const prompts = new Map<string, string>();
  for (const known of options.known ?? []) {
    ids.set(known.id, 'bank');
    prompts.set(promptKey(known.prompt.zh), known.id);
  }

  for (const { at, value } of items) {
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : null;
    const problem = (code: BankProblemCode, detail?: string) => problems.push({ at, id, code, ...(detail ? { detail } : {}) });
    if (!bankQuestion.Check(value)) {
      const answer = (value as { answer?: unknown })?.answer;
      if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) problem('NO_ANSWER');
      else {
        const first = bankQuestion.Errors(value).First();
        problem('BAD_FIELD', first ? `${first.path || '/'}: ${first.message}` : undefined);
      }
      continue;
    }
    const question = value;
    const before = problems.length;
    if (question.answer.some((index) => index >= question.options.length)) problem('ANSWER_NOT_AMONG_OPTIONS');
    else if (
      new Set(question.answer).size !== question.answer.length ||
      (question.type === 'multiple' ? question.answer.length < 2 : question.answer.length !== 1)
    ) {
      problem('ANSWER_COUNT');
    }
    if (question.type === 'truefalse' && (question.options.length !== 2 || question.options[0]!.zh !== '正确' || question.options[1]!.zh !== '错误'))
      problem('TRUEFALSE_OPTIONS');
    if (new Set(question.options.map((option) => promptKey(option.zh))).size !== question.options.length) problem('DUPLICATE_OPTION');
    if (question.image && options.imageExists && !options.imageExists(question.image)) problem('MISSING_IMAGE', question.image);
    if (ids.has(question.id)) problem('DUPLICATE_ID', `${question.id} (${ids.get(question.id)})`);
    const key = promptKey(question.prompt.zh);
    if (prompts.has(key)) problem('DUPLICATE_PROMPT', prompts.get(key));
    if (problems.length > before) continue;
    ids.set(question.id, at);
    prompts.set(key, question.id);
    questions.push(question);
  }

  const perTheme = Object.fromEntries(QUIZ_THEMES.map((theme) => [theme, 0])) as Record<QuizTheme, number>;
  const perType: Record<string, number> = {};
  for (const question of questions) {
    perTheme[question.theme] += 1;
    perType[question.type] = (perType[question.type] ?? 0) + 1;
  }
  return { questions, problems, unchecked: questions.filter((q) => !q.checked).length, perTheme, perType };
}

/** One line per problem, for the CLI and the console's import report. */
export function describeProblem(problem: BankProblem, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const sentence = BANK_PROBLEMS[problem.code][locale === 'en' ? 'en' : 'zh'];
  return `${problem.at}${problem.id ? ` [${problem.id}]` : ''}: ${sentence}${problem.detail ? ` (${problem.detail})` : ''}`;
}
