import { expect, test } from '@playwright/test';
import { startHubProcess } from '../support/hub-process.ts';
import { measureLoopDrift, reshownRuns, savePlaylist, uploadDemoFile } from '../support/loop-media.ts';
import { takeOverRest } from '../support/rest.ts';
import { signIn } from '../support/staff.ts';
import { SEEK_S } from '../../display/src/scenes/loop/loop-schedule.ts';
import { openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { hub, replaceSpecHub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

test('two screens of one group play the same loop in step; the drift is measured and printed', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(hub.base);
  const files = [
    await uploadDemoFile(hub.base, admin, 'festival-opening.jpg', { durationMs: '2000' }),
    await uploadDemoFile(hub.base, admin, 'fire-lanes.jpg', { durationMs: '2000' }),
    await uploadDemoFile(hub.base, admin, 'theme-title.webm'),
    await uploadDemoFile(hub.base, admin, 'activities.jpg', { durationMs: '2000' }),
  ];
  await savePlaylist(
    hub.base,
    admin,
    'drift-loop',
    '同步测试',
    files.map((file) => file.id),
  );
  await takeOverRest(hub.base, 'lobby', { kind: 'loop', playlistId: 'drift-loop' }, admin);

  const where = { venueId: 'taihu', groupId: 'lobby' };
  const screens = [
    await openPairedScreen(browser, hub.base, admin, where, VIEWPORTS.screen),
    await openPairedScreen(browser, hub.base, admin, where, VIEWPORTS.screen),
  ];
  // Coming up is not what is measured: on a loaded machine a screen's first picture may take a while.
  for (const screen of screens) await expect(screen.locator('.loop .layer.front img, .loop .layer.front video')).toBeVisible({ timeout: 20_000 });

  const figures = await measureLoopDrift(
    screens,
    files.map((file) => file.durationMs),
    20,
  );
  console.log(
    `loop drift, 2 screens of one group over ${figures.seconds} s: item switches ${figures.switches} (apart max ${figures.switch_max_ms} ms, avg ${figures.switch_avg_ms} ms), video frames shown ${figures.video_samples} samples (apart max ${figures.video_max_ms} ms, avg ${figures.video_avg_ms} ms), players' positions (apart max ${figures.video_clock_max_ms} ms, avg ${figures.video_clock_avg_ms} ms); latest switch after its scheduled start ${figures.late_max_ms} ms; overall max ${figures.max_ms} ms, avg ${figures.avg_ms} ms, median ${figures.p50_ms} ms`,
  );
  test.info().annotations.push({ type: 'loop-drift', description: JSON.stringify(figures) });
  // Enough of each kind was seen to mean something.
  expect(figures.switches).toBeGreaterThanOrEqual(4);
  expect(figures.video_samples).toBeGreaterThanOrEqual(5);
  // Behaviour, not speed (the figures above and `npm run bench:drift` are the report; the target
  // is under 100 ms): the screens keep each other in step, i.e. most of the time they stand closer
  // than the drift at which a screen corrects itself with a seek (SEEK_S). On this 2-core machine
  // both pages decode 1080p video next to the hub and whatever else runs, so single samples may
  // be far apart for a moment; that is printed, not judged.
  expect(figures.p50_ms).toBeLessThan(SEEK_S * 1000);
  await shoot(screens[0]!, 'loop-drift-screen');

  // The hub restarts: the screens reconnect and measure the hub's clock again, and their loops
  // play on (a new clock offset once made a loop start over, its video back at the first frame).
  await hub.stop();
  await expect(screens[0]!.locator('[data-connection="offline"]')).toBeVisible();
  replaceSpecHub(await startHubProcess({ port: hub.port, dataDir: hub.dataDir }));
  for (const screen of screens) await expect(screen.locator('[data-connection="online"]')).toBeVisible({ timeout: 15_000 });
  // Longer than the loop's longest item (the 7 s video), so a switch falls inside.
  const after = await measureLoopDrift(
    screens,
    files.map((file) => file.durationMs),
    12,
  );
  const reshown = await Promise.all(screens.map(reshownRuns));
  console.log(
    `after the hub restart: item switches ${after.switches} (apart max ${after.switch_max_ms} ms), video positions apart max ${after.video_max_ms} ms; runs shown twice ${reshown.join(', ')}`,
  );
  expect(after.switches).toBeGreaterThanOrEqual(1);
  expect(reshown).toEqual(screens.map(() => 0));
  for (const screen of screens) await screen.context().close();
});
