import { expect, test } from '@playwright/test';
import { errorsOf, openPage, shoot, VIEWPORTS } from './screens.ts';
import { hub, useSpecHub } from './spec-hub.ts';

useSpecHub({ signInAdmin: false });

test('a phone registers and receives its pass, which the phone keeps', async ({ browser }) => {
  const phone = await openPage(browser, `${hub.base}/kiosk/`, VIEWPORTS.phone);
  await phone.locator('[data-entry="register"]').click();
  await expect(phone).toHaveURL(`${hub.base}/kiosk/register`);
  await phone.locator('input[name="nickname"]').fill('消防小卫士');
  await phone.locator('input[name="mobile"]').fill('１３８ 1234 1234');
  await phone.getByRole('button', { name: '领取通行证' }).click();
  // A number without consent to the notice is not sent.
  await expect(phone.getByRole('alert')).toContainText('个人信息告知');
  await phone.locator('input[name="privacyConsent"]').check();
  await shoot(phone, 'kiosk-register-phone-390x844');
  await phone.getByRole('button', { name: '领取通行证' }).click();

  await expect(phone).toHaveURL(`${hub.base}/kiosk/pass`);
  const qr = phone.locator('[data-pass]');
  await expect(qr.locator('svg')).toBeVisible();
  expect(await qr.getAttribute('data-pass')).toMatch(/^EDP1\.k1\.[0-9A-Z]{10}\.[A-Za-z0-9_-]{86}$/);
  await expect(phone.locator('[data-short-code]')).toHaveText(/^[0-9A-Z]{8}$/);
  await shoot(phone, 'kiosk-pass-phone-390x844');

  // The pass is kept on the phone: the home page now offers it instead of registering again.
  await phone.goto(`${hub.base}/kiosk/`);
  await expect(phone.locator('[data-entry="register"]')).toContainText('我的活动通行证');
  expect(errorsOf(phone)).toEqual([]);
  await phone.context().close();
});
