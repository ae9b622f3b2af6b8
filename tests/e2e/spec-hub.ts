import { test } from '@playwright/test';
import { startHubProcess, type HubProcess } from '../support/hub-process.ts';
import { signIn, type Session } from '../support/staff.ts';

/**
 * The hub a browser spec file runs against: its own process (as `npm start` runs it), started
 * before the file's tests with an admin signed in, stopped after them. `hub` and `admin` are live
 * bindings: read them inside hooks and tests, where they hold this file's hub.
 */
export let hub: HubProcess;
export let admin: Session;

export function useSpecHub({ signInAdmin = true }: { signInAdmin?: boolean } = {}): void {
  test.beforeAll(async () => {
    hub = await startHubProcess();
    if (signInAdmin) admin = await signIn(hub.base);
  });
  test.afterAll(async () => {
    await hub?.stop();
  });
}

/** A spec that stopped its hub and started another on the same port and data hands it over here. */
export function replaceSpecHub(next: HubProcess): void {
  hub = next;
}
