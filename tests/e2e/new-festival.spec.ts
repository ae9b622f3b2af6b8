import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { liaisonPeople, liaisonWorkbook } from '../support/liaison-files.ts';
import { openConsole, openPage, putInPreview, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub();

const DEMO_NAMES = ['第十九届', '台湖', '宋庄', '潞城'];
const EDITION = '第二十届安全文化节';
const NAME = '运河区安全宣传咨询日';
const THEME = '安全发展、从我做起——守护生命通道';

/** The password slips as the admin downloads them: username → one-time password. */
async function downloadSlips(page: Page): Promise<Map<string, string>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-password-sheet]').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slips-')), download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const slips = new Map<string, string>();
  workbook.worksheets[0]!.eachRow((row, line) => {
    const values = row.values as string[];
    if (line > 1) slips.set(values[1]!, values[4]!);
  });
  return slips;
}

async function expectNoDemo(page: Page) {
  const text = await page.locator('body').innerText();
  for (const name of DEMO_NAMES) expect(text, `${page.url()} still shows ${name}`).not.toContain(name);
}

/**
 * Another year's festival, set up through the console alone: the demo replaced by a new event,
 * its name, day and theme, 24 sub-venues with their operators from the units' liaison list, a
 * screen paired to a new sub-venue's group showing a scene taken there, an operator's first
 * sign-in with the slip's one-time password; kiosks, phones and screens show the new event and
 * nothing of the demo, and the console's tabs stay orderly with 25 venues.
 */
test('another year’s festival set up in the console alone: new event, 24 sub-venues and their operators from the liaison list, a screen and a take there', async ({
  browser,
}) => {
  // Many pages and 25 venues: ~40 s alone, more beside other browser tests on two cores.
  test.setTimeout(300_000);
  const people = liaisonPeople(24);
  const console_ = await openConsole(browser, hub.base);

  await console_.locator('[data-tab="event"]').click();
  const fresh = console_.getByTestId('event-reset').locator('[data-action="new-event"]');
  await fresh.click();
  await fresh.click();
  const form = console_.getByTestId('event-form');
  await expect(form.locator('input[name="name"]')).toHaveValue('新活动');
  await form.locator('input[name="edition"]').fill(EDITION);
  await form.locator('input[name="name"]').fill(NAME);
  await form.locator('input[name="theme"]').fill(THEME);
  await form.locator('input[name="organiser"]').fill('运河区安全生产委员会办公室');
  await form.locator('input[name="day"]').fill('2027-06-13');
  await form.getByRole('button', { name: '保存活动信息' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存，所有设备已更新。');

  // The units' liaison list, as the organiser received it: 24 units, none of which has a venue yet.
  await console_.locator('[data-tab="accounts"]').click();
  const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-')), '联络员名单.xlsx');
  fs.writeFileSync(listFile, await liaisonWorkbook(people));
  await console_.locator('[data-liaison-import]').setInputFiles(listFile);
  await expect(console_.locator('[data-liaison-report]')).toContainText('新建 24 个账号，更新 0 个，新建 24 个分会场');
  const slips = await downloadSlips(console_);
  expect(slips.size).toBe(24);

  await console_.locator('[data-tab="venues"]').click();
  await expect(console_.locator('[data-venue]')).toHaveCount(25);
  await shoot(console_, 'festival-console-venues-25');
  const venue = console_.locator('[data-venue]', { hasText: `${people[0]!.unit}分会场` });
  await venue.locator('.pick').click();
  const groups = console_.getByTestId('venue-groups');
  await groups.locator('input[name="group-name"]').fill('大厅屏');
  await groups.getByRole('button', { name: '添加屏幕组' }).click();
  await expect(groups.locator('[data-group]')).toHaveCount(1);
  const groupId = (await groups.locator('[data-group]').getAttribute('data-group'))!;
  const venueId = (await venue.getAttribute('data-venue'))!;

  // A new screen at the sub-venue shows its code; the console pairs it to the new group.
  const screen = await openPage(browser, `${hub.base}/display/screen/${groupId}`, VIEWPORTS.screen);
  const codeHolder = screen.locator('[data-pairing-code]');
  await expect(codeHolder).not.toHaveAttribute('data-pairing-code', '');
  await console_.locator('[data-tab="devices"]').click();
  await console_.locator('input[name="code"]').fill((await codeHolder.getAttribute('data-pairing-code'))!);
  await console_.locator('input[name="name"]').fill('应急局分会场大厅屏');
  await console_.locator('select[name="venue"]').selectOption(venueId);
  await console_.locator('select[name="group"]').selectOption(groupId);
  await console_.getByRole('button', { name: '配对', exact: true }).click();
  await expect(console_.locator('.feedback')).toContainText('已配对：应急局分会场大厅屏');

  // A scene taken there, from the stage desk.
  await console_.locator('[data-tab="stage"]').click();
  await console_.locator(`nav [data-group="${groupId}"]`).click();
  await console_.getByRole('radio', { name: '文字公告' }).check({ force: true });
  await console_.locator('input[name="title"]').fill('欢迎来到应急局分会场');
  await console_.locator('textarea[name="body"]').fill('应急救援装备展示在大厅东侧');
  await putInPreview(console_);
  await console_.locator('[data-action="take"]').click();
  await expect(screen.locator('[data-scene-kind="message"] h1')).toHaveText('欢迎来到应急局分会场');
  await shoot(screen, 'festival-screen-sub-venue');

  // The first unit's liaison person signs in with their slip, sets a password, and sees their venue alone.
  const liaison = await openPage(browser, `${hub.base}/display/console`, VIEWPORTS.screen);
  await liaison.locator('input[name="username"]').fill('lx001');
  await liaison.locator('input[name="password"]').fill(slips.get('lx001')!);
  await liaison.getByRole('button', { name: '登录' }).click();
  const change = liaison.locator('[data-change-password]');
  await change.locator('input[name="current"]').fill(slips.get('lx001')!);
  await change.locator('input[name="new"]').fill('yingji-fenhuichang-2027');
  await change.locator('input[name="repeat"]').fill('yingji-fenhuichang-2027');
  await change.getByRole('button', { name: '设置新密码' }).click();
  await liaison.locator('[data-tab="venues"]').click();
  await expect(liaison.locator('[data-venue]')).toHaveCount(1);
  await expect(liaison.locator('[data-venue]')).toContainText(`${people[0]!.unit}分会场`);
  await liaison.locator('[data-tab="stage"]').click();
  await expect(liaison.locator(`nav [data-group="${groupId}"]`)).toBeVisible();
  await expect(liaison.locator('nav [data-group]')).toHaveCount(1);
  await shoot(liaison, 'festival-console-operator');

  // Kiosk, phone and screen: the new event, nothing of the demo.
  const kiosk = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.portrait);
  const phone = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.phone);
  for (const page of [kiosk, phone]) {
    await expect(page.getByTestId('event-edition')).toHaveText(EDITION);
    await expect(page.getByTestId('event-day')).toContainText('6月13日');
    await expect(page.getByTestId('event-theme')).toContainText('从我做起');
    await expect(page.getByTestId('hotline')).toHaveCount(6);
    await expectNoDemo(page);
  }
  await shoot(kiosk, 'festival-kiosk-home-portrait');
  await shoot(phone, 'festival-kiosk-home-phone');
  await expectNoDemo(screen);

  // The console with 25 venues: emergency, devices and figures stay orderly.
  for (const tab of ['emergency', 'devices', 'figures'] as const) {
    await console_.locator(`[data-tab="${tab}"]`).click();
    // The figures follow the venues made by the import: the busiest few, then one line for the rest.
    if (tab === 'figures') await expect(console_.locator('[data-stats-rest="venues"]')).toContainText('其余 22 个会场');
    await expectNoDemo(console_);
    await shoot(console_, `festival-console-${tab}-25`);
  }
  for (const page of [console_, liaison, screen, kiosk, phone]) await page.context().close();
});
