import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { encodeGbk } from '../support/gbk.ts';
import { liaisonCsv, liaisonPeople, liaisonWorkbook } from '../support/liaison-files.ts';
import { api, pairDevice } from '../support/staff.ts';
import type { AccountView } from '../../shared/identity.ts';
import { openConsole, openPage, shoot, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

useSpecHub();

const tempFile = (name: string, bytes: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-')), name);
  fs.writeFileSync(file, bytes);
  return file;
};

/**
 * An organiser imports the units' liaison list in the console: a file with bad rows is refused
 * with each line and why; the good list makes 24 operator accounts and their sub-venues, and a
 * one-time password sheet to download once. A liaison person signs in with their slip, must set
 * their own password first, and then sees only their unit's venue.
 */
test('the liaison list imported in the console: bad rows by line, 24 accounts, a password sheet once, the first sign-in sets a password', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const people = liaisonPeople(24);
  const page = await openConsole(browser, hub.base);
  await page.locator('[data-tab="accounts"]').click();
  const panel = page.locator('[data-liaison]');

  // GBK CSV, as Excel on a Chinese Windows saves it: one duplicate mobile number, one short one.
  const rows = people.slice(0, 4).map((person) => [person.unit, person.department, person.name, person.title, person.mobile, '', '', '', '']);
  rows[2]![4] = people[0]!.mobile;
  rows[3]![4] = '1380013';
  await panel.locator('[data-liaison-import]').setInputFiles(tempFile('联络员名单.csv', encodeGbk(liaisonCsv([], rows))));
  const report = panel.locator('[data-liaison-report]');
  await expect(report).toContainText('2 行有错误，2 行正确');
  await expect(report.locator('li.problem')).toHaveCount(2);
  await expect(report.locator('li.problem').first()).toContainText('第 4 行');
  await expect(report.locator('li.problem').first()).toContainText('与第 2 行重复');
  await shoot(page, 'console-liaison-refused');

  await panel.locator('[data-liaison-import]').setInputFiles(tempFile('联络员名单.xlsx', await liaisonWorkbook(people)));
  await expect(report).toContainText('新建 24 个账号');
  await expect(report).toContainText('新建 24 个分会场');
  await expect(page.locator('[data-account="lx024"]')).toBeVisible();
  await expect(page.locator('[data-account="lx024"]')).toContainText('待改密码');
  await shoot(page, 'console-liaison-imported');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-password-sheet]').click()]);
  const sheetFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-')), download.suggestedFilename());
  await download.saveAs(sheetFile);
  await expect(panel).toContainText('一次性密码表已下载');
  await expect(panel.locator('[data-password-sheet]')).toHaveCount(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(sheetFile);
  const slip = workbook.worksheets[0]!.getRow(4).values as string[];
  expect(slip.slice(1, 4)).toEqual(['lx003', people[2]!.name, people[2]!.unit]);

  // The liaison person of the third unit, on their own laptop.
  const liaison = await openPage(browser, `${hub.base}/display/console`, VIEWPORTS.screen);
  await liaison.locator('input[name="username"]').fill('lx003');
  await liaison.locator('input[name="password"]').fill(slip[4]!);
  await liaison.getByRole('button', { name: '登录' }).click();
  const form = liaison.locator('[data-change-password]');
  await expect(form).toBeVisible();
  await expect(liaison.locator('[data-tab]')).toHaveCount(0);
  await form.locator('input[name="current"]').fill(slip[4]!);
  await form.locator('input[name="new"]').fill('my-own-password-1');
  await form.locator('input[name="repeat"]').fill('my-own-password-2');
  await form.getByRole('button', { name: '设置新密码' }).click();
  await expect(form.getByRole('alert')).toHaveText('两次输入的新密码不一致。');
  await shoot(liaison, 'console-first-sign-in');
  await form.locator('input[name="repeat"]').fill('my-own-password-1');
  await form.getByRole('button', { name: '设置新密码' }).click();
  await expect(liaison.locator('[data-tab="stage"]')).toBeVisible();
  await liaison.locator('[data-tab="venues"]').click();
  await expect(liaison.locator('[data-venue]')).toHaveCount(1);
  await expect(liaison.locator('[data-venue]')).toContainText(`${people[2]!.unit}分会场`);

  // A kiosk of that venue goes offline: the device wall says whom to call, masked but for admins.
  const accounts = (await (await api(hub.base, admin).get('/api/accounts')).json()) as AccountView[];
  const venueId = accounts.find((account) => account.username === 'lx003')!.venueIds![0]!;
  await pairDevice(hub.base, admin, { kind: 'kiosk', venueId, name: '咨询台平板' });
  await liaison.locator('[data-tab="devices"]').click();
  const row = liaison.locator('[data-device]', { hasText: '咨询台平板' });
  await expect(row.locator('[data-contacts]')).toContainText(`${[...people[2]!.name][0]}*`);
  await expect(row.locator('[data-contacts]')).toContainText(`${people[2]!.mobile.slice(0, 3)}****${people[2]!.mobile.slice(-4)}`);
  await expect(row.locator('[data-contacts]')).not.toContainText(people[2]!.mobile);
  await shoot(liaison, 'console-devices-contact-masked');
  await page.locator('[data-tab="devices"]').click();
  await expect(page.locator('[data-device]', { hasText: '咨询台平板' }).locator('[data-contacts]')).toContainText(people[2]!.mobile);
});
