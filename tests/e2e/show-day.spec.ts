import { expect, test, type Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import type { ProgrammeState } from '../../shared/programme.ts';
import { checkInVisitors } from '../support/checked-in-visitors.ts';
import { requestOk } from '../support/hub-harness.ts';
import { staffSocket } from '../support/staff.ts';
import { errorsOf, openConsole, openPairedScreen, shoot, VIEWPORTS, putInPreview } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

/**
 * A short show as the MC runs it from one console, seen on three screens of the main stage:
 * the launch countdown, the video loop, two award categories revealed winner by winner, a prize
 * draw landing on its winners, and back to the loop. Every screen shows every step.
 */
useSpecHub();
let adminSocket: Socket;
const PEOPLE = ['欧阳志远', '司马晓燕', '诸葛文博', '上官雨桐', '东方明辉', '慕容海峰'];

test.beforeAll(async () => {
  adminSocket = await staffSocket(hub.base, admin);
  await checkInVisitors(hub.base, admin, PEOPLE, 'e2e-show');
});
test.afterAll(async () => {
  adminSocket?.close();
});

const ok = <T>(command: string, payload: unknown) => requestOk<T>(adminSocket, command, payload);

test('countdown → video loop → two award categories → prize draw → loop, on three screens from one console', async ({ browser }) => {
  test.setTimeout(180_000);
  // Before the day: the launch is set for an hour from now (the item keeps its place in the running order).
  const countdown = (await ok<ProgrammeState>('programme:list', {})).items.find((item) => item.scene.kind === 'countdown')!;
  if (countdown.scene.kind !== 'countdown') throw new Error('no countdown in the demo running order');
  const { id, title, titleEn, performers, start, lengthMin, notes } = countdown;
  await ok('programme:save', { id, title, titleEn, performers, start, lengthMin, notes, scene: { ...countdown.scene, to: Date.now() + 3600_000 } });

  const screens: Page[] = [];
  for (let i = 0; i < 3; i++) screens.push(await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'main-stage' }, VIEWPORTS.screen));
  const onEveryScreen = async (selector: string, check: (found: ReturnType<Page['locator']>) => Promise<void> = (found) => expect(found).toBeVisible()) => {
    for (const screen of screens) await check(screen.locator(selector));
  };
  const console = await openConsole(browser, hub.base);

  // 1. The launch countdown, from the running order: the warm-up loop, then the countdown.
  await console.locator('[data-tab="programme"]').click();
  // The rundown has loaded once it names the first item as coming up.
  await expect(console.locator('[data-programme-upcoming]')).toHaveAttribute('data-programme-upcoming', /.+/);
  await console.keyboard.press('Space');
  await expect(console.locator('[data-programme-current]')).toHaveAttribute('data-programme-current', /.+/);
  await console.locator('[data-programme-next]').click();
  await expect(console.locator('[data-programme-current]')).toHaveAttribute('data-programme-current', countdown.id);
  await onEveryScreen('[data-scene-kind="countdown"]');
  await onEveryScreen('[data-countdown-text]', (found) => expect(found).toHaveAttribute('data-countdown-text', /^0[01]:[0-5]\d:\d\d$/));
  await shoot(screens[0]!, 'show-1-countdown');

  // 2. Back to the video loop: every screen plays it.
  await console.locator('[data-programme-back]').click();
  await onEveryScreen('[data-scene-kind="loop"]');
  await onEveryScreen('.layer.front :is(img, video)');
  await shoot(screens[1]!, 'show-2-loop');

  // 3. The award ceremony: two categories, each title card then its winners one by one.
  await console.locator('[data-tab="ceremony"]').click();
  await console.locator('[data-ceremony-group]').selectOption('main-stage');
  await console.locator('[data-awards-onscreen]').click();
  await onEveryScreen('[data-awards-phase]', (found) => expect(found).toHaveAttribute('data-awards-phase', 'idle'));
  const next = console.locator('[data-awards-next]');
  const categories = [
    { title: '优秀组织单位', winners: ['台湖镇人民政府', '宋庄镇人民政府', '潞城镇人民政府'] },
    { title: '安全生产先进个人', winners: ['王建国', '李秀梅', '张志强', '周丽华'] },
  ];
  for (const category of categories) {
    await expect(next).toBeEnabled();
    await next.click();
    await onEveryScreen('[data-awards-category]', (found) => expect(found).toHaveText(category.title));
    for (const winner of category.winners) {
      await expect(next).toBeEnabled();
      await next.click();
      await onEveryScreen('[data-awards-winner]', (found) => expect(found.last()).toHaveText(winner));
    }
  }
  await shoot(screens[2]!, 'show-3-awards');

  // 4. The prize draw from the checked-in visitors: two winners, the same masked names on every screen.
  await console.locator('[data-draw-prize-input]').fill('家庭应急救援包');
  await console.locator('[data-draw-count]').fill('2');
  const press = console.locator('[data-draw-run] button');
  await press.click();
  await press.click();
  await expect(console.locator('[data-draw-winners] li')).toHaveCount(2);
  await console.locator('[data-draw-onscreen]').click();
  await onEveryScreen('[data-draw-prize]', (found) => expect(found).toHaveText('家庭应急救援包'));
  await console.locator('[data-draw-reveal]').click();
  await onEveryScreen('[data-draw-id]', (found) => expect(found).toHaveAttribute('data-draw-done', 'true', { timeout: 15_000 }));
  const shown = await Promise.all(screens.map((screen) => screen.locator('[data-draw-winner]').allTextContents()));
  expect(shown[0]).toHaveLength(2);
  for (const names of shown) expect(names).toEqual(shown[0]);
  for (const name of shown[0]!) expect(name).toMatch(/^.\*+$/);
  await shoot(screens[0]!, 'show-4-draw');

  // 5. Back to the loop, from the stage desk.
  await console.locator('[data-tab="stage"]').click();
  await console.locator('nav [data-group="main-stage"]').click();
  await console.getByRole('radio', { name: '宣传轮播' }).check({ force: true });
  await putInPreview(console);
  await expect(console.locator('[data-monitor="preview"] [data-scene-kind="loop"]')).toBeVisible();
  await console.locator('[data-action="take"]').click();
  await onEveryScreen('[data-scene-kind="loop"]');
  await onEveryScreen('.layer.front :is(img, video)');
  await shoot(screens[0]!, 'show-5-loop');

  for (const page of [...screens, console]) expect(errorsOf(page)).toEqual([]);
});
