import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { samplePng } from '../support/media-samples.ts';
import { api } from '../support/staff.ts';
import { takeOverRest } from '../support/rest.ts';
import { openConsole, openPage, openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

useSpecHub();

const HALL = { venueId: 'songzhuang', groupId: 'songzhuang-hall' };

/**
 * An organiser sets up another year's festival in the console alone; kiosks, phones and screens
 * already open change with it, without a reload, and nothing of the demo stays on them.
 */
test('the event set up in the console reaches an open kiosk, a phone and a screen live', async ({ browser }) => {
  const kiosk = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.portrait);
  await expect(kiosk.locator('.hero')).toContainText('生命通道');
  await takeOverRest(hub.base, HALL.groupId, { kind: 'clock' }, admin);
  const screen = await openPairedScreen(browser, hub.base, admin, HALL, VIEWPORTS.screen);
  await expect(screen.locator('[data-scene-kind="clock"]')).toContainText('第十九届');

  const console_ = await openConsole(browser, hub.base);
  await console_.locator('[data-tab="event"]').click();
  const form = console_.getByTestId('event-form');
  await expect(form.locator('input[name="name"]')).toHaveValue('通州区安全宣传咨询日');
  await form.locator('input[name="edition"]').fill('第二十届安全文化节');
  await form.locator('input[name="name"]').fill('安全宣传咨询日');
  await form.locator('input[name="theme"]').fill('安全第一、预防为主——综合治理');
  await form.locator('input[name="organiser"]').fill('某区安全生产委员会办公室');
  await form.locator('input[name="day"]').fill('2027-06-13');
  // Keep 119 and 120, and add the city's hotline.
  while ((await form.locator('[data-hotline]').count()) > 2) await form.locator('[data-hotline]').last().getByRole('button', { name: '删除' }).click();
  await form.getByRole('button', { name: '添加热线' }).click();
  const added = form.locator('[data-hotline]').last();
  await added.locator('input[name="hotline-number"]').fill('12345');
  await added.locator('input[name="hotline-label"]').fill('市民热线');
  await expect(console_.getByTestId('event-preview')).toContainText('综合治理');
  await form.getByRole('button', { name: '保存活动信息' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存，所有设备已更新。');

  // A logo, picked as a file: checked by its content on the hub, shown at once.
  const logoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logo-')), 'logo.png');
  fs.writeFileSync(logoFile, samplePng(96, 96, [200, 30, 30]));
  await console_.locator('input[type="file"][accept^="image"]').setInputFiles(logoFile);
  await expect(console_.locator('.logo-box img')).toBeVisible();
  await shoot(console_, 'console-event-setup');

  // The kiosk that was open all along.
  await expect(kiosk.getByTestId('event-theme')).toContainText('预防为主');
  await expect(kiosk.getByTestId('event-edition')).toHaveText('第二十届安全文化节');
  await expect(kiosk.getByTestId('event-day')).toContainText('6月13日');
  await expect(kiosk.getByTestId('hotline')).toHaveText(['119火警', '120急救', '12345市民热线']);
  await expect(kiosk.locator('img.logo')).toBeVisible();
  await shoot(kiosk, 'kiosk-home-new-event-portrait');

  // A phone opened now, and the screen that was showing the clock.
  const phone = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.phone);
  await expect(phone.locator('.hero')).toContainText('综合治理');
  await expect(phone.getByTestId('hotline')).toHaveCount(3);
  await shoot(phone, 'kiosk-home-new-event-phone');
  // The privacy notice names the new organiser as who handles the visitor's personal information.
  await phone.goto(`${hub.base}/kiosk/register`);
  await expect(phone.locator('.notice')).toContainText('某区安全生产委员会办公室');
  await expect(screen.locator('[data-scene-kind="clock"]')).toContainText('第二十届安全文化节 · 安全宣传咨询日');
  await shoot(screen, 'screen-clock-new-event');
  for (const page of [kiosk, phone, screen]) {
    const text = await page.locator('body').innerText();
    for (const demo of ['第十九届', '人人讲安全', '通州区安全宣传咨询日']) expect(text, `${page.url()} still shows ${demo}`).not.toContain(demo);
  }
  for (const page of [kiosk, phone, screen, console_]) await page.context().close();
});

/**
 * The day before and the year after, from the console alone: the rehearsal's visitors are cleared
 * (each button pressed twice), then a new, empty event replaces this one on a kiosk left open.
 */
test('the console clears the rehearsal’s visitors, then starts a new, empty event that an open kiosk shows', async ({ browser }) => {
  for (const nickname of ['彩排访客甲', '彩排访客乙']) {
    expect((await api(hub.base).post('/api/visitors', { nickname, privacyConsent: false })).ok).toBe(true);
  }
  const kiosk = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.portrait);
  const console_ = await openConsole(browser, hub.base);
  await console_.locator('[data-tab="event"]').click();
  const panel = console_.getByTestId('event-reset');

  const rehearsal = panel.locator('[data-action="rehearsal-reset"]');
  await rehearsal.click();
  await expect(rehearsal).toHaveText('再按一次：删除全部访客数据');
  await rehearsal.click();
  await expect(panel.getByRole('status')).toContainText('已删除：报名 2 人');
  await shoot(console_, 'console-event-rehearsal-reset');

  const fresh = panel.locator('[data-action="new-event"]');
  await fresh.click();
  await fresh.click();
  await expect(panel.getByRole('status')).toContainText('已删除：报名 0 人');
  // The console itself follows: its form shows the blank event, its venues tab the one main venue.
  await expect(console_.getByTestId('event-form').locator('input[name="name"]')).toHaveValue('新活动');
  await console_.locator('[data-tab="venues"]').click();
  await expect(console_.locator('[data-venue]')).toHaveCount(1);
  await expect(console_.locator('[data-venue]')).toContainText('主会场');
  // The kiosk open all along reconnects and shows the new event: nothing of the demo is left on it.
  await expect(kiosk.getByTestId('event-edition')).toHaveText('新活动');
  await expect(kiosk.locator('body')).not.toContainText('生命通道');
  await shoot(kiosk, 'kiosk-home-blank-event-portrait');
  for (const page of [kiosk, console_]) await page.context().close();
});

/** The event file from the console: downloaded, a wrong file refused with its reasons listed, the right one imported. */
test('the console downloads the event file, lists why a wrong file is refused, and imports the right one', async ({ browser }) => {
  const console_ = await openConsole(browser, hub.base);
  await console_.locator('[data-tab="event"]').click();
  const panel = console_.getByTestId('event-file');
  const [download] = await Promise.all([console_.waitForEvent('download'), panel.locator('[data-event-export]').click()]);
  expect(download.suggestedFilename()).toMatch(/^eventday-\d{4}-\d{2}-\d{2}\.eventday$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'event-file-')), download.suggestedFilename());
  await download.saveAs(file);

  const wrong = `${file}.png`;
  fs.writeFileSync(wrong, samplePng(8, 8));
  await panel.locator('input[type="file"]').setInputFiles(wrong);
  const importButton = panel.locator('[data-action="event-import"]');
  await importButton.click();
  await expect(importButton).toHaveText('再按一次：替换全部设置');
  await importButton.click();
  await expect(panel.getByRole('status')).toContainText('这个活动文件不能导入');
  await expect(panel.locator('.reasons li')).toContainText(['not an eventday event file']);
  await shoot(console_, 'console-event-file-refused');

  await panel.locator('input[type="file"]').setInputFiles(file);
  await importButton.click();
  await importButton.click();
  await expect(panel.getByRole('status')).toContainText('已导入“新活动”（1 个会场）');
  await console_.context().close();
});
