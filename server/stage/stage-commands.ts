import type { CommandHandlers } from '../realtime/command-router.ts';
import { visibleVenues } from '../auth/guard.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import { ALL_CONSOLES_ROOM, consoleRoom, groupRoom } from './stage-rooms.ts';
import type { StageService } from './stage-service.ts';

type StageCommands = Pick<CommandHandlers, 'stage:watch' | 'stage:overview' | 'stage:prepare' | 'stage:take' | 'stage:take-all' | 'stage:follow' | 'clock:sync'>;

/** Socket commands of the stage: thin wiring over the service, plus the rooms a socket joins. */
export function stageCommands(stage: StageService): StageCommands {
  const identityOf = (socket: { data: { identity?: Identity } }) => socket.data.identity!;
  return {
    'stage:watch': ({ groupId }, socket) => {
      const snapshot = stage.screenSnapshot(groupId);
      // A screen watches one group: leave any other it watched before.
      for (const room of socket.rooms) if (room.startsWith('group:')) void socket.leave(room);
      void socket.join(groupRoom(groupId));
      return snapshot;
    },
    'stage:overview': (_request, socket) => {
      const overview = stage.overview(visibleVenues(identityOf(socket)));
      for (const venue of overview.venues) void socket.join(consoleRoom(venue.id));
      void socket.join(ALL_CONSOLES_ROOM);
      return overview;
    },
    'stage:prepare': (request, socket) => stage.prepare(request, actorOf(identityOf(socket), socket.handshake.address)),
    'stage:take': (request, socket) => stage.take(request, actorOf(identityOf(socket), socket.handshake.address)),
    'stage:take-all': (request, socket) => stage.takeAll(request, actorOf(identityOf(socket), socket.handshake.address)),
    'stage:follow': (request, socket) => stage.follow(request, actorOf(identityOf(socket), socket.handshake.address)),
    // Answered at once: the client takes the sample with the shortest round trip as the truest.
    'clock:sync': () => ({ serverNow: Date.now() }),
  };
}
