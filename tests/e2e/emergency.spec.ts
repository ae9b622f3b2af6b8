import { expect, test, type Page } from '@playwright/test';
import { pairDevice } from '../support/staff.ts';
import { errorsOf, openConsole, openPairedKiosk, openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

/**
 * The emergency override in real Chromium: the console raises a notice for the main venue with
 * two presses; two screens and a kiosk there show it (a screen of another venue does not), a
 * reloaded screen shows it again, the console lists who shows it; two presses clear it.
 */
useSpecHub();

const overlay = (page: Page) => page.locator('[data-emergency]');

test('a console raises an emergency for one venue; its screens and kiosk show it, also after a reload, until it is cleared', async ({ browser }) => {
  const stage = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'main-stage' }, VIEWPORTS.screen);
  const lobby = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'lobby' }, VIEWPORTS.screen);
  const elsewhere = await openPairedScreen(browser, hub.base, admin, { venueId: 'lucheng', groupId: 'lucheng-hall' }, VIEWPORTS.screen);
  const { page: kiosk } = await openPairedKiosk(browser, hub.base, admin, 'taihu', '/kiosk/live');
  // A screen of the venue that is paired but switched off: the console must show it red.
  await pairDevice(hub.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'side-screens', name: '舞台侧屏（右）' });
  await expect(stage.locator('[data-scene-kind]')).toBeVisible();
  await expect(lobby.locator('[data-scene-kind="join"]')).toBeVisible();
  await expect(kiosk.locator('[data-live-phase]')).toBeVisible();

  const consolePage = await openConsole(browser, hub.base);
  await consolePage.locator('[data-tab="emergency"]').click();
  await expect(consolePage.getByText('当前没有紧急通知')).toBeVisible();
  await consolePage.locator('label.preset').filter({ hasText: '紧急疏散' }).click();
  await consolePage.locator('input[data-venue="taihu"]').check();
  const raise = consolePage.locator('[data-action="emergency-raise"]');
  await raise.click();
  // The first press only arms the button: nothing is on screen yet.
  await expect(raise).toContainText('再按一次');
  await expect(overlay(stage)).toHaveCount(0);
  const pressedAt = await consolePage.evaluate(() => {
    const at = Date.now();
    (document.querySelector('[data-action="emergency-raise"]') as HTMLButtonElement).click();
    return at;
  });

  const taihu = [stage, lobby, kiosk];
  for (const page of taihu) await expect(overlay(page)).toBeVisible();
  const reachedAt = await Promise.all(taihu.map((page) => page.evaluate(() => Date.now())));
  console.log(`console press → overlay visible on 2 screens and a kiosk (checked after): within ${Math.max(...reachedAt) - pressedAt} ms`);
  for (const page of taihu) {
    await expect(overlay(page).locator('h1')).toHaveText('紧急疏散');
    await expect(overlay(page)).toHaveAttribute('data-tone', 'alarm');
    // The siren plays (autoplay is allowed on screens and kiosks).
    await expect(overlay(page)).toHaveAttribute('data-sound', 'on');
  }
  await expect(overlay(elsewhere)).toHaveCount(0);

  await expect(consolePage.locator('[data-emergency-device][data-state="shown"]')).toHaveCount(3);
  await expect(consolePage.locator('[data-emergency-device][data-state="offline"]')).toHaveCount(1);
  await expect(consolePage.locator('[data-emergency-active]')).toBeVisible();

  // A screen that reloads shows it again straight away.
  await stage.reload();
  await expect(overlay(stage)).toBeVisible();
  await expect(overlay(stage).locator('h1')).toHaveText('紧急疏散');
  await expect(consolePage.locator('[data-emergency-device][data-state="shown"]')).toHaveCount(3);

  await shoot(lobby, 'emergency-screen');
  await shoot(kiosk, 'emergency-kiosk');
  await shoot(consolePage, 'emergency-console');

  const clear = consolePage.locator('[data-action="emergency-clear-all"]');
  await clear.click();
  await expect(overlay(stage)).toBeVisible();
  await clear.click();
  for (const page of taihu) await expect(overlay(page)).toHaveCount(0);
  await expect(stage.locator('[data-scene-kind]')).toBeVisible();
  await expect(lobby.locator('[data-scene-kind="join"]')).toBeVisible();
  await expect(consolePage.getByText('当前没有紧急通知')).toBeVisible();

  for (const [name, page] of Object.entries({ consolePage, stage, lobby, elsewhere, kiosk })) expect(errorsOf(page), name).toEqual([]);
  for (const page of [consolePage, stage, lobby, elsewhere, kiosk]) await page.context().close();
});

test('the devices tab shows each device’s heartbeat; identify puts the name on the screen, reload reloads it', async ({ browser }) => {
  const screen = await openPairedScreen(browser, hub.base, admin, { venueId: 'songzhuang', groupId: 'songzhuang-hall' }, VIEWPORTS.screen);
  // A kiosk paired and never switched on: silent, so red.
  await pairDevice(hub.base, admin, { kind: 'kiosk', venueId: 'songzhuang', name: '宋庄入口签到机' });
  await expect(screen.locator('[data-scene-kind]')).toBeVisible();
  const consolePage = await openConsole(browser, hub.base);
  await consolePage.locator('[data-tab="devices"]').click();
  const row = consolePage.locator('tr[data-device]').filter({ hasText: 'songzhuang-hall' }).first();
  // The screen's heartbeat: what it shows, its build.
  await expect(row).toContainText('loop');
  await expect(row).toContainText('0.1.0');
  await expect(row).toHaveAttribute('data-silent', 'false');
  await expect(consolePage.locator('tr[data-device][data-silent="true"]').filter({ hasText: '宋庄入口签到机' })).toBeVisible();

  await row.locator('[data-action="identify"]').click();
  await expect(screen.locator('[data-identify]')).toContainText('songzhuang-hall');
  await shoot(consolePage, 'emergency-devices-health');
  await shoot(screen, 'emergency-identify-screen');

  // Reload: two presses; the screen's page loads again and comes back to its scene.
  const reloaded = screen.waitForEvent('load');
  await row.locator('[data-action="reload"]').click();
  await row.locator('[data-action="reload"]').click();
  await reloaded;
  await expect(screen.locator('[data-scene-kind]')).toBeVisible();
  for (const page of [consolePage, screen]) await page.context().close();
});
