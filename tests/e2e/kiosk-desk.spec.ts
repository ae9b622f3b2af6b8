import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { RegisterReply } from '../../shared/visitors.ts';
import { api } from '../support/staff.ts';
import { lastCheckinResult } from './checkin-results.ts';
import { errorsOf, openConsole, openPage, openPairedKiosk, shoot, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

/** Registration by touch at a kiosk, the pass carried to a phone, and check-in without a QR code. */
useSpecHub();

test('a visitor registers at a kiosk by touch alone and carries the pass to a phone', async ({ browser }) => {
  const { page: kiosk } = await openPairedKiosk(browser, hub.base, admin, 'taihu', '/kiosk/register');
  // Step 1: a generated safety nickname, picked with one tap.
  const name = kiosk.locator('[data-nickname]').first();
  await expect(name).toBeVisible();
  await shoot(kiosk, 'kiosk-touch-register-name-portrait');
  const nickname = (await name.getAttribute('data-nickname'))!;
  expect(nickname).toMatch(/^[\u4e00-\u9fff]+\d{2}$/);
  await name.tap();

  // Step 2: the number on the keypad (a wrong digit, then back), and consent to the notice.
  for (const key of '13800008') await kiosk.locator(`[data-key="${key}"]`).tap();
  await kiosk.locator('[data-key="back"]').tap();
  for (const key of '7766') await kiosk.locator(`[data-key="${key}"]`).tap();
  await expect(kiosk.locator('[data-mobile]')).toHaveAttribute('data-mobile', '13800007766');
  await expect(kiosk.locator('[data-mobile-next]')).toBeDisabled();
  await kiosk.locator('[data-consent]').tap();
  await shoot(kiosk, 'kiosk-touch-register-mobile-portrait');
  await kiosk.locator('[data-mobile-next]').tap();

  // Step 3: a child needs a guardian's agreement before the button works.
  await expect(kiosk.locator('[data-age="child"]')).toBeDisabled();
  await kiosk.locator('[data-age="adult"]').tap();

  await expect(kiosk.locator('[data-step="done"]')).toBeVisible();
  await expect(kiosk.locator('[data-pass-link] svg')).toBeVisible();
  const shortCode = (await kiosk.locator('[data-short-code]').textContent())!;
  expect(shortCode).toMatch(/^[0-9A-Z]{8}$/);
  await shoot(kiosk, 'kiosk-touch-register-done-portrait');
  const db = new Database(path.join(hub.dataDir, 'eventday.db'), { readonly: true });
  const row = db.prepare('SELECT nickname, mobile, registered_via FROM visitors WHERE short_code = ?').get(shortCode);
  db.close();
  expect(row).toEqual({ nickname, mobile: '13800007766', registered_via: 'kiosk' });
  // The kiosk keeps no pass for the next visitor.
  expect(await kiosk.evaluate(() => localStorage.getItem('eventday.visitor.pass'))).toBeNull();

  // The phone scans the kiosk's QR code: the pass page keeps the pass and drops it from the address bar.
  const link = (await kiosk.locator('[data-pass-link]').getAttribute('data-pass-link'))!;
  const phone = await openPage(browser, link, VIEWPORTS.phone);
  await expect(phone.locator('[data-short-code]')).toHaveText(shortCode);
  expect(new URL(phone.url()).hash).toBe('');
  await phone.reload();
  await expect(phone.locator('[data-pass]')).toHaveAttribute('data-pass', /^EDP1\./);
  expect(errorsOf(kiosk)).toEqual([]);
  expect(errorsOf(phone)).toEqual([]);
  await kiosk.context().close();
  await phone.context().close();
});

test('the console sets a kiosk’s check-in point; the kiosk checks a typed short code in; a desk finds a visitor by number', async ({ browser }) => {
  const typed = (await (await api(hub.base).post('/api/visitors', { nickname: '短码访客', privacyConsent: false })).json()) as RegisterReply;
  await api(hub.base).post('/api/visitors', { nickname: '服务台访客', mobile: '13912345566', privacyConsent: true });

  const { page: kiosk, deviceId } = await openPairedKiosk(browser, hub.base, admin, 'taihu', '/kiosk/checkin');
  await expect(kiosk.locator('[data-checkpoint="taihu-gate"]')).toBeVisible();

  // The console assigns the kiosk to the law-consultation desk; the kiosk follows without a touch.
  const console = await openConsole(browser, hub.base);
  await console.locator('[data-tab="devices"]').click();
  await console.locator(`[data-device="${deviceId}"] [data-checkpoint-select]`).selectOption('taihu-law');
  await expect(kiosk.locator('.at')).toContainText('普法咨询');

  // The short code, typed on the kiosk's keypad.
  await kiosk.locator('[data-type-code]').tap();
  for (const key of typed.shortCode) await kiosk.locator(`[data-short-code-entry] [data-key="${key}"]`).tap();
  await shoot(kiosk, 'kiosk-short-code-portrait');
  await kiosk.locator('[data-submit-code]').tap();
  await expect.poll(() => lastCheckinResult(kiosk)).toMatchObject({ result: 'welcome', text: expect.stringContaining('短码访客') });

  // The desk: last four digits, masked results, check in at the gate; a second press is amber.
  await console.locator('[data-tab="desk"]').click();
  await console.locator('[data-desk-checkpoint]').selectOption('taihu-gate');
  await console.locator('[data-desk-search]').fill('5566');
  await console.locator('[data-desk-search]').press('Enter');
  const match = console.locator('[data-match]');
  await expect(match).toHaveCount(1);
  await expect(match).toContainText('139****5566');
  await match.locator('[data-action="desk-checkin"]').click();
  await expect(console.locator('[data-desk-result]')).toHaveAttribute('data-desk-result', 'welcome');
  await match.locator('[data-action="desk-checkin"]').click();
  await expect(console.locator('[data-desk-result]')).toHaveAttribute('data-desk-result', 'again');
  await shoot(console, 'console-desk-1920x1080');

  // The figures tab shows the day's counts live: one entry (the kiosk's scan stamped a station, not the gate).
  await console.locator('[data-tab="figures"]').click();
  await expect(console.locator('[data-stat="checked-in"]')).toHaveText('1');
  await expect(console.locator('[data-export="checkins.xlsx"]')).toBeVisible();
  await shoot(console, 'console-figures-1920x1080');
  expect(errorsOf(console)).toEqual([]);
  await kiosk.context().close();
  await console.context().close();
});
