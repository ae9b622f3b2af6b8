import { expect, test, type Request } from '@playwright/test';
import { savePlaylist, uploadDemoFile, watchLoopFrames } from '../support/loop-media.ts';
import { takeOverRest } from '../support/rest.ts';
import { signIn } from '../support/staff.ts';
import { errorsOf, openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

const HALL = { venueId: 'songzhuang', groupId: 'songzhuang-hall' };
const MEDIA_CACHE = 'eventday-media-v1';

test('offline, a screen keeps playing its cached loop and its scene; back online it shows the scene taken meanwhile', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(hub.base);
  // A loop of uploaded files: three pictures of 2.5 s and the theme video (7 s).
  const files = [
    await uploadDemoFile(hub.base, admin, 'fire-lanes.jpg', { title: '畅通生命通道', durationMs: '2500' }),
    await uploadDemoFile(hub.base, admin, 'theme-title.webm', { title: '主题' }),
    await uploadDemoFile(hub.base, admin, 'ebike-charging.jpg', { title: '电动自行车安全充电', durationMs: '2500' }),
    await uploadDemoFile(hub.base, admin, 'emergency-numbers.jpg', { title: '牢记应急电话', durationMs: '2500' }),
  ];
  await savePlaylist(
    hub.base,
    admin,
    'hall-loop',
    '分会场轮播',
    files.map((file) => file.id),
  );
  await takeOverRest(hub.base, HALL.groupId, { kind: 'loop', playlistId: 'hall-loop' }, admin);

  const screen = await openPairedScreen(browser, hub.base, admin, HALL, VIEWPORTS.screen);
  await expect(screen.locator('[data-scene-kind="loop"] .layer.front img, [data-scene-kind="loop"] .layer.front video')).toBeVisible();
  // The service worker controls the page (127.0.0.1 is a secure context) and holds every item whole.
  await screen.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  const urls = files.map((file) => file.url);
  await screen.waitForFunction(
    async ({ urls, cacheName }) => {
      const cache = await caches.open(cacheName);
      return (await Promise.all(urls.map((url) => cache.match(url)))).every(Boolean);
    },
    { urls, cacheName: MEDIA_CACHE },
    { timeout: 20_000, polling: 250 },
  );

  // Media asked for while offline must come from the screen's cache. (A video's range request
  // sent just before the cut may still be answered by the network: it is not counted.)
  const mediaAnswers: { url: string; cached: boolean }[] = [];
  const askedOffline = new Set<Request>();
  let offline = false;
  screen.on('request', (request) => {
    if (offline && request.url().includes('/media/')) askedOffline.add(request);
  });
  screen.on('response', (response) => {
    if (askedOffline.has(response.request()))
      mediaAnswers.push({ url: response.url(), cached: response.fromServiceWorker() && response.headers()['x-eventday-cache'] === 'hit' });
  });

  await screen.context().setOffline(true);
  offline = true;
  await expect(screen.locator('[data-connection="offline"]')).toBeVisible({ timeout: 30_000 });
  // The loop goes on past item boundaries, from the cache, never without a picture. Any 10.5 s
  // of it hold three items, wherever the watch begins (its two longest neighbours last 9.5 s).
  const watched = await watchLoopFrames(screen, 10_500);
  console.log(
    `offline: ${watched.frames} frames, ${watched.blank} without a picture ${watched.blanks.join('; ')}, ${watched.frozen} frozen, items ${watched.items.join(' → ')}; media answers ${mediaAnswers.length}, from the cache ${mediaAnswers.filter((a) => a.cached).length}`,
  );
  expect(watched.items.length).toBeGreaterThanOrEqual(3);
  expect(watched.blank).toBe(0);
  expect(
    mediaAnswers.every((answer) => answer.cached),
    JSON.stringify(mediaAnswers),
  ).toBe(true);
  await shoot(screen, 'offline-screen');

  // A take happens while the screen is cut off: it keeps its scene.
  await takeOverRest(hub.base, HALL.groupId, { kind: 'message', tone: 'notice', title: '请到台湖主会场观看启动仪式', body: '分会场同步直播' }, admin);
  await expect(screen.locator('[data-scene-kind="loop"]')).toBeVisible();

  // Restarted while offline (a screen's browser restarts): page, app and media come from the
  // cache, the last scene comes back. The restart falls in the middle of the video's run (the
  // hardest moment: the screen must join the video where the others are), 1.5–4.5 s into it.
  const VIDEO_INDEX = 1;
  await screen.waitForFunction(
    (index) => {
      const loop = document.querySelector('.loop');
      const into = Date.now() - Number(loop?.getAttribute('data-front-start'));
      return loop?.getAttribute('data-front-index') === String(index) && into > 1500 && into < 4500;
    },
    VIDEO_INDEX,
    { timeout: 30_000, polling: 50 },
  );
  // Watched from the page's first moments: until the loop puts up its first item the page's own
  // background shows (a restart), after that never a frame without a picture, nor a frozen one.
  await screen.reload({ waitUntil: 'commit' });
  const afterReload = await watchLoopFrames(screen, 4000);
  console.log(
    `after the reload: ${afterReload.frames} frames (${afterReload.starting} starting), ${afterReload.blank} without a picture ${afterReload.blanks.join('; ')}, ${afterReload.frozen} frozen, items ${afterReload.items.join(' → ')}`,
  );
  expect(afterReload.starting).toBeLessThan(afterReload.frames);
  expect(afterReload.items.filter(Boolean)[0]).toBe(files[VIDEO_INDEX]!.id);
  expect(afterReload.blank).toBe(0);
  // The video came up already at its place in the run: no first frame held while it sought.
  expect(afterReload.frozen).toBe(0);
  await expect(screen.locator('[data-connection="offline"]')).toBeVisible({ timeout: 15_000 });

  // Back online: the take made meanwhile is on screen, and the mark is gone.
  offline = false;
  await screen.context().setOffline(false);
  await expect(screen.locator('[data-scene-kind="message"] h1')).toHaveText('请到台湖主会场观看启动仪式', { timeout: 20_000 });
  await expect(screen.locator('[data-connection="online"]')).toBeVisible();
  await expect(screen.locator('[data-connection="offline"]')).toHaveCount(0);
  await shoot(screen, 'offline-screen-back-online');
  // Resource loads refused while offline are expected; nothing else may have failed.
  expect(errorsOf(screen).filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|WebSocket/.test(error))).toEqual([]);
  await screen.context().close();
});
