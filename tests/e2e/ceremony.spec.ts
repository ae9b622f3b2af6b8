import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { checkInVisitors, mobileOf } from '../support/checked-in-visitors.ts';
import { connectClient, requestOk } from '../support/hub-harness.ts';
import { staffSocket } from '../support/staff.ts';
import { errorsOf, openConsole, openPairedScreen, settle, shoot, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';
import { liveSettings } from '../support/live-settings.ts';

/**
 * The ceremony as the hall sees it: the MC's console and the main stage screen. Two award
 * categories revealed winner by winner, then the summary; then a prize draw that rolls and lands.
 */
useSpecHub();
const PEOPLE = ['欧阳志远', '司马晓燕', '诸葛文博', '上官雨桐', '东方明辉', '慕容海峰', '尉迟春梅', '皇甫建军'];

test.beforeAll(async () => {
  await checkInVisitors(hub.base, admin, PEOPLE, 'e2e-ceremony');
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

test('the quiz champions: the admin takes a live session’s podium into the award list with one click, then saves it', async ({ browser }) => {
  // A short live session played over sockets: three phones right (the quicker, the more points), one wrong.
  const mc = await staffSocket(hub.base, admin);
  const session = await requestOk(mc, 'live:create', liveSettings({ name: '启动仪式竞答', questionIds: ['fire-001'], teamMode: 'venue' }));
  const fireBank = JSON.parse(fs.readFileSync('server/quiz/bank/fire.json', 'utf8')) as { id: string; answer: number[] }[];
  const right = fireBank.find((question) => question.id === 'fire-001')!.answer;
  const players = [
    ['安全小卫士', right],
    ['消防先锋', right],
    ['应急达人', right],
    ['慢半拍', [right[0] === 0 ? 1 : 0]],
  ] as const;
  const phones = await Promise.all(players.map(() => connectClient(hub.base, 'kiosk')));
  const tokens: string[] = [];
  for (const [index, [nickname]] of players.entries())
    tokens.push((await requestOk(phones[index]!, 'live:join', { pin: session.pin, nickname, venueId: 'taihu' })).token);
  await requestOk(mc, 'live:control', { sessionId: session.sessionId, action: 'start', step: session.step });
  for (const [index, [, choice]] of players.entries()) {
    await requestOk(phones[index]!, 'live:answer', { token: tokens[index], index: 0, choice });
    await new Promise((resolve) => setTimeout(resolve, 40));
  }

  const console = await openConsole(browser, hub.base);
  await console.locator('[data-tab="ceremony"]').click();
  await console.locator('[data-ceremony-view="list"]').click();
  const editor = console.locator('[data-awards-editor]');
  const categories = editor.locator('fieldset.category');
  // The editor shows the saved list first (the demo's categories).
  const before = (await requestOk(mc, 'awards:list', {})).categories.length;
  await expect(categories).toHaveCount(before);
  await editor.locator('[data-awards-champions-session]').selectOption({ label: '启动仪式竞答 · 4 人参加' });
  await editor.locator('[data-awards-champions]').click();
  await expect(editor.locator('[data-awards-editor-message]')).toContainText('3');
  await expect(categories).toHaveCount(before + 1);
  const added = categories.last();
  await expect(added.locator('input').first()).toHaveValue('现场竞答优胜者');
  const winners = (await added.locator('textarea').inputValue()).split('\n');
  expect(winners.map((line) => line.split(/[，,|\t]/)[0]!.trim())).toEqual(['安全小卫士', '消防先锋', '应急达人']);
  await added.scrollIntoViewIfNeeded();
  await shoot(console, 'awards-editor-champions');

  // Nothing is kept until Save; saved, the category is in the MC's running order of the ceremony.
  await editor.locator('[data-awards-save]').click();
  await expect(editor.locator('[data-awards-editor-message]')).toContainText(String(before + 1));
  const saved = await requestOk(mc, 'awards:list', {});
  expect(saved.categories.at(-1)).toMatchObject({ title: '现场竞答优胜者', winners: [{ name: '安全小卫士' }, { name: '消防先锋' }, { name: '应急达人' }] });
  expect(errorsOf(console)).toEqual([]);
  for (const socket of [mc, ...phones]) socket.close();
  await console.context().close();
});
