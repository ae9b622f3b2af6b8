import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import type { RegisterReply } from '../../shared/visitors.ts';
import { writeQrY4m } from '../support/fake-camera.ts';
import { api, pairDevice, signIn } from '../support/staff.ts';
import { takeOverRest } from '../support/rest.ts';
import { checkinResults, lastCheckinResult, noteCheckinResults } from './checkin-results.ts';
import { scanByUsb } from './usb-scanner.ts';
import { errorsOf, openPairedScreen, shoot, VIEWPORTS, withFakeCamera } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });
let browser: Browser;
let visitor: RegisterReply;

// The camera films the pass of a visitor registered on this hub, so the browser starts after it.
test.beforeAll(async () => {
  visitor = (await (await api(hub.base).post('/api/visitors', { nickname: '安全小达人', privacyConsent: false })).json()) as RegisterReply;
  const video = path.join(os.tmpdir(), `eventday-checkin-${process.pid}.y4m`);
  writeQrY4m(visitor.pass, video);
  browser = await chromium.launch(withFakeCamera(video));
});
test.afterAll(async () => {
  await browser?.close();
});

test('a paired kiosk checks a pass in through its camera: green once, amber for the same pass again; the stats screen counts it once', async () => {
  const admin = await signIn(hub.base);
  // A lobby screen shows the live figures.
  const screen = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'lobby' }, VIEWPORTS.screen);
  await takeOverRest(hub.base, 'lobby', { kind: 'stats' }, admin);
  const checkedIn = screen.locator('[data-stat="checked-in"]');
  await expect(checkedIn).toHaveText('0');
  await expect(screen.locator('[data-stat="registered"]')).toHaveText('1');

  const { token } = await pairDevice(hub.base, admin, { kind: 'kiosk', venueId: 'taihu', name: '入口一号机' });
  const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
  await context.addInitScript((value) => localStorage.setItem('eventday.device.token', value), token);
  await context.addInitScript(noteCheckinResults);
  const kiosk = await context.newPage();
  const errors: string[] = [];
  kiosk.on('pageerror', (error) => errors.push(error.message));
  await kiosk.goto(`${hub.base}/kiosk/checkin`);

  // Staff choose the checkpoint once; then the camera reads the pass.
  await kiosk.locator('[data-checkpoint="taihu-gate"]').click();
  const result = kiosk.locator('[data-result]');
  await expect
    .poll(() => lastCheckinResult(kiosk), { timeout: 15_000 })
    .toMatchObject({ result: 'welcome', text: expect.stringMatching(/欢迎参加！.*安全小达人/) });
  await shoot(kiosk, 'kiosk-checkin-welcome-portrait');
  await expect(checkedIn).toHaveText('1');
  await shoot(screen, 'screen-stats-1920x1080');
  await expect(result).toHaveCount(0, { timeout: 5_000 });

  // The same pass from a USB scanner (it types fast and ends with Enter): already in today.
  await scanByUsb(kiosk, visitor.pass);
  await expect.poll(() => lastCheckinResult(kiosk)).toMatchObject({ result: 'again', text: expect.stringContaining('您今天已签到') });
  await shoot(kiosk, 'kiosk-checkin-again-portrait');
  // Counted once: give a second update the time it would need to arrive, then look again.
  await kiosk.waitForTimeout(1200);
  await expect(checkedIn).toHaveText('1');

  // A forged pass is red, with the reason in words.
  await expect(result).toHaveCount(0, { timeout: 5_000 });
  await scanByUsb(kiosk, visitor.pass.slice(0, -2) + (visitor.pass.endsWith('AA') ? 'BB' : 'AA'));
  await expect.poll(() => lastCheckinResult(kiosk)).toMatchObject({ result: 'invalid', text: expect.stringContaining('签名不符') });
  // Three scans, three results: the camera, which still films the pass, reported it only once.
  expect((await checkinResults(kiosk)).map((shown) => shown.result)).toEqual(['welcome', 'again', 'invalid']);
  expect(errors).toEqual([]);
  expect(errorsOf(kiosk)).toEqual([]);
  expect(errorsOf(screen)).toEqual([]);
  await context.close();
  await screen.context().close();
});
