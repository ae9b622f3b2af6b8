/**
 * npm run bench:drift [-- --screens 2 --seconds 30 --json]
 * How far apart screens of one group play the same loop (pictures and a video), and how close
 * together they switch on a take for all venues. Real screens: the built display app in Debian's
 * Chromium (run `npm run build` first), paired to the group, against the hub in its own process.
 * All pages run on this machine, so their clocks agree and the figures include each screen's
 * error in measuring the hub's clock.
 */
import { chromium, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import type { SlotState, TakeAllReply } from '../../shared/stage.ts';
import { startHubProcess } from '../support/hub-process.ts';
import { measureLoopDrift, savePlaylist, uploadDemoFile } from '../support/loop-media.ts';
import { takeOverRest } from '../support/rest.ts';
import { api, pairDevice, signIn } from '../support/staff.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1]! : fallback;
};
const screenCount = Number(option('screens', '2'));
const seconds = Number(option('seconds', '30'));
const asJson = args.includes('--json');

const hub = await startHubProcess();
const browser = await chromium.launch(config.use?.launchOptions);
try {
  const admin = await signIn(hub.base);
  const files = [
    await uploadDemoFile(hub.base, admin, 'festival-opening.jpg', { durationMs: '3000' }),
    await uploadDemoFile(hub.base, admin, 'theme-title.webm'),
    await uploadDemoFile(hub.base, admin, 'fire-lanes.jpg', { durationMs: '3000' }),
    await uploadDemoFile(hub.base, admin, 'emergency-numbers.jpg', { durationMs: '3000' }),
  ];
  await savePlaylist(
    hub.base,
    admin,
    'bench-loop',
    '同步测量',
    files.map((file) => file.id),
  );
  await takeOverRest(hub.base, 'lobby', { kind: 'loop', playlistId: 'bench-loop' }, admin);

  const pages: Page[] = [];
  for (let i = 0; i < screenCount; i++) {
    const { token } = await pairDevice(hub.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'lobby' });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await context.addInitScript((value) => localStorage.setItem('eventday.device.token', value), token);
    const page = await context.newPage();
    await page.goto(`${hub.base}/display/screen/lobby`);
    await page.locator('.loop .layer.front img, .loop .layer.front video').waitFor();
    pages.push(page);
  }
  const loop = await measureLoopDrift(
    pages,
    files.map((file) => file.durationMs),
    seconds,
  );

  // A take for every venue: when does each screen put it up, against the switch time?
  const revisions = await Promise.all(pages.map((page) => page.evaluate(() => Number(document.querySelector('main.screen')?.getAttribute('data-revision')))));
  const prepared = (await (
    await api(hub.base, admin).post('/api/groups/main-stage/prepare', { scene: { kind: 'message', tone: 'celebrate', title: '启动仪式', body: '' } })
  ).json()) as SlotState;
  const venues = (await (await api(hub.base, admin).get('/api/stage')).json()) as { venues: { groups: { id: string }[] }[] };
  const groupIds = venues.venues.flatMap((venue) => venue.groups.map((group) => group.id));
  const taken = (await (
    await api(hub.base, admin).post('/api/stage/take-all', { groupId: 'main-stage', previewRevision: prepared.revision, groupIds })
  ).json()) as TakeAllReply;
  const shownAt = await Promise.all(
    pages.map(async (page, index) => {
      await page.waitForFunction((before) => Number(document.querySelector('main.screen')?.getAttribute('data-revision')) > before, revisions[index]!);
      return Number(await page.locator('main.screen').getAttribute('data-shown-at'));
    }),
  );
  const take = {
    take_all_groups: groupIds.length,
    take_switch_spread_ms: Math.max(...shownAt) - Math.min(...shownAt),
    take_late_max_ms: Math.max(...shownAt.map((at) => at - taken.switchAt)),
  };

  const rows = [
    { what: 'item switches apart (max / avg ms)', value: `${loop.switch_max_ms} / ${loop.switch_avg_ms}`, samples: loop.switches },
    { what: 'video frames shown apart (max / avg ms)', value: `${loop.video_max_ms} / ${loop.video_avg_ms}`, samples: loop.video_samples },
    { what: 'video players apart (max / avg ms)', value: `${loop.video_clock_max_ms} / ${loop.video_clock_avg_ms}`, samples: loop.video_samples },
    { what: 'latest switch after schedule (ms)', value: String(loop.late_max_ms), samples: loop.switches * screenCount },
    { what: `take-all to ${groupIds.length} groups: screens apart (ms)`, value: String(take.take_switch_spread_ms), samples: screenCount },
    { what: 'take-all: latest screen after switchAt (ms)', value: String(take.take_late_max_ms), samples: screenCount },
  ];
  console.log(`loop drift: ${screenCount} screens of one group, ${seconds} s, pictures of 3 s and a 7 s video (target: under 100 ms)`);
  console.table(rows);
  if (asJson) console.log(JSON.stringify({ bench: 'loop-drift', ...loop, ...take }));
} finally {
  await browser.close();
  await hub.stop();
}
