import { expect, test } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import type { ProgrammeItem, ProgrammeState } from '../../shared/programme.ts';
import type { SlotState } from '../../shared/stage.ts';
import { request, requestOk } from '../support/hub-harness.ts';
import { STAFF_PASSWORD, staffSession, staffSocket } from '../support/staff.ts';
import { errorsOf, openConsole, openPage, openPairedScreen, shoot, signInConsole, VIEWPORTS, putInPreview } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

/** The running order as the day runs it: the MC's console, a lobby screen showing `program`, the main stage. */
useSpecHub();
let adminSocket: Socket;
test.beforeAll(async () => {
  adminSocket = await staffSocket(hub.base, admin);
  await staffSession(hub.base, admin, 'mc-main', 'mc', ['taihu']);
});
test.afterAll(async () => {
  adminSocket?.close();
});

const ok = <T>(command: string, payload: unknown) => requestOk<T>(adminSocket, command, payload);

const countdownItem = async () => (await ok<ProgrammeState>('programme:list', {})).items.find((item) => item.id === 'pi-countdown')!;

test('the MC advances twice: the lobby shows now and next, the main stage takes each item’s scene (the countdown)', async ({ browser }) => {
  // The launch is an hour and a half away: the admin sets the countdown's target (its start stays, so any hour of the day works).
  const launchAt = Date.now() + (1 * 3600 + 23 * 60 + 45) * 1000;
  const { id, title, titleEn, performers, start, lengthMin, scene, notes } = await countdownItem();
  if (scene.kind !== 'countdown') throw new Error('the demo countdown item has another scene');
  await ok('programme:save', { id, title, titleEn, performers, start, lengthMin, notes, scene: { ...scene, to: launchAt } });

  // The lobby screens show the running order.
  const prepared = await ok<SlotState>('stage:prepare', { groupId: 'lobby', scene: { kind: 'program' } });
  await ok('stage:take', { groupId: 'lobby', previewRevision: prepared.revision });

  const lobby = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'lobby' }, VIEWPORTS.screen);
  const main = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'main-stage' }, VIEWPORTS.screen);
  await expect(lobby.locator('[data-scene-kind="program"]')).toBeVisible();
  // Before the show: no item on now, the first one announced.
  await expect(lobby.locator('[data-program-now=""] [data-program-title]')).toHaveText('入场签到与暖场视频');

  const console = await openPage(browser, `${hub.base}/display/console`, VIEWPORTS.screen);
  await signInConsole(console, 'mc-main', STAFF_PASSWORD);
  await console.locator('[data-tab="programme"]').click();
  await expect(console.locator('[data-programme-item]')).toHaveCount(8);
  await expect(console.locator('[data-programme-upcoming]')).toHaveAttribute('data-programme-upcoming', 'pi-checkin');

  // First press with the keyboard, as on show day: Space.
  await console.keyboard.press('Space');
  await expect(console.locator('[data-programme-item="pi-checkin"]')).toHaveAttribute('data-status', 'now');
  await expect(main.locator('[data-scene-kind="loop"]')).toBeVisible();
  await expect(lobby.locator('[data-program-now="pi-checkin"] [data-program-title]')).toHaveText('入场签到与暖场视频');
  await expect(lobby.locator('[data-program-next="pi-countdown"]')).toContainText('启动仪式倒计时');

  // Second press with the big button: the countdown goes on the main stage.
  await console.locator('[data-programme-next]').click();
  await expect(console.locator('[data-programme-current]')).toHaveAttribute('data-programme-current', 'pi-countdown');
  await expect(main.locator('[data-scene-kind="countdown"]')).toBeVisible();
  await expect(main.locator('[data-countdown-text]')).toHaveAttribute('data-countdown-text', /^01:2[23]:\d\d$/);
  await expect(lobby.locator('[data-program-now="pi-countdown"] [data-program-title]')).toHaveText('启动仪式倒计时');
  await expect(lobby.locator('[data-program-next="pi-speech"]')).toContainText('领导致辞');

  // The clock runs on every screen: a second later it reads a second less.
  const first = await main.locator('[data-countdown-text]').getAttribute('data-countdown-text');
  await expect(main.locator('[data-countdown-text]')).not.toHaveAttribute('data-countdown-text', first!, { timeout: 3000 });

  // A double press from another console (an old revision) changes nothing.
  const state = await ok<ProgrammeState>('programme:list', {});
  const stale = await request(adminSocket, 'programme:advance', { revision: state.revision - 1 });
  expect(stale).toMatchObject({ ok: false, code: 'PROGRAMME_STALE' });
  await expect(main.locator('[data-scene-kind="countdown"]')).toBeVisible();

  await shoot(lobby, 'program-scene');
  await shoot(main, 'countdown-scene');
  await shoot(console, 'rundown-console');
  for (const [name, page] of Object.entries({ lobby, main, console })) expect(errorsOf(page), name).toEqual([]);
});

test('the admin’s form shows the hub’s refusal next to the field; an edit that keeps the start saves', async ({ browser }) => {
  const console = await openConsole(browser, hub.base);
  await console.locator('[data-tab="programme"]').click();
  await console.locator('[data-programme-add]').click();
  const form = console.locator('[data-programme-form]');
  await form.locator('input[name="item-title"]').fill('消防演练观摩');
  await form.locator('input[name="lengthMin"]').fill('0');
  await console.locator('[data-programme-save]').click();
  await expect(form.locator('[data-error="lengthMin"]')).toHaveText('时长要在 1 到 240 分钟之间。');

  // Overlapping the speech (or, late in the day, already past): refused at the start field.
  await form.locator('input[name="lengthMin"]').fill('10');
  await form.locator('input[name="start"]').fill('09:40');
  await console.locator('[data-programme-save]').click();
  await expect(form.locator('[data-error="start"]')).toBeVisible();
  await expect(form.locator('[data-error="lengthMin"]')).toHaveCount(0);
  await shoot(console, 'rundown-form-error');
  await console.getByRole('button', { name: '取消' }).click();

  // Editing the draw's title keeps its start: saved whatever the hour.
  await console.locator('[data-programme-edit="pi-draw"]').click();
  await form.locator('input[name="item-title"]').fill('幸运大抽奖');
  await console.locator('[data-programme-save]').click();
  await expect(form).toHaveCount(0);
  await expect(console.locator('[data-programme-item="pi-draw"] .title')).toHaveText('幸运大抽奖');
  const saved: ProgrammeItem | undefined = (await ok<ProgrammeState>('programme:list', {})).items.find((item) => item.id === 'pi-draw');
  expect(saved?.title).toBe('幸运大抽奖');
  expect(errorsOf(console)).toEqual([]);
});

test('the clock scene, built in the console, shows Beijing time on the hub’s clock and what the running order has next', async ({ browser }) => {
  const side = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'side-screens' }, VIEWPORTS.screen);
  const portrait = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'side-screens' }, VIEWPORTS.portrait);
  const console = await openConsole(browser, hub.base);
  await console.locator('nav [data-group="side-screens"]').click();
  await console.getByRole('radio', { name: '时钟' }).check({ force: true });
  await console.locator('input[name="title"]').fill('节目间隙 · 请勿离场');
  await putInPreview(console);
  await expect(console.locator('[data-monitor="preview"] [data-scene-kind="clock"]')).toBeVisible();
  await console.keyboard.press('Control+Enter');

  const state = await ok<ProgrammeState>('programme:list', {});
  const ordered = [...state.items].sort((a, b) => a.start.localeCompare(b.start));
  const next = state.currentId ? ordered[ordered.findIndex((item) => item.id === state.currentId) + 1] : ordered[0];
  for (const screen of [side, portrait]) {
    await expect(screen.locator('[data-scene-kind="clock"] h1')).toHaveText('节目间隙 · 请勿离场');
    // Beijing time, whatever the machine's zone: within a minute of what this machine's clock says.
    const shown = await screen.locator('[data-clock]').getAttribute('data-clock');
    const [hours, minutes] = (shown ?? '').split(':').map(Number) as [number, number];
    const beijing = new Date(Date.now() + 8 * 3_600_000);
    const apart = Math.abs(hours * 60 + minutes - (beijing.getUTCHours() * 60 + beijing.getUTCMinutes()));
    expect(Math.min(apart, 1440 - apart)).toBeLessThanOrEqual(1);
    if (next) await expect(screen.locator('[data-clock-next]')).toHaveAttribute('data-clock-next', next.id);
  }
  await shoot(side, 'clock-scene-1920x1080');
  await shoot(portrait, 'clock-scene-portrait-1080x1920');
  for (const page of [side, portrait, console]) expect(errorsOf(page)).toEqual([]);
  for (const page of [side, portrait, console]) await page.context().close();
});
