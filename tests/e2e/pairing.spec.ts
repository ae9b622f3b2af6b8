import { expect, test } from '@playwright/test';
import { openConsole, openPage, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

test('pairing round trip: a new screen shows a code, staff approve it, it shows its group; revoked, it is off within a second', async ({ browser }) => {
  const screen = await openPage(browser, `${hub.base}/display/screen/lobby`, VIEWPORTS.screen);
  const codeHolder = screen.locator('[data-pairing-code]');
  await expect(codeHolder).not.toHaveAttribute('data-pairing-code', '');
  const code = (await codeHolder.getAttribute('data-pairing-code'))!;
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  // An unpaired screen shows no scene at all.
  await expect(screen.locator('[data-scene-kind]')).toHaveCount(0);
  await shoot(screen, 'screen-pairing-1920x1080');

  const consolePage = await openConsole(browser, hub.base);
  await consolePage.locator('[data-tab="devices"]').click();
  await consolePage.locator('input[name="code"]').fill(code.toLowerCase());
  await consolePage.locator('input[name="name"]').fill('入口大厅左屏');
  await consolePage.locator('select[name="venue"]').selectOption('taihu');
  await consolePage.locator('select[name="group"]').selectOption('lobby');
  await consolePage.getByRole('button', { name: '配对', exact: true }).click();
  await expect(consolePage.locator('.feedback')).toContainText('已配对：入口大厅左屏');

  // The screen now shows its group's program: the lobby's join QR in the demo event.
  await expect(screen.locator('[data-scene-kind="join"]')).toBeVisible();
  expect(await screen.evaluate(() => localStorage.getItem('eventday.device.token'))).toBeTruthy();
  const row = consolePage.locator('tr', { hasText: '入口大厅左屏' });
  await expect(row.locator('.pill')).toHaveText('在线', { timeout: 10_000 });
  await shoot(consolePage, 'console-devices-1920x1080');

  await row.locator('[data-action="revoke"]').click();
  await expect(row.locator('[data-action="revoke"]')).toContainText('确定停用');
  const revokedAt = await consolePage.evaluate(() => {
    const startedAt = Date.now();
    (document.querySelector('tr[data-device] [data-action="revoke"]') as HTMLButtonElement).click();
    return startedAt;
  });
  await expect(screen.locator('[data-pairing-code]')).toBeVisible();
  const offAt = await screen.evaluate(() => Date.now());
  console.log(`revoke → screen back on its pairing code: ${offAt - revokedAt} ms (upper bound: includes Playwright polling)`);
  // Behaviour, not speed: the revocation is pushed to the open screen (about 0.1 s here when the
  // machine is quiet); without the push the screen would show on until it reconnected.
  expect(offAt - revokedAt).toBeLessThan(5000);
  await expect(screen.locator('[data-scene-kind]')).toHaveCount(0);
  expect(await screen.evaluate(() => localStorage.getItem('eventday.device.token'))).toBeNull();
  await expect(row.locator('.pill')).toHaveText('已停用', { timeout: 10_000 });
  await screen.context().close();
  await consolePage.context().close();
});

test('a venue kiosk pairs at /kiosk/device and then opens its home screen', async ({ browser }) => {
  const kiosk = await openPage(browser, `${hub.base}/kiosk/device`, VIEWPORTS.portrait);
  const codeHolder = kiosk.locator('[data-pairing-code]');
  await expect(codeHolder).not.toHaveAttribute('data-pairing-code', '');
  await shoot(kiosk, 'kiosk-pairing-portrait-1080x1920');
  const code = (await codeHolder.getAttribute('data-pairing-code'))!;

  const consolePage = await openConsole(browser, hub.base);
  await consolePage.locator('[data-tab="devices"]').click();
  await consolePage.locator('input[name="code"]').fill(code);
  await consolePage.locator('input[name="name"]').fill('答题一号机');
  await consolePage.locator('select[name="venue"]').selectOption('taihu');
  await consolePage.getByRole('button', { name: '配对', exact: true }).click();
  await expect(kiosk).toHaveURL(`${hub.base}/kiosk/`);
  await expect(kiosk.locator('[data-entry]')).toHaveCount(4);
  await kiosk.context().close();
  await consolePage.context().close();
});

test('a wrong sign-in says so without saying which part was wrong', async ({ browser }) => {
  const page = await openPage(browser, `${hub.base}/display/console`, VIEWPORTS.screen);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
  await shoot(page, 'console-sign-in-1920x1080');
  await page.context().close();
});

test('an admin creates an account in the console, and the audit log shows it', async ({ browser }) => {
  const consolePage = await openConsole(browser, hub.base);
  await consolePage.locator('[data-tab="accounts"]').click();
  await consolePage.locator('input[name="username"]').fill('songzhuang-op');
  await consolePage.locator('input[name="displayName"]').fill('宋庄分会场 王老师');
  await consolePage.locator('select[name="role"]').selectOption('operator');
  await consolePage.locator('input[name="password"]').fill('a-good-long-password');
  await consolePage.getByLabel('宋庄镇分会场').check();
  await consolePage.getByRole('button', { name: '创建', exact: true }).click();
  const row = consolePage.locator('tr[data-account="songzhuang-op"]');
  await expect(row).toContainText('分会场操作员');
  await expect(row).toContainText('宋庄镇分会场');
  await shoot(consolePage, 'console-accounts-1920x1080');

  // The same form edits: make the operator an MC of the main venue.
  await row.locator('[data-action="edit"]').click();
  await expect(consolePage.locator('input[name="username"]')).toBeDisabled();
  await consolePage.locator('select[name="role"]').selectOption('mc');
  await consolePage.getByLabel('宋庄镇分会场').uncheck();
  await consolePage.getByLabel('台湖主会场').check();
  await consolePage.getByRole('button', { name: '保存修改' }).click();
  await expect(row).toContainText('主持/导播');
  await expect(row).toContainText('台湖主会场');

  await consolePage.locator('[data-tab="audit"]').click();
  await expect(consolePage.locator('tbody tr').first()).toContainText('修改账号');
  await expect(consolePage.locator('tbody tr').nth(1)).toContainText('新建账号');
  await shoot(consolePage, 'console-audit-1920x1080');

  // The organisers' files download from the console's figures tab with the session.
  await consolePage.locator('[data-tab="figures"]').click();
  const download = consolePage.waitForEvent('download');
  await consolePage.locator('[data-export="checkins.xlsx"]').click();
  expect((await download).suggestedFilename()).toBe('eventday-checkins.xlsx');
  await consolePage.locator('[data-tab="accounts"]').click();

  // After the event: delete visitors' personal data, with a second press to confirm.
  await consolePage.locator('[data-action="erase"]').click();
  await expect(consolePage.locator('[data-action="erase"]')).toHaveText('再按一次确认删除');
  await consolePage.locator('[data-action="erase"]').click();
  await expect(consolePage.getByText(/已删除 \d+ 位访客的个人信息/)).toBeVisible();
  await consolePage.context().close();
});
