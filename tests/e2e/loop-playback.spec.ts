import { expect, test } from '@playwright/test';
import { watchLoopFrames } from '../support/loop-media.ts';
import { signIn } from '../support/staff.ts';
import { takeOverRest } from '../support/rest.ts';
import { openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });
const HALL = { venueId: 'songzhuang', groupId: 'songzhuang-hall' };

test('the demo loop goes from a slide to the video with no frame without a picture', async ({ browser }) => {
  test.setTimeout(40_000);
  const admin = await signIn(hub.base);
  // The screen is up first (on a message), then the loop is taken: a loop runs on its group's
  // schedule from when it was taken, so it starts at its first item (an 8 s slide) however long
  // the screen took to open.
  await takeOverRest(hub.base, HALL.groupId, { kind: 'message', tone: 'notice', title: '即将开始', body: '请稍候' }, admin);
  const screen = await openPairedScreen(browser, hub.base, admin, HALL, VIEWPORTS.screen);
  await expect(screen.locator('[data-scene-kind="message"] h1')).toHaveText('即将开始');
  await takeOverRest(hub.base, HALL.groupId, { kind: 'loop', playlistId: 'festival-loop' }, admin);
  await expect(screen.locator('.loop')).toHaveAttribute('data-front-item', 'demo-festival-opening');

  // Watch every animation frame for 11 s (the first slide lasts 8 s, then the video plays).
  const watch = await watchLoopFrames(screen, 11_000);
  console.log(
    `loop: ${watch.frames} frames watched, ${watch.blank} without a picture, ${watch.frozen} frozen, items ${watch.items.join(' → ')} ${watch.blanks.join('; ')}`,
  );
  expect(watch.frames).toBeGreaterThan(100);
  expect(watch.blank).toBe(0);
  expect(watch.items.slice(0, 2)).toEqual(['demo-festival-opening', 'demo-theme-title']);
  expect(watch.videoPlayedTo).toBeGreaterThan(1);
  await shoot(screen, 'screen-loop-video-1920x1080');
  await screen.context().close();
});
