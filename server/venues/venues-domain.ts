import type { VenueSetup } from '../../shared/venue-setup.ts';
import { visibleVenues } from '../auth/guard.ts';
import type { Identity } from '../auth/identity.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { venueTargets } from './venue-targets.ts';
import { createVenueSetupService } from './venue-setup-service.ts';
import { readiness } from './readiness-queries.ts';

/** Venues, screen groups and check-in points set up in the console; `changed` runs after each change. */
export function venuesDomain(core: HubCore, { changed }: { changed: () => void }) {
  const { db } = core;
  const setup = createVenueSetupService(db, changed, core.clock.now);
  const targets = venueTargets(db);
  const groupTarget = ({ groupId }: { groupId: string }) => targets.ofGroup(groupId);
  const pointTarget = ({ pointId }: { pointId: string }) => targets.ofPoint(pointId);
  const byVenue = ({ venueId }: { venueId: string }) => ({ venueId });
  /** Every reply carries the venue list: only the caller's venues in it (an operator sees their own). */
  const mine = <R extends { venues: VenueSetup[] }>(reply: R, identity: Identity): R => {
    const visible = visibleVenues(identity);
    return visible === null ? reply : { ...reply, venues: reply.venues.filter((venue) => visible.includes(venue.id)) };
  };

  return defineDomain({
    name: 'venues',
    service: setup,
    commands: commands<
      'venue:list' | 'venue:readiness' | 'venue:save' | 'venue:reorder' | 'venue:retire' | 'group:save' | 'group:retire' | 'point:save' | 'point:retire'
    >({
      'venue:list': { run: (_request, { identity }) => setup.list(visibleVenues(identity)) },
      'venue:readiness': { run: (_request, { identity }) => readiness(core.db, visibleVenues(identity), core.clock.now()) },
      'venue:save': { run: (request, { actor }) => setup.saveVenue(request, actor) },
      'venue:reorder': { run: ({ venueIds }, { actor }) => setup.reorder(venueIds, actor) },
      'venue:retire': { run: ({ venueId, retired }, { actor }) => setup.retireVenue(venueId, retired, actor) },
      'group:save': { target: byVenue, run: (request, { actor, identity }) => mine(setup.saveGroup(request, actor), identity) },
      'group:retire': { target: groupTarget, run: ({ groupId, retired }, { actor, identity }) => mine(setup.retireGroup(groupId, retired, actor), identity) },
      'point:save': { target: byVenue, run: (request, { actor, identity }) => mine(setup.savePoint(request, actor), identity) },
      'point:retire': { target: pointTarget, run: ({ pointId, retired }, { actor, identity }) => mine(setup.retirePoint(pointId, retired, actor), identity) },
    }),
  });
}
