import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { livePoints } from '../../shared/live-scoring.ts';
import { errorsOf, openConsole, openPage, openPairedScreen, settle, shoot, VIEWPORTS } from './screens.ts';
import { admin, hub, useSpecHub } from './spec-hub.ts';

/** The live stage quiz as the hall plays it: the MC's console, the main screen, five phones. */
useSpecHub();

const readDb = <T>(read: (db: Database.Database) => T): T => {
  const db = new Database(path.join(hub.dataDir, 'eventday.db'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

const phoneScreen = (phone: Page) => phone.locator('[data-live-screen]');

test('a console, a big screen and five phones play three questions to the podium; a reload keeps the score; a late answer is refused', async ({ browser }) => {
  test.setTimeout(180_000);
  const console = await openConsole(browser, hub.base);
  const screen = await openPairedScreen(browser, hub.base, admin, { venueId: 'taihu', groupId: 'main-stage' }, VIEWPORTS.screen);

  // The MC creates a three-question session and puts it on the main stage.
  await console.locator('[data-tab="live"]').click();
  await console.locator('[data-live-create]').click();
  const phase = console.locator('[data-live-phase]').first();
  await expect(phase).toHaveAttribute('data-live-phase', 'lobby');
  await console.locator('[data-live-onscreen]').click();
  await expect(screen.locator('[data-live-phase="lobby"]')).toBeVisible();
  const session = readDb((db) => db.prepare('SELECT id, pin, settings_json FROM live_sessions ORDER BY created_at DESC LIMIT 1').get()) as {
    id: string;
    pin: string;
    settings_json: string;
  };
  const settings = JSON.parse(session.settings_json) as { questionIds: string[]; timeLimitSec: number; points: number };
  await expect(screen.getByText(session.pin.split('').join(''), { exact: false }).first()).toBeVisible();

  // Five phones open the address in the screen's QR: the PIN and the screen's venue.
  const joinUrl = (await screen.locator('.qr').getAttribute('data-qr-url'))!;
  expect(joinUrl).toBe(`${hub.base}/kiosk/live?pin=${session.pin}&venue=taihu`);
  const phones: Page[] = [];
  for (let i = 0; i < 5; i++) {
    const phone = await openPage(browser, joinUrl, VIEWPORTS.phone);
    await phone.locator('[data-join]').click();
    await expect(phoneScreen(phone)).toHaveAttribute('data-live-screen', 'lobby');
    phones.push(phone);
  }
  await shoot(phones[0]!, 'live-phone-lobby-390x844');
  await expect(screen.locator('[data-live-phase="lobby"]')).toContainText('5');
  await shoot(screen, 'live-screen-lobby-1920x1080');

  const primary = console.locator('[data-live-primary]');
  for (let question = 0; question < 3; question++) {
    await primary.click(); // start / next: the question opens
    await expect(screen.locator('[data-live-phase="question"]')).toBeVisible();
    for (const phone of phones) await expect(phoneScreen(phone)).toHaveAttribute('data-live-screen', 'question');
    if (question === 0) {
      await shoot(screen, 'live-screen-question-1920x1080');
      await shoot(phones[0]!, 'live-phone-question-390x844');
    }
    // Phones 0–3 answer; on the second question phone 1 reloads first and answers after coming back.
    for (const [index, phone] of phones.slice(0, 4).entries()) {
      if (question === 1 && index === 1) {
        await phone.reload();
        await expect(phoneScreen(phone)).toHaveAttribute('data-live-screen', 'question');
      }
      await phone
        .locator('[data-option]')
        .nth(index % 2)
        .click();
      const confirm = phone.locator('[data-confirm]');
      if (await confirm.isVisible()) {
        await phone
          .locator('[data-option]')
          .nth((index % 2) + 1)
          .click();
        await confirm.click();
      }
      await expect(phoneScreen(phone)).toHaveAttribute('data-live-screen', 'answered');
    }
    // Phone 4 answers late: the deadline has passed (it is data on the hub).
    if (question === 2) {
      const db = new Database(path.join(hub.dataDir, 'eventday.db'));
      db.prepare('UPDATE live_sessions SET deadline = ? WHERE id = ?').run(Date.now() - 5000, session.id);
      db.close();
      await phones[4]!.locator('[data-option]').first().click();
      // A multiple-choice question is sent with its confirm button (the draw is random).
      const confirm = phones[4]!.locator('[data-confirm]');
      if (await confirm.isVisible()) await confirm.click();
      await expect(phones[4]!.locator('[data-live-problem]')).toContainText('停止作答');
    }
    await expect(screen.locator('[data-answered]')).toHaveAttribute('data-answered', '4');
    await primary.click(); // close
    await primary.click(); // reveal
    await expect(screen.locator('[data-live-phase="reveal"]')).toBeVisible();
    for (const phone of phones.slice(0, 4)) await expect(phoneScreen(phone)).toHaveAttribute('data-live-screen', 'reveal');
    if (question === 0) {
      await shoot(screen, 'live-screen-reveal-1920x1080');
      await shoot(phones[0]!, 'live-phone-reveal-390x844');
    }
    await primary.click(); // leaderboard
    if (question === 0) {
      // The board slides in: the picture is taken once its entrance has ended.
      await expect(screen.locator('[data-live-phase="leaderboard"]')).toBeVisible();
      await settle(screen, '[data-live-phase="leaderboard"]');
      await shoot(screen, 'live-screen-leaderboard-1920x1080');
    }
  }
  await primary.click(); // podium
  await expect(screen.locator('[data-live-phase="podium"]')).toBeVisible();
  for (const phone of phones) await expect(phoneScreen(phone)).toHaveAttribute('data-live-screen', 'podium');
  // The podium names rise third, second, then first (the last at 1.2 s + 0.8 s).
  await expect(screen.locator('.place-1 .who')).toHaveCSS('opacity', '1', { timeout: 5000 });
  await shoot(screen, 'live-screen-podium-1920x1080');
  await shoot(phones[0]!, 'live-phone-podium-390x844');
  await shoot(console, 'live-console-1920x1080');

  // Scores: every answer's points follow the formula from the hub's own time, and add up per player.
  const { answers, players } = readDb((db) => ({
    answers: db.prepare('SELECT player_id, correct, points, elapsed_ms FROM live_answers WHERE session_id = ?').all(session.id) as {
      player_id: string;
      correct: number;
      points: number;
      elapsed_ms: number;
    }[],
    players: db.prepare('SELECT id, score FROM live_players WHERE session_id = ?').all(session.id) as { id: string; score: number }[],
  }));
  expect(answers).toHaveLength(12);
  for (const answer of answers) {
    expect(answer.points).toBe(livePoints(answer.correct === 1, answer.elapsed_ms, settings.timeLimitSec * 1000, settings.points, settings.questionIds.length));
  }
  for (const player of players) {
    expect(player.score).toBe(answers.filter((a) => a.player_id === player.id).reduce((sum, a) => sum + a.points, 0));
  }
  // The phone that reloaded kept one player: five players in all, and its answers are all there.
  expect(players).toHaveLength(5);
  for (const page of [console, screen, ...phones]) expect(errorsOf(page)).toEqual([]);
});
