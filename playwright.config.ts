import { defineConfig } from '@playwright/test';

/**
 * Specs that measure time or frames (a take's latency, blank frames, loop drift, typing speed,
 * offline reconnects) run first, one at a time: on a 2-core machine a second browser would be
 * what they measure. The rest then share two workers, which keeps the suite inside CI's budget.
 * `npm run test:e2e` (scripts/browser-tests.ts) runs the two projects one after the other, both
 * always: no project depends on the other, so a timed failure never skips the flow specs.
 * Retries stay off: a retry would hide a flaky test.
 */
const TIMED = [
  'camera-scanner',
  'emergency',
  'kiosk-quiz',
  'live-quiz',
  'loop-drift',
  'loop-playback',
  'offline-checkin',
  'offline-screen',
  'pairing',
  'take-to-screens',
].map((name) => `**/${name}.spec.ts`);

/** Debian's Chromium: a browser download is impossible on these machines. */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  retries: 0,
  // Room for a loaded machine (a second suite beside this one): specs judge behaviour, not speed.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  projects: [
    { name: 'timed', testMatch: TIMED, workers: 1 },
    { name: 'flow', testIgnore: TIMED },
  ],
});
