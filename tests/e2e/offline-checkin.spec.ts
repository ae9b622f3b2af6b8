import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { RegisterReply } from '../../shared/visitors.ts';
import { startHubProcess } from '../support/hub-process.ts';
import { api, pairDevice, signIn } from '../support/staff.ts';
import { checkinResults, noteCheckinResults } from './checkin-results.ts';
import { shoot, VIEWPORTS } from './screens.ts';
import { scanByUsb } from './usb-scanner.ts';
import { hub, replaceSpecHub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

async function openKiosk(browser: Browser, name: string): Promise<Page> {
  const { token } = await pairDevice(hub.base, await signIn(hub.base), { kind: 'kiosk', venueId: 'taihu', name });
  const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
  await context.addInitScript((value) => localStorage.setItem('eventday.device.token', value), token);
  await context.addInitScript(noteCheckinResults);
  const page = await context.newPage();
  await page.goto(`${hub.base}/kiosk/checkin`);
  await page.locator('[data-checkpoint="taihu-gate"]').click();
  // The public keys are on the kiosk before the link goes.
  await page.waitForFunction(() => (localStorage.getItem('eventday.kiosk.passKeys') ?? '[]').length > 2);
  return page;
}

test('cut off from the hub, kiosks keep checking in; back online, the hub holds exactly what they let in', async ({ browser }) => {
  test.setTimeout(120_000);
  const passes: string[] = [];
  for (let i = 0; i < 21; i++) {
    passes.push(((await (await api(hub.base).post('/api/visitors', { nickname: `访客${i}`, privacyConsent: false })).json()) as RegisterReply).pass);
  }
  const [shared, ...twenty] = passes as [string, ...string[]];
  const first = await openKiosk(browser, '入口一号机');
  const second = await openKiosk(browser, '入口二号机');

  expect(await hub.stop()).toBe(0);
  await expect(first.locator('[data-offline-mode]')).toBeVisible();
  await expect(second.locator('[data-offline-mode]')).toBeVisible();

  // Each scan's result is judged from what the kiosk showed (checkin-results.ts): a result stays
  // up 1.8 s, which a loaded machine may take to poll the pending count.
  const resultsOf = async (page: Page) => (await checkinResults(page)).map((shown) => shown.result);
  for (const [index, pass] of twenty.entries()) {
    await scanByUsb(first, pass);
    await expect(first.locator('[data-pending]')).toHaveAttribute('data-pending', String(index + 1));
  }
  await expect.poll(() => resultsOf(first)).toEqual(twenty.map(() => 'welcome'));
  // The same pass again on the same kiosk, offline: amber, decided locally.
  await scanByUsb(first, twenty[0]!);
  await expect(first.locator('[data-pending]')).toHaveAttribute('data-pending', '21');
  await expect.poll(async () => (await resultsOf(first)).at(-1)).toBe('again');
  // A forged pass is red even offline: the signature is checked on the kiosk.
  await scanByUsb(first, shared.slice(0, -2) + (shared.endsWith('AA') ? 'BB' : 'AA'));
  await expect.poll(async () => (await resultsOf(first)).length).toBe(22);
  expect((await resultsOf(first)).at(-1)).toBe('invalid');
  // One pass, both kiosks, both offline: each lets the visitor in.
  await scanByUsb(first, shared);
  await expect.poll(async () => (await resultsOf(first)).length).toBe(23);
  expect((await resultsOf(first)).at(-1)).toBe('welcome');
  await scanByUsb(second, shared);
  await expect.poll(() => resultsOf(second)).toEqual(['welcome']);
  await shoot(first, 'kiosk-checkin-offline-portrait');

  replaceSpecHub(await startHubProcess({ port: hub.port, dataDir: hub.dataDir }));
  await expect(first.locator('[data-pending]')).toHaveCount(0, { timeout: 20_000 });
  await expect(second.locator('[data-pending]')).toHaveCount(0, { timeout: 20_000 });

  const db = new Database(path.join(hub.dataDir, 'eventday.db'), { readonly: true });
  try {
    const entries = db.prepare("SELECT COUNT(*) FROM entries WHERE venue_id = 'taihu'").pluck().get();
    const scans = db.prepare('SELECT COUNT(*) FROM scans').pluck().get();
    const conflicts = db.prepare('SELECT COUNT(*) FROM scans WHERE conflict = 1').pluck().get();
    // 20 passes + the shared one = 21 entries; 24 scans kept (20, one repeat, one forged, the shared one twice).
    expect({ entries, scans, conflicts }).toEqual({ entries: 21, scans: 24, conflicts: 1 });
  } finally {
    db.close();
  }
  await first.context().close();
  await second.context().close();
});
