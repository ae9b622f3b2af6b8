import { visibleVenues } from '../auth/guard.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { venueTargets } from '../venues/venue-targets.ts';
import { ALL_CONSOLES_ROOM, consoleRoom, groupRoom, stageBroadcaster } from './stage-rooms.ts';
import { stageRoutes } from './stage-routes.ts';
import { createStageService } from './stage-service.ts';

/** What each group of screens shows: preview and program, takes, takes to many, following the main stage. */
export function stageDomain(core: HubCore) {
  const { db } = core;
  const stage = createStageService(db, stageBroadcaster(core.broadcast), core.kioskUrl, core.clock.now);
  const targets = venueTargets(db);
  const byGroup = ({ groupId }: { groupId: string }) => targets.ofGroup(groupId);
  return defineDomain({
    name: 'stage',
    service: stage,
    commands: commands<'stage:watch' | 'stage:overview' | 'stage:prepare' | 'stage:take' | 'stage:air' | 'stage:take-all' | 'stage:follow'>({
      'stage:watch': {
        target: byGroup,
        run: ({ groupId }, { socket }) => {
          const snapshot = stage.screenSnapshot(groupId);
          // A screen watches one group: leave any other it watched before.
          for (const room of socket.rooms) if (room.startsWith('group:')) void socket.leave(room);
          void socket.join(groupRoom(groupId));
          return snapshot;
        },
      },
      'stage:overview': {
        run: (_request, { identity, socket }) => {
          const overview = stage.overview(visibleVenues(identity));
          for (const venue of overview.venues) void socket.join(consoleRoom(venue.id));
          void socket.join(ALL_CONSOLES_ROOM);
          return overview;
        },
      },
      'stage:prepare': { target: byGroup, run: (request, { actor }) => stage.prepare(request, actor) },
      'stage:take': { target: byGroup, run: (request, { actor }) => stage.take(request, actor) },
      'stage:air': { target: byGroup, run: (request, { actor }) => stage.air(request, actor) },
      'stage:take-all': { run: (request, { actor }) => stage.takeAll(request, actor) },
      'stage:follow': { target: byGroup, run: (request, { actor }) => stage.follow(request, actor) },
    }),
    routes: (app) => stageRoutes(app, stage, byGroup),
  });
}
