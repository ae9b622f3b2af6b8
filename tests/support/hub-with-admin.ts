import { afterAll, beforeAll } from 'vitest';
import type { HubClock } from '../../server/clock.ts';
import { startHub, type RunningHub } from './hub-harness.ts';
import { signIn, type Session } from './staff.ts';

/** For a Vitest file: the real hub, started once, with the admin signed in; closed at the end. */
export function hubWithAdmin(options: { clock?: HubClock } = {}): { running: RunningHub; admin: Session } {
  const context = {} as { running: RunningHub; admin: Session };
  beforeAll(async () => {
    context.running = await startHub(undefined, options);
    context.admin = await signIn(context.running.base);
  });
  afterAll(() => context.running.close());
  return context;
}
