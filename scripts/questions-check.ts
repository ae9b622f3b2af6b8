import path from 'node:path';
import fs from 'node:fs';
import { checkBank, describeProblem, type BankItem } from '../server/quiz/bank-check.ts';
import { readBankFile } from '../server/quiz/bank-files.ts';
import { bankImageExists, builtinBankItems } from '../server/quiz/builtin-bank.ts';
import { QUIZ_THEMES } from '../shared/quiz.ts';

/**
 * npm run questions:check [FILE] [--json]: checks the built-in bank, or a file (XLSX, CSV, JSON)
 * an organiser is about to import, and prints a report: counts per theme and type, every
 * problem with its place. Exits 1 when there is a problem.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const file = args.find((arg) => !arg.startsWith('--'));

let items: BankItem[];
if (file) {
  const read = await readBankFile(fs.readFileSync(file), path.basename(file));
  if (!read.ok) {
    console.error(`${file}: ${read.code} ${read.detail}`);
    process.exit(1);
  }
  items = read.items;
} else {
  items = builtinBankItems();
}

const report = checkBank(items, { imageExists: bankImageExists });
const themesCovered = QUIZ_THEMES.filter((theme) => report.perTheme[theme] > 0).length;
const unsourced = report.questions.filter((question) => question.source.trim().length < 4).length;

if (json) {
  console.log(
    JSON.stringify({ questions: report.questions.length, themes: themesCovered, errors: report.problems.length, unsourced, unchecked: report.unchecked }),
  );
} else {
  console.log(
    `${file ?? 'built-in bank'}: ${report.questions.length} questions, ${report.problems.length} problems, ${report.unchecked} not checked against a source (kept out of play)\n`,
  );
  console.log('theme       questions');
  for (const theme of QUIZ_THEMES) console.log(`${theme.padEnd(12)}${String(report.perTheme[theme]).padStart(9)}`);
  console.log('\ntype        questions');
  for (const [type, count] of Object.entries(report.perType)) console.log(`${type.padEnd(12)}${String(count).padStart(9)}`);
  if (report.problems.length > 0) {
    console.log('\nproblems:');
    for (const problem of report.problems) console.log(`  ${describeProblem(problem)}`);
  }
}
process.exit(report.problems.length > 0 ? 1 : 0);
