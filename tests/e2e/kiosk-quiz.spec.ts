import { expect, test, type Page } from '@playwright/test';
import type { RegisterReply } from '../../shared/visitors.ts';
import { connectClient, request } from '../support/hub-harness.ts';
import { startHubProcess } from '../support/hub-process.ts';
import { api, signIn } from '../support/staff.ts';
import path from 'node:path';
import Database from 'better-sqlite3';
import { takeOverRest } from '../support/rest.ts';
import { cjkFontInstalled, errorsOf, openPairedKiosk, openPairedScreen, shoot, VIEWPORTS } from './screens.ts';
import { scanByUsb } from './usb-scanner.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

/** The safety-knowledge challenge at a portrait touch kiosk (and on a phone), played by taps alone. */
useSpecHub();

const screen = (page: Page, name: 'attract' | 'question' | 'feedback' | 'results') => page.locator(`[data-quiz-screen="${name}"]`);

/** Players who played before, from Node over the socket as a phone would: each answers the first option throughout. */
async function seedPlayers(names: string[]): Promise<void> {
  for (const nickname of names) {
    const socket = await connectClient(hub.base, 'kiosk');
    try {
      const started = await request(socket, 'quiz:start', { nickname });
      if (!started.ok) throw new Error(`quiz:start ${started.code}`);
      const { challengeId } = started.data;
      for (let index = 0; index < 10; index++) {
        if (index > 0) {
          const next = await request(socket, 'quiz:next', { challengeId });
          if (!next.ok) throw new Error(`quiz:next ${next.code}`);
        }
        const answered = await request(socket, 'quiz:answer', { challengeId, index, choice: [0] });
        if (!answered.ok) throw new Error(`quiz:answer ${answered.code}`);
      }
    } finally {
      socket.close();
    }
  }
}

/** Lets entrance animations finish, so that a screenshot shows the screen as a visitor sees it. */
const settle = (page: Page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );

/** Answers the question on screen by touch: the first option, or the first two and confirm for a multiple-choice one. */
async function answerByTouch(page: Page): Promise<void> {
  const question = screen(page, 'question');
  if ((await question.getAttribute('data-question-type')) === 'multiple') {
    await expect(page.locator('[data-confirm]')).toBeDisabled();
    await page.locator('[data-option="0"]').tap();
    await page.locator('[data-option="1"]').tap();
    await expect(page.locator('[data-option="1"]')).toHaveAttribute('aria-pressed', 'true');
    await page.locator('[data-confirm]').tap();
  } else {
    await page.locator('[data-option="0"]').tap();
  }
}

test('a visitor plays ten questions by touch, learns why after each one, and gets a score and a rank', async ({ browser }) => {
  test.setTimeout(120_000);
  // The lobby screens show the day's leaderboard.
  const lobby = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'lobby' }, VIEWPORTS.screen);
  await takeOverRest(hub.base, 'lobby', { kind: 'leaderboard' }, admin);
  await expect(lobby.locator('[data-leaderboard]')).toContainText('今天还没有人完成闯关');

  const { page } = await openPairedKiosk(browser, hub.base, admin, 'taihu', '/kiosk/quiz');
  await expect(screen(page, 'attract')).toBeVisible();
  await expect(page.locator('[data-quiz-screen="attract"] h1')).toHaveText('安全知识闯关');
  await expect(page.locator('[data-quiz-leaderboard]')).toContainText('今天还没有人上榜');
  expect(await cjkFontInstalled(page)).toBe(true);

  // The sound can be muted, and the kiosk remembers it.
  const mute = page.locator('[data-mute]');
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await mute.tap();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.locator('[data-mute]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-mute]').tap();
  await expect(page.locator('[data-mute]')).toHaveAttribute('aria-pressed', 'false');

  // The big start button is a big touch target.
  const start = page.locator('[data-start]');
  expect((await start.boundingBox())!.height).toBeGreaterThanOrEqual(150);
  await start.tap();

  let sum = 0;
  let shotFeedback = false;
  let player = '';
  for (let n = 0; n < 10; n++) {
    const question = screen(page, 'question');
    await expect(question).toBeVisible();
    await expect(question).toHaveAttribute('data-question-index', String(n));
    await expect(page.locator('[data-progress]')).toHaveText(`第 ${n + 1}/10 题`);
    await expect(page.locator('[data-countdown]')).toBeVisible();
    for (const box of await page.locator('[data-option]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(150);
    }
    if (n === 0) {
      player = (await page.locator('[data-player]').textContent())!;
      expect(player).toMatch(/^你的昵称：[\u4e00-\u9fff]+\d{2}$/);
      await shoot(page, 'kiosk-quiz-question-portrait');
    }
    await answerByTouch(page);

    const feedback = screen(page, 'feedback');
    await expect(feedback).toBeVisible();
    const correct = await feedback.getAttribute('data-correct');
    expect(correct).toMatch(/^(true|false)$/);
    await expect(page.locator('[data-explanation]')).toContainText(/\S{8,}/);
    await expect(page.locator('[data-source]')).toContainText('依据：');
    // The right option is marked; each answer earns 0 or 100 plus a speed bonus of up to 9.
    await expect(page.locator('[data-answer-option][data-right="true"]').first()).toBeVisible();
    const points = Number(await page.locator('[data-points]').getAttribute('data-points'));
    expect(correct === 'true' ? points >= 100 && points <= 109 : points === 0).toBe(true);
    sum += points;
    await expect(page.locator('[data-running-score]')).toHaveAttribute('data-running-score', String(sum));
    // The first wrong answer makes the picture: red for the pick, green for the right one.
    if (!shotFeedback && (correct === 'false' || n === 9)) {
      await settle(page);
      await shoot(page, 'kiosk-quiz-feedback-portrait');
      shotFeedback = true;
    }
    await expect(page.locator('[data-next]')).toHaveText(n === 9 ? /查看成绩/ : /下一题/);
    await page.locator('[data-next]').tap();
  }

  const results = screen(page, 'results');
  await expect(results).toBeVisible();
  await settle(page);
  await expect(page.locator('[data-score]')).toHaveAttribute('data-score', String(sum));
  await expect(page.locator('[data-rank]')).toHaveText('今日排名 第 1 名');
  const correctCount = Number(await page.locator('[data-correct-count]').getAttribute('data-correct-count'));
  await expect(page.locator('[data-missed]')).toHaveCount(10 - correctCount);
  await shoot(page, 'kiosk-quiz-results-portrait');

  // Play again: back to the attract screen, where the day's best now shows this player.
  await page.locator('[data-again]').tap();
  await expect(screen(page, 'attract')).toBeVisible();
  const nickname = player.replace('你的昵称：', '');
  await expect(page.locator('[data-quiz-leaderboard] [data-rank="1"]')).toContainText(nickname);
  await expect(page.locator('[data-quiz-leaderboard] [data-rank="1"]')).toContainText(`${sum} 分`);
  // …and so does the big screen's leaderboard scene.
  const first = lobby.locator('[data-leaderboard] [data-rank="1"]');
  await expect(first).toContainText(nickname);
  await expect(first.locator('[data-score]')).toHaveAttribute('data-score', String(sum));
  await shoot(lobby, 'screen-leaderboard-1920x1080');
  expect(errorsOf(page)).toEqual([]);
  expect(errorsOf(lobby)).toEqual([]);
  await page.context().close();
  await lobby.context().close();
});

test('offline: a kiosk cut off from the hub plays from its pack, says so, and sends the answers when the hub is back', async ({ browser }) => {
  test.setTimeout(150_000);
  let own = await startHubProcess();
  const ownAdmin = await signIn(own.base);
  const { page } = await openPairedKiosk(browser, own.base, ownAdmin, 'taihu', '/kiosk/quiz');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('eventday.quiz.pack') !== null)).toBe(true);
  const outbox = () => page.evaluate(() => (JSON.parse(localStorage.getItem('eventday.quiz.outbox') ?? '[]') as unknown[]).length);

  // A challenge that loses the hub after two answers carries on from the pack.
  await page.locator('[data-start]').tap();
  for (let n = 0; n < 2; n++) {
    await answerByTouch(page);
    await page.locator('[data-next]').tap();
  }
  await own.stop();
  await answerByTouch(page);
  await expect(page.locator('[data-quiz-offline]')).toBeVisible({ timeout: 10_000 });
  await expect(screen(page, 'question')).toHaveAttribute('data-question-index', '2');
  for (let n = 2; n < 10; n++) {
    await expect(screen(page, 'question')).toHaveAttribute('data-question-index', String(n));
    await answerByTouch(page);
    await page.locator('[data-next]').tap();
  }
  await expect(page.locator('[data-rank]')).toHaveText('离线成绩：联网后计入排行榜');
  await shoot(page, 'kiosk-quiz-offline-results-portrait');

  // A whole challenge with the hub away from the start.
  await page.locator('[data-again]').tap();
  await page.locator('[data-start]').tap();
  await expect(page.locator('[data-quiz-offline]')).toBeVisible();
  for (let n = 0; n < 10; n++) {
    await answerByTouch(page);
    await page.locator('[data-next]').tap();
  }
  await expect(screen(page, 'results')).toBeVisible();
  expect(await outbox()).toBe(2);

  // The hub is back: both arrive, are scored, flagged offline, and the outbox empties.
  own = await startHubProcess({ port: own.port, dataDir: own.dataDir });
  await expect.poll(outbox, { timeout: 20_000 }).toBe(0);
  const db = new Database(path.join(own.dataDir, 'eventday.db'), { readonly: true });
  const rows = db
    .prepare('SELECT offline, finished_at IS NOT NULL AS finished, (SELECT COUNT(*) FROM answers a WHERE a.challenge_id = c.id) AS answers FROM challenges c')
    .all();
  db.close();
  expect(rows).toEqual([
    { offline: 1, finished: 1, answers: 10 },
    { offline: 1, finished: 1, answers: 10 },
  ]);
  await page.context().close();
  await own.stop();
});

test('a kiosk left on a question goes back to the attract screen; a scanned pass plays in the visitor’s name', async ({ browser }) => {
  await seedPlayers(['防汛小能手31', '应急先锋27', '平安守护者64', '逃生小达人15', '消防宣传员88']);
  const { page } = await openPairedKiosk(browser, hub.base, admin, 'taihu', '/kiosk/quiz?idle=3');
  await expect(screen(page, 'attract')).toBeVisible();
  // The day's top five, best first.
  await expect(page.locator('[data-quiz-leaderboard] [data-rank]')).toHaveCount(5);
  await expect(page.locator('[data-quiz-leaderboard] li').first()).toHaveAttribute('data-rank', '1');
  await settle(page);
  await shoot(page, 'kiosk-quiz-attract-portrait');
  await page.locator('[data-start]').tap();
  await expect(screen(page, 'question')).toBeVisible();
  // Nobody touches it: after the idle time the visitor is forgotten.
  await expect(screen(page, 'attract')).toBeVisible({ timeout: 8000 });
  await expect(page.locator('[data-player]')).toHaveCount(0);

  // A USB scanner types the pass into the page: the challenge is tied to the visitor.
  const visitor = (await (await api(hub.base).post('/api/visitors', { nickname: '扫码闯关者', privacyConsent: false })).json()) as RegisterReply;
  await scanByUsb(page, visitor.pass);
  await expect(screen(page, 'question')).toBeVisible();
  await expect(page.locator('[data-player]')).toHaveText('闯关者：扫码闯关者');

  // English: the catalog's words and the question's own English text.
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.locator('[data-progress]')).toHaveText('Question 1 of 10');
  await expect(page.locator('.prompt')).toHaveText(/[A-Za-z]{3,}/);
  await page.getByRole('button', { name: '中文' }).tap();
  expect(errorsOf(page)).toEqual([]);
  await page.context().close();
});

test('on a phone the question fits the narrow screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${hub.base}/kiosk/quiz`);
  await page.locator('[data-start]').tap();
  await expect(screen(page, 'question')).toBeVisible();
  // Nothing sticks out sideways; every option is a comfortable target.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  for (const height of await page.locator('[data-option]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
    expect(height).toBeGreaterThanOrEqual(56);
  }
  await shoot(page, 'kiosk-quiz-question-phone');
  await context.close();
});
