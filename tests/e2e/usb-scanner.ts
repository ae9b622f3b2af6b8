import type { Page } from '@playwright/test';

/**
 * A USB scanner reading `code`: its keystrokes and Enter arrive in one burst, as a scanner's HID
 * reports do. They are dispatched inside the page, where the kiosk listens (on whatever has the
 * focus): Playwright's keyboard sends each key as its own round trip to the browser, and on a
 * loaded machine one round trip can outlast the pause that ends a scanner's line (300 ms), which
 * no real scanner does. The browser's own key path, and the timing rules, are covered by
 * camera-scanner.spec.ts, which types through Playwright's keyboard with nothing else running.
 */
export const scanByUsb = (page: Page, code: string): Promise<void> =>
  page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
  }, code);
