import { expect, test } from 'vitest';
import { checkBank, describeProblem } from '../../server/quiz/bank-check.ts';
import { bankImageExists, builtinBankItems } from '../../server/quiz/builtin-bank.ts';
import { QUIZ_THEMES, type BankQuestion } from '../../shared/quiz.ts';

const items = builtinBankItems();
const report = checkBank(items, { imageExists: bankImageExists });

test('the built-in bank: every question valid, answered among its options, explained and sourced; no duplicates; every theme covered', () => {
  console.log(`question bank: ${report.questions.length} questions, ${report.unchecked} unchecked, per theme ${JSON.stringify(report.perTheme)}`);
  expect(report.problems.map((problem) => describeProblem(problem))).toEqual([]);
  expect(report.questions.length).toBe(items.length);
  expect(report.questions.length).toBeGreaterThanOrEqual(150);
  for (const question of report.questions) {
    expect(
      question.answer.every((index) => index < question.options.length),
      question.id,
    ).toBe(true);
    expect(question.explanation.zh.length, question.id).toBeGreaterThan(10);
    expect(question.source.length, question.id).toBeGreaterThan(4);
  }
  for (const theme of QUIZ_THEMES) expect(report.perTheme[theme], theme).toBeGreaterThanOrEqual(10);
  const ids = report.questions.map((q) => q.id);
  expect(new Set(ids).size).toBe(ids.length);
  // Every picture question's sign is in the repository, and every type is used.
  expect(report.questions.filter((q) => q.image).length).toBeGreaterThanOrEqual(14);
  expect(Object.keys(report.perType).sort()).toEqual(['multiple', 'single', 'truefalse']);
});

const good: BankQuestion = {
  id: 'test-001',
  theme: 'fire',
  type: 'single',
  difficulty: 1,
  tags: ['测试'],
  prompt: { zh: '火警电话是多少？', en: 'What is the fire emergency number?' },
  options: [
    { zh: '110', en: '110' },
    { zh: '119', en: '119' },
    { zh: '120', en: '120' },
  ],
  answer: [1],
  explanation: { zh: '火警电话是 119，报警时讲清地址。', en: 'Call 119 and give the address.' },
  source: '《中华人民共和国消防法》第四十四条',
  checked: true,
};

test.each([
  ['no answer', { ...good, answer: [] }, 'NO_ANSWER'],
  ['an answer not among the options', { ...good, answer: [3] }, 'ANSWER_NOT_AMONG_OPTIONS'],
  ['two answers to a single-choice question', { ...good, answer: [0, 1] }, 'ANSWER_COUNT'],
  ['one answer to a multiple-choice question', { ...good, type: 'multiple', answer: [1] }, 'ANSWER_COUNT'],
  ['true/false with other options', { ...good, type: 'truefalse', options: good.options.slice(0, 2) }, 'TRUEFALSE_OPTIONS'],
  ['a missing source', { ...good, source: '' }, 'BAD_FIELD'],
  ['an unknown theme', { ...good, theme: 'weather' }, 'BAD_FIELD'],
  ['a picture that does not exist', { ...good, image: 'no-such-sign.svg' }, 'MISSING_IMAGE'],
  ['the same option twice', { ...good, options: [good.options[0], good.options[0], good.options[1]] }, 'DUPLICATE_OPTION'],
])('a question with %s is reported with its place', (_name, value, code) => {
  const checked = checkBank([{ at: '第 7 行 / line 7', value }], { imageExists: bankImageExists });
  expect(checked.questions).toEqual([]);
  expect(checked.problems).toMatchObject([{ at: '第 7 行 / line 7', code }]);
  expect(describeProblem(checked.problems[0]!)).toMatch(/^第 7 行/);
});

test('duplicates are reported, by id and by prompt (spacing and punctuation aside)', () => {
  const checked = checkBank([
    { at: 'a', value: good },
    { at: 'b', value: { ...good, prompt: { zh: '火警电话是多少', en: '' }, id: 'test-002' } },
    { at: 'c', value: { ...good, prompt: { zh: '另一道题？', en: '' } } },
  ]);
  expect(checked.questions.map((q) => q.id)).toEqual(['test-001']);
  expect(checked.problems.map((p) => [p.at, p.code])).toEqual([
    ['b', 'DUPLICATE_PROMPT'],
    ['c', 'DUPLICATE_ID'],
  ]);
});
