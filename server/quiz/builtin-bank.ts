import fs from 'node:fs';
import path from 'node:path';
import type { BankItem } from './bank-check.ts';
import { PROJECT_DIR } from '../project-dir.ts';

/** The bank written by this project: one JSON file per theme, pictures beside them. */
const BANK_DIR = path.join(PROJECT_DIR, 'server/quiz/bank');
export const BANK_IMAGES_DIR = path.join(BANK_DIR, 'images');

export const bankImageExists = (file: string) => /^[a-z0-9-]+\.svg$/.test(file) && fs.existsSync(path.join(BANK_IMAGES_DIR, file));

/** Reads every item of a bank JSON file (an array of questions), each with its place. */
function readBankJson(file: string): BankItem[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(list)) return [{ at: path.basename(file), value: list }];
  return list.map((value, index) => ({ at: `${path.basename(file)} #${index + 1}`, value }));
}

export function builtinBankItems(): BankItem[] {
  return fs
    .readdirSync(BANK_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => readBankJson(path.join(BANK_DIR, name)));
}
