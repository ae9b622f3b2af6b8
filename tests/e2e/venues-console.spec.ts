import { expect, test } from '@playwright/test';
import { requestOk } from '../support/hub-harness.ts';
import { pairDevice, STAFF_PASSWORD, staffSession, staffSocket } from '../support/staff.ts';
import { takeOverRest } from '../support/rest.ts';
import { openConsole, openPage, openPairedScreen, shoot, signInConsole, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

useSpecHub();

/**
 * An organiser adds a sub-venue with its screens and stations in the console alone, sees a
 * group in use retired rather than deleted (and why), and finds one venue among 25 by search.
 */
test('an admin sets up a sub-venue, its screen group and stations; a group in use is retired and the console says why', async ({ browser }) => {
  // Twenty-five venues, three tabs and a screen: ~20 s alone, over 90 s beside other browser tests on two cores.
  test.setTimeout(180_000);
  // A second console, open on the devices tab all along: its pickers follow the first one's changes.
  const other = await openConsole(browser, hub.base);
  await other.locator('[data-tab="devices"]').click();
  const page = await openConsole(browser, hub.base);
  await page.locator('[data-tab="venues"]').click();
  await page.locator('[data-add-venue]').click();
  const form = page.getByTestId('venue-form');
  await form.locator('input[name="venue-name"]').fill('永顺镇分会场');
  await form.locator('input[name="venue-unit"]').fill('永顺镇人民政府');
  await form.locator('input[name="venue-address"]').fill('永顺镇政府广场');
  await form.getByRole('button', { name: '保存会场' }).click();
  const row = page.locator('[data-venue]', { hasText: '永顺镇分会场' });
  await expect(row).toHaveClass(/active/);
  await expect(row).toContainText('永顺镇人民政府');

  const groups = page.getByTestId('venue-groups');
  await groups.locator('input[name="group-name"]').fill('大厅屏');
  await groups.getByRole('button', { name: '添加屏幕组' }).click();
  await expect(groups.locator('[data-group]')).toHaveCount(1);
  const points = page.getByTestId('venue-points');
  for (const [kind, name] of [
    ['entrance', '永顺入口'],
    ['station', '普法咨询'],
  ] as const) {
    await points.locator('select[name="point-kind"]').selectOption(kind);
    await points.locator('input[name="point-name"]').fill(name);
    await points.getByRole('button', { name: '添加签到点' }).click();
  }
  await expect(points.locator('[data-point]')).toHaveText([/入口\s*永顺入口/, /学习站点\s*普法咨询/]);
  await expect(row).toContainText('1 个屏幕组 · 2 个签到点');
  await expect(other.locator('select[name="venue"] option', { hasText: '永顺镇分会场' })).toHaveCount(1);
  await other.locator('select[name="venue"]').selectOption({ label: '永顺镇分会场' });
  await expect(other.locator('select[name="group"] option', { hasText: '大厅屏' })).toHaveCount(1);
  await other.context().close();

  // A screen pairs to the new group (as the devices tab would), so the group is in use.
  const groupId = (await groups.locator('[data-group]').getAttribute('data-group'))!;
  const venueId = (await row.getAttribute('data-venue'))!;
  await pairDevice(hub.base, admin, { kind: 'screen', venueId, groupId });
  // The devices tab offers the new venue and its group at once.
  await page.locator('[data-tab="devices"]').click();
  await page.locator('select[name="venue"]').selectOption(venueId);
  await expect(page.locator('select[name="group"] option', { hasText: '大厅屏' })).toHaveCount(1);
  await page.locator('[data-tab="venues"]').click();
  await page.locator('[data-venue]', { hasText: '永顺镇分会场' }).locator('.pick').click();

  const remove = groups.locator(`[data-group="${groupId}"] [data-action="retire-group"]`);
  await remove.click();
  await expect(remove).toHaveText('再按一次确认');
  await remove.click();
  await expect(page.locator('.detail [role="status"]')).toContainText('已停用而未删除：仍有已配对的设备引用它');
  await expect(groups.locator('[data-group]')).toHaveCount(0);
  await page.getByLabel('显示已停用的').check();
  await expect(groups.locator(`[data-group="${groupId}"]`)).toHaveClass(/retired/);

  // Twenty-five venues: the list scrolls, and a search finds one by its unit.
  // A socket may send 20 commands a second (40 at once): a fresh one for every fifteen.
  let socket = await staffSocket(hub.base, admin);
  for (let index = 1; index <= 21; index++) {
    if (index % 15 === 0) {
      socket.close();
      socket = await staffSocket(hub.base, admin);
    }
    await requestOk(socket, 'venue:save', { name: `第${index}分会场`, nameEn: '', kind: 'sub', unit: `区属单位${index}`, address: '' });
  }
  socket.close();
  await page.reload();
  await page.locator('[data-tab="venues"]').click();
  await expect(page.locator('[data-venue]')).toHaveCount(25);
  await shoot(page, 'console-venues-25');
  await page.locator('[data-venue-search]').fill('区属单位17');
  await expect(page.locator('[data-venue]')).toHaveCount(1);
  await expect(page.locator('[data-venue]')).toContainText('第17分会场');

  // The emergency tab with 25 venues: the main one alone, every sub-venue, or those a search finds.
  await page.locator('[data-tab="emergency"]').click();
  await page.locator('[data-choose="main"]').click();
  await expect(page.locator('.chosen-count')).toHaveText('已选 1 / 25');
  await page.locator('[data-choose="sub"]').click();
  await expect(page.locator('.chosen-count')).toHaveText('已选 24 / 25');
  // All, then none: the search's finds are the only ones chosen.
  await page.locator('[data-venue="all"]').check();
  await page.locator('[data-venue="all"]').uncheck();
  await expect(page.locator('.chosen-count')).toHaveText('已选 0 / 25');
  await page.locator('[data-venue-search]').fill('第1');
  await expect(page.locator('.venue-list [data-venue]')).toHaveCount(11); // 第1 and 第10 to 第19
  await page.getByRole('button', { name: '选中找到的 11 个' }).click();
  await expect(page.locator('.chosen-count')).toHaveText('已选 11 / 25');
  await page.locator('[data-venue-search]').fill('');
  await shoot(page, 'console-emergency-25');

  // 就绪检查 with 25 venues: each venue's missing things in its own card, the sub-venues without operators among them.
  await page.locator('[data-tab="readiness"]').click();
  await expect(page.locator('[data-readiness-summary]')).toContainText('25 个会场中还缺');
  await expect(page.locator('[data-readiness-venue]')).toHaveCount(25);
  await expect(page.locator('[data-readiness-venue]').filter({ hasText: '第17分会场' }).locator('[data-kind="venue-no-operator"]')).toHaveText(
    '没有分会场操作员账号',
  );
  await shoot(page, 'console-readiness-25');

  // A screen's figures with 25 venues: the three busiest, then one line for the other twenty-two.
  await takeOverRest(hub.base, 'lobby', { kind: 'stats' }, admin);
  const screen = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'lobby' }, VIEWPORTS.screen);
  await expect(screen.locator('[data-stats-rest="venues"]')).toContainText('其余 22 个会场');
  await shoot(screen, 'screen-stats-25-venues');
  await screen.context().close();
  await page.context().close();
});

test('an operator sees only their venue, adds a station there, and cannot add venues', async ({ browser }) => {
  await staffSession(hub.base, admin, 'op-songzhuang', 'operator', ['songzhuang']);
  const page = await openPage(browser, `${hub.base}/display/console`, VIEWPORTS.screen);
  await signInConsole(page, 'op-songzhuang', STAFF_PASSWORD);
  await page.locator('[data-tab="venues"]').click();
  await expect(page.locator('[data-venue]')).toHaveCount(1);
  await expect(page.locator('[data-add-venue]')).toHaveCount(0);
  await page.locator('[data-venue="songzhuang"] .pick').click();
  await expect(page.getByTestId('venue-form')).toHaveCount(0);
  const points = page.getByTestId('venue-points');
  await points.locator('input[name="point-name"]').fill('应急救援装备展示');
  await points.getByRole('button', { name: '添加签到点' }).click();
  await expect(points.locator('[data-point]', { hasText: '应急救援装备展示' })).toHaveCount(1);
  // The list after the change still holds the operator's venue alone.
  await expect(page.locator('[data-venue]')).toHaveCount(1);
  await shoot(page, 'console-venues-operator');
  await page.context().close();
});
