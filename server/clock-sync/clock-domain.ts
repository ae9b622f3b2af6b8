import { commands, defineDomain, type HubCore } from '../domain.ts';

/** The hub's clock for clients measuring their offset from it (countdowns, loops, takes together). */
export function clockDomain(core: HubCore) {
  return defineDomain({
    name: 'clock',
    commands: commands<'clock:sync'>({
      // Answered at once: the client takes the sample with the shortest round trip as the truest.
      'clock:sync': { run: () => ({ serverNow: core.clock.now() }) },
    }),
  });
}
