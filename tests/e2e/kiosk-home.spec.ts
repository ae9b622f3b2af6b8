import { expect, test } from '@playwright/test';
import { cjkFontInstalled, openPage, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

for (const [name, viewport] of [
  ['portrait-1080x1920', VIEWPORTS.portrait],
  ['phone-390x844', VIEWPORTS.phone],
] as const) {
  test(`kiosk home on a ${name} shows the theme, four large entries and its connection`, async ({ browser }) => {
    const page = await openPage(browser, `${hub.base}/kiosk/`, viewport);
    await expect(page.locator('[data-connection="online"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('人人讲安全');
    await expect(page.getByText('畅通生命通道')).toBeVisible();
    expect(await cjkFontInstalled(page)).toBe(true);
    const entries = page.locator('[data-entry]');
    await expect(entries).toHaveCount(4);
    // Touch targets for children and the elderly: far above the 44 px minimum, all on screen.
    for (const box of await entries.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
      expect(box.height).toBeGreaterThanOrEqual(viewport.width > 500 ? 300 : 120);
      expect(box.bottom).toBeLessThanOrEqual(viewport.height);
    }
    await shoot(page, `kiosk-home-${name}`);
    await page.context().close();
  });
}

test('a tap on an entry opens it or answers plainly, and the English switch changes every label', async ({ browser }) => {
  const page = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.portrait);
  // The live stage quiz is open: the entry goes to its join page.
  await page.locator('[data-entry="live"]').click();
  await expect(page).toHaveURL(/\/kiosk\/live$/);
  await expect(page.locator('[data-live-screen="join"]')).toBeVisible();
  await page.goBack();
  // Check-in is not open to visitors yet: a tap says so plainly.
  await page.locator('[data-entry="checkin"]').click();
  await expect(page.getByRole('dialog')).toContainText('入场签到');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('[data-entry="register"]')).toContainText('Get a pass');
  await shoot(page, 'kiosk-home-portrait-english');
  await page.reload();
  await expect(page.locator('[data-entry="register"]')).toContainText('Get a pass');
  await page.context().close();
});
