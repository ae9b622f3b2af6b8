import path from 'node:path';
import { expect, test } from '@playwright/test';
import { STAFF_PASSWORD, staffSession } from '../support/staff.ts';
import { errorsOf, openConsole, openPage, openPairedScreen, shoot, signInConsole, VIEWPORTS, putInPreview } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

useSpecHub();

test('the console uploads a picture, builds a playlist with it, and the MC takes a scene to every venue at once', async ({ browser }) => {
  test.setTimeout(90_000);
  const consolePage = await openConsole(browser, hub.base);
  await consolePage.locator('[data-tab="media"]').click();
  await consolePage.locator('input[name="file"]').setInputFiles(path.resolve('server/demo/media/activities.jpg'));
  await consolePage.locator('input[name="title"]').fill('今日活动');
  await consolePage.locator('input[name="seconds"]').fill('5');
  await consolePage.getByRole('button', { name: '上传视频或图片' }).click();
  await expect(consolePage.getByRole('status').filter({ hasText: '已上传：今日活动' })).toBeVisible();

  // A new playlist: the uploaded picture and the demo video.
  await consolePage.locator('[data-action="new-playlist"]').click();
  await consolePage.locator('input[name="playlist-id"]').fill('launch-loop');
  await consolePage.locator('input[name="playlist-name"]').fill('启动仪式暖场');
  await consolePage.locator('input[name="playlist-name-en"]').fill('Launch warm-up');
  await consolePage.locator('li[data-media^="m-"] [data-add]').click();
  await consolePage.locator('[data-add="demo-theme-title"]').click();
  await expect(consolePage.locator('.items li')).toHaveCount(2);
  await expect(consolePage.locator('.lists .hint').last()).toContainText('一轮 12 秒');
  await consolePage.locator('[data-action="save-playlist"]').click();
  await expect(consolePage.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await shoot(consolePage, 'console-media-1920x1080');

  // The stage desk offers the new playlist; the MC takes it to every venue at once.
  const hall = await openPairedScreen(browser, hub.base, admin, { venueId: 'lucheng', groupId: 'lucheng-hall' }, VIEWPORTS.screen);
  await consolePage.locator('[data-tab="stage"]').click();
  await consolePage.locator('nav [data-group="main-stage"]').click();
  await consolePage.getByRole('radio', { name: '宣传轮播' }).check({ force: true });
  await consolePage.locator('select[name="playlist"]').selectOption('launch-loop');
  await putInPreview(consolePage);
  await consolePage.locator('[data-action="take-all"]').click();
  await expect(consolePage.locator('[data-action="take-all"]')).toContainText('再按一次');
  await consolePage.locator('[data-action="take-all"]').click();
  await expect(consolePage.locator('.take-message')).toContainText('同时切换');
  // The loop runs from the switch time: the uploaded picture (5 s), then the video (7 s). However
  // long the screen took, the picture is up again within one round.
  await expect(hall.locator('.loop')).toHaveAttribute('data-front-item', /^m-/, { timeout: 15_000 });
  await expect(hall.locator('[data-scene-kind="loop"] .layer.front img')).toBeVisible();
  await shoot(consolePage, 'console-take-all-1920x1080');
  for (const page of [consolePage, hall]) expect(errorsOf(page)).toEqual([]);
  await hall.context().close();
  await consolePage.context().close();
});

test('a sub-venue operator sees what the main stage shows, and lets the hall follow it', async ({ browser }) => {
  await staffSession(hub.base, admin, 'op-songzhuang', 'operator', ['songzhuang']);
  const hall = await openPairedScreen(browser, hub.base, admin, { venueId: 'songzhuang', groupId: 'songzhuang-hall' }, VIEWPORTS.screen);
  const operator = await openPage(browser, `${hub.base}/display/console`, VIEWPORTS.screen);
  await signInConsole(operator, 'op-songzhuang', STAFF_PASSWORD);
  await expect(operator.locator('[data-main-stage="main-stage"]')).toContainText('主会场正在播出');
  // Operators may not take to every venue.
  await expect(operator.locator('[data-action="take-all"]')).toHaveCount(0);

  await operator.locator('[data-follow="main"]').click();
  await expect(operator.locator('.following')).toContainText('正在跟随主会场');
  await expect(operator.locator('[data-action="take"]')).toBeDisabled();
  const mainScene = await operator.locator('[data-main-stage] strong').textContent();
  await expect(operator.locator('[data-monitor="program"] .kind')).toHaveText(mainScene!.split(' · ')[0]!);
  await expect(hall.locator(`[data-scene-kind]`)).toBeVisible();
  await shoot(operator, 'console-operator-follow-1920x1080');

  await operator.locator('[data-follow="own"]').click();
  await expect(operator.locator('.following')).toHaveCount(0);
  await expect(operator.locator('[data-action="take"]')).toBeEnabled();
  expect(errorsOf(operator)).toEqual([]);
  await hall.context().close();
  await operator.context().close();
});
