import type { Page } from '@playwright/test';

/** One result a check-in kiosk showed: its scan, its colour and its words. */
export interface ShownResult {
  scanId: string;
  result: string;
  text: string;
}

/**
 * Records every result a check-in kiosk puts up: an init script (context.addInitScript). A result
 * stays up 1.8 s; on a loaded machine a test that reads it afterwards, in several steps, could
 * find it gone, so the tests judge what was shown, not what is still up.
 */
export function noteCheckinResults(): void {
  {
    const shown: ShownResult[] = [];
    (window as unknown as { __checkinResults: ShownResult[] }).__checkinResults = shown;
    const note = () => {
      const element = document.querySelector('[data-result]');
      if (!element) return;
      const entry = { scanId: element.getAttribute('data-scan-id') ?? '', result: element.getAttribute('data-result') ?? '', text: element.textContent ?? '' };
      const last = shown.at(-1);
      if (last?.scanId === entry.scanId) Object.assign(last, entry);
      else shown.push(entry);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }
}

export const checkinResults = (page: Page): Promise<ShownResult[]> =>
  page.evaluate(() => (window as unknown as { __checkinResults: ShownResult[] }).__checkinResults);

/** The latest result shown (for expect.poll), or null before the first. */
export const lastCheckinResult = async (page: Page): Promise<ShownResult | null> => (await checkinResults(page)).at(-1) ?? null;
