import { expect, test } from '@playwright/test';
import { checkInVisitors, mobileOf } from '../support/checked-in-visitors.ts';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { signIn, type Session } from '../support/staff.ts';
import { errorsOf, openConsole, openPairedScreen, settle, shoot, VIEWPORTS } from './screens.ts';

/**
 * The ceremony as the hall sees it: the MC's console and the main stage screen. Two award
 * categories revealed winner by winner, then the summary; then a prize draw that rolls and lands.
 */
let hub: HubProcess;
let admin: Session;
const PEOPLE = ['欧阳志远', '司马晓燕', '诸葛文博', '上官雨桐', '东方明辉', '慕容海峰', '尉迟春梅', '皇甫建军'];

test.beforeAll(async () => {
  hub = await startHubProcess();
  admin = await signIn(hub.base);
  await checkInVisitors(hub.base, admin, PEOPLE, 'e2e-ceremony');
});
test.afterAll(async () => {
  await hub?.stop();
});


test('awards: two categories revealed winner by winner, then the summary; a prize draw rolls and lands on masked winners', async ({ browser }) => {
  test.setTimeout(120_000);
  const console = await openConsole(browser, hub.base);
  const screen = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'main-stage' }, VIEWPORTS.screen);
  // Every frame the screen receives, to search for names that must not reach it.
  const frames: string[] = [];
  screen.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await screen.reload();
  await expect(screen.locator('main.screen')).toHaveAttribute('data-revision', /\d+/);

  await console.locator('[data-tab="ceremony"]').click();
  await console.locator('[data-ceremony-group]').selectOption('main-stage');
  await console.locator('[data-awards-onscreen]').click();
  const awards = screen.locator('[data-awards-phase]');
  await expect(awards).toHaveAttribute('data-awards-phase', 'idle');
  await expect(console.locator('[data-awards-preview]')).toContainText('优秀组织单位');

  // The first category: its title card, then its three winners, one click each (a click, then Space).
  await console.locator('[data-awards-next]').click();
  await expect(awards).toHaveAttribute('data-awards-phase', 'category');
  await expect(screen.locator('[data-awards-category]')).toHaveText('优秀组织单位');
  await settle(screen, '.title-card');
  await shoot(screen, 'awards-category');
  // The MC's button is ready again once the hub has answered the last click.
  const ready = () => expect(console.locator('[data-awards-next]')).toBeEnabled();
  for (const name of ['台湖镇人民政府', '宋庄镇人民政府', '潞城镇人民政府']) {
    expect(frames.join('\n')).not.toContain(name);
    await ready();
    await console.keyboard.press('Space');
    await expect(screen.locator('[data-awards-winner]').last()).toHaveText(name);
  }
  // The second category: four winners; the picture is taken at the second.
  await ready();
  await console.keyboard.press('ArrowRight');
  await expect(screen.locator('[data-awards-category]')).toHaveText('安全生产先进个人');
  for (const [index, name] of ['王建国', '李秀梅', '张志强', '周丽华'].entries()) {
    expect(frames.join('\n')).not.toContain(name);
    await ready();
    await console.locator('[data-awards-next]').click();
    await expect(screen.locator('[data-awards-winner]').last()).toHaveText(name);
    if (index === 1) {
      await settle(screen, '.winner.newest');
      await shoot(screen, 'awards-winner');
    }
  }
  // The third category's winners are still only on the hub; the summary shows everyone.
  expect(frames.join('\n')).not.toContain('刘海涛');
  await ready();
  await console.locator('[data-awards-summary]').click();
  await expect(awards).toHaveAttribute('data-awards-phase', 'summary');
  await expect(screen.locator('[data-awards-summary]')).toContainText('刘海涛');
  await settle(screen, '[data-awards-summary]');
  await shoot(screen, 'awards-summary');

  // The prize draw: 3 of the 8 checked-in visitors, two presses, on screen, then revealed.
  await expect(console.locator('[data-draw-pool]')).toContainText('8');
  await console.locator('[data-draw-prize-input]').fill('家庭应急救援包');
  await console.locator('[data-draw-count]').fill('3');
  const press = console.locator('[data-draw-run] button');
  await press.click();
  await expect(press).toContainText('再按一次');
  await press.click();
  await expect(console.locator('[data-draw-winners] li')).toHaveCount(3);
  await console.locator('[data-draw-onscreen]').click();
  const draw = screen.locator('[data-draw-id]');
  await expect(draw).toBeVisible();
  await expect(screen.locator('[data-draw-prize]')).toHaveText('家庭应急救援包');
  await expect(screen.locator('[data-draw-winner]')).toHaveCount(0);
  await shoot(screen, 'draw-rolling');

  await console.locator('[data-draw-reveal]').click();
  await expect(draw).toHaveAttribute('data-draw-done', 'true', { timeout: 15_000 });
  const shownWinners = await screen.locator('[data-draw-winner]').allTextContents();
  expect(shownWinners).toHaveLength(3);
  for (const name of shownWinners) expect(name).toMatch(/^.\*+$/);
  await settle(screen, '.reels');
  await shoot(screen, 'draw-winners');
  await console.locator('[data-draw-verify]').click();
  await expect(console.locator('[data-draw-message]')).toContainText('核验通过');
  await shoot(console, 'ceremony-console');

  // Nothing the screen received held a visitor's full name or number.
  const received = frames.join('\n');
  for (const [index, name] of PEOPLE.entries()) {
    expect(received).not.toContain(name);
    expect(received).not.toContain(mobileOf(index));
  }
  expect(errorsOf(screen)).toEqual([]);
  expect(errorsOf(console)).toEqual([]);
});
