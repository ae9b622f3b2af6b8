import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type LaunchOptions, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { ADMIN_PASSWORD } from '../support/hub-harness.ts';
import { noteVideoFrames } from '../support/loop-media.ts';
import { noteCheckinResults } from './checkin-results.ts';
import { pairDevice, type Session } from '../support/staff.ts';

const SCREENSHOTS = path.resolve('tests/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export const VIEWPORTS = {
  screen: { width: 1920, height: 1080 },
  screen4k: { width: 3840, height: 2160 },
  portrait: { width: 1080, height: 1920 },
  phone: { width: 390, height: 844 },
} as const;

const consoleErrors = new WeakMap<Page, string[]>();

/** Errors a page printed, e.g. a Content-Security-Policy refusal: the apps must print none. */
export const errorsOf = (page: Page) => consoleErrors.get(page) ?? [];

function watchErrors(page: Page): Page {
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (message) => {
    // The console asks GET /api/session before sign-in; its 401 is the expected answer.
    if (message.type() === 'error' && !message.text().includes('status of 401')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = watchErrors(await context.newPage());
  await page.goto(url);
  return page;
}

export const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

/** Waits for the CSS animations inside `selector` to end (not the endless ones), so a screenshot shows the settled picture. */
export const settle = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) =>
      Promise.all(
        element
          .getAnimations({ subtree: true })
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished),
      ),
    );

/** A screen's shown scene: its revision and when it reached the page (Date.now() in that page). */
export async function shownOn(page: Page): Promise<{ revision: number; shownAt: number }> {
  const screen = page.locator('main.screen');
  return { revision: Number(await screen.getAttribute('data-revision')), shownAt: Number(await screen.getAttribute('data-shown-at')) };
}

/**
 * True when the CJK font the apps name is installed (so Chinese renders as text, not boxes):
 * Latin text measures differently in it than in the monospace fallback.
 */
export const cjkFontInstalled = (page: Page) =>
  page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    const width = (font: string) => ((context.font = font), context.measureText('Safety 2026 WWW').width);
    return width('32px "Noto Sans CJK SC", monospace') !== width('32px monospace');
  });

/** Signs in on the console page through its form, as staff do. */
export async function signInConsole(page: Page, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('[data-tab="stage"]')).toBeVisible();
}

export async function openConsole(browser: Browser, base: string): Promise<Page> {
  const page = await openPage(browser, `${base}/display/console`, VIEWPORTS.screen);
  await signInConsole(page);
  return page;
}

/**
 * A screen already paired to a group: paired through the hub's real pairing round trip from
 * Node, its token put where the screen app keeps it, then the page opened.
 */
export async function openPairedScreen(
  browser: Browser,
  base: string,
  admin: Session,
  where: { venueId: string; groupId: string },
  viewport: { width: number; height: number },
): Promise<Page> {
  const { token } = await pairDevice(base, admin, { kind: 'screen', ...where });
  return openAsDevice(browser, `${base}/display/screen/${where.groupId}`, token, viewport, false, noteVideoFrames);
}

/** A kiosk paired in a venue, opened at `path` as a touch screen (taps, no mouse). */
export async function openPairedKiosk(
  browser: Browser,
  base: string,
  admin: Session,
  venueId: string,
  path: string,
): Promise<{ page: Page; deviceId: string }> {
  const { token, deviceId } = await pairDevice(base, admin, { kind: 'kiosk', venueId, name: `kiosk-${venueId}` });
  return { page: await openAsDevice(browser, `${base}${path}`, token, VIEWPORTS.portrait, true, noteCheckinResults), deviceId };
}

async function openAsDevice(
  browser: Browser,
  url: string,
  token: string,
  viewport: { width: number; height: number },
  hasTouch = false,
  initScript?: () => void,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch });
  await context.addInitScript((value) => localStorage.setItem('eventday.device.token', value), token);
  if (initScript) await context.addInitScript(initScript);
  const page = watchErrors(await context.newPage());
  await page.goto(url);
  return page;
}
/** The project's Chromium and flags, plus a fake camera that films `video` (permission granted). */
export function withFakeCamera(video: string): LaunchOptions {
  const base = config.use?.launchOptions ?? {};
  return {
    ...base,
    args: [...(base.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  };
}

/**
 * Presses 放入预览 on the console's stage desk and waits until the preview monitor shows the new
 * revision: a take pressed before the hub's answer came back would name the preview before it.
 */
export async function putInPreview(page: Page): Promise<void> {
  const monitor = page.locator('[data-monitor="preview"]');
  const before = await monitor.getAttribute('data-revision');
  await page.getByRole('button', { name: '放入预览' }).click();
  await expect(monitor).not.toHaveAttribute('data-revision', before ?? '');
}
