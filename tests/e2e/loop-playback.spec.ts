import { expect, test } from '@playwright/test';
import { signIn } from '../support/staff.ts';
import { takeOverRest } from '../support/rest.ts';
import { openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

test('the demo loop goes from a slide to the video with no frame without a picture', async ({ browser }) => {
  test.setTimeout(40_000);
  const admin = await signIn(hub.base);
  // A loop runs on its group's schedule from when it was taken: take it now, so it starts at its first item.
  await takeOverRest(hub.base, 'songzhuang-hall', { kind: 'loop', playlistId: 'festival-loop' }, admin);
  const screen = await openPairedScreen(browser, hub.base, admin, { venueId: 'songzhuang', groupId: 'songzhuang-hall' }, VIEWPORTS.screen);
  // Start watching once the first picture is decoded and on screen.
  await expect(screen.locator('.layer.front img')).toBeVisible();
  await screen.waitForFunction(() => (document.querySelector('.layer.front img') as HTMLImageElement | null)?.complete === true);

  // Watch every animation frame for 11 s (the first slide lasts 8 s, then the video plays).
  const watch = await screen.evaluate(
    () =>
      new Promise<{ frames: number; blank: number; items: string[]; videoPlayedTo: number; blanks: string[] }>((resolve) => {
        const seen = { frames: 0, blank: 0, items: [] as string[], videoPlayedTo: 0, blanks: [] as string[] };
        const until = performance.now() + 11_000;
        const frame = () => {
          const front = document.querySelector('.layer.front');
          const media = front?.querySelector('img, video') as HTMLImageElement | HTMLVideoElement | null;
          const showing =
            media instanceof HTMLImageElement
              ? media.complete && media.naturalWidth > 0
              : media instanceof HTMLVideoElement && media.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;
          seen.frames += 1;
          if (!showing) {
            seen.blank += 1;
            const state = media instanceof HTMLVideoElement ? `video readyState ${media.readyState}` : media instanceof HTMLImageElement ? `img complete ${media.complete}` : 'no media';
            seen.blanks.push(`${document.querySelector('.loop')?.getAttribute('data-front-item')} ${state} frame ${seen.frames}`);
          }
          const id = document.querySelector('.loop')?.getAttribute('data-front-item') ?? '';
          if (seen.items.at(-1) !== id) seen.items.push(id);
          if (media instanceof HTMLVideoElement) seen.videoPlayedTo = Math.max(seen.videoPlayedTo, media.currentTime);
          if (performance.now() < until) requestAnimationFrame(frame);
          else resolve(seen);
        };
        requestAnimationFrame(frame);
      }),
  );
  console.log(`loop: ${watch.frames} frames watched, ${watch.blank} without a picture, items ${watch.items.join(' → ')} ${watch.blanks.join('; ')}`);
  expect(watch.frames).toBeGreaterThan(100);
  expect(watch.blank).toBe(0);
  expect(watch.items.slice(0, 2)).toEqual(['demo-festival-opening', 'demo-theme-title']);
  expect(watch.videoPlayedTo).toBeGreaterThan(1);
  await shoot(screen, 'screen-loop-video-1920x1080');
  await screen.context().close();
});
