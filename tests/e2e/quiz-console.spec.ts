import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { errorsOf, openConsole, shoot } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

/** Organisers keep the question bank in the console: find, preview, retire, import with a report. */
useSpecHub({ signInAdmin: false });

const HEADER = '编号,主题,题型,难度,标签,题干,选项A,选项B,选项C,答案,解析,出处,已核对';
const line = (id: string, prompt: string, answer: string) =>
  `${id},fire,单选,1,测试,${prompt},拨打 119,拨打 110,自己扑救,${answer},发现火情立即拨打 119。,《中华人民共和国消防法》第四十四条,是`;

test('an admin finds a question, sees it as a visitor does, retires it, and imports a spreadsheet with a bad row', async ({ browser }) => {
  const console = await openConsole(browser, hub.base);
  await console.locator('[data-tab="bank"]').click();
  await expect(console.locator('[data-question]').first()).toBeVisible();
  const total = await console.locator('[data-question]').count();
  expect(total).toBeGreaterThanOrEqual(150);

  await console.locator('[data-bank-search]').fill('消火栓');
  const found = console.locator('[data-question]').first();
  const id = (await found.getAttribute('data-question'))!;
  await found.click();
  await expect(console.locator(`[data-preview="${id}"]`)).toBeVisible();
  await expect(console.locator(`[data-preview="${id}"] li.right`).first()).toBeVisible();
  await shoot(console, 'console-bank-1920x1080');

  await console.locator('[data-action="retire"]').click();
  await expect(console.locator(`[data-question="${id}"]`)).toHaveCount(0);

  // A CSV as a spreadsheet saves it: one good row, one without an answer.
  const file = path.join(os.tmpdir(), `eventday-import-${process.pid}.csv`);
  fs.writeFileSync(file, '\ufeff' + [HEADER, line('ui-001', '楼里着火先做什么？', 'A'), line('ui-002', '这题缺答案？', '')].join('\r\n'));
  await console.locator('[data-bank-import]').setInputFiles(file);
  const report = console.locator('[data-import-report]');
  await expect(report).toContainText('未导入任何题目');
  await expect(report).toContainText('第 3 行');
  await expect(report).toContainText('缺少正确答案');
  await shoot(console, 'console-bank-import-report-1920x1080');
  await console.locator('[data-take-good]').check();
  await console.locator('[data-bank-import]').setInputFiles(file);
  await expect(report).toContainText('已导入 1 题');
  await console.locator('[data-bank-search]').fill('ui-00');
  await expect(console.locator('[data-question]')).toHaveCount(1);
  // The refused import is a 400 the browser notes; nothing else may be printed.
  expect(errorsOf(console).filter((error) => !error.includes('status of 400'))).toEqual([]);
  await console.context().close();
});
