import type { CommandHandlers } from '../realtime/command-router.ts';
import { CONSOLE_ROOM, groupRoom } from './stage-rooms.ts';
import type { StageService } from './stage-service.ts';

/** Socket commands of the stage: thin wiring over the service, plus the rooms a socket joins. */
export function stageCommands(stage: StageService): Pick<CommandHandlers, 'stage:watch' | 'stage:overview' | 'stage:prepare' | 'stage:take'> {
  return {
    'stage:watch': ({ groupId }, socket) => {
      const snapshot = stage.screenSnapshot(groupId);
      // A screen watches one group: leave any other it watched before.
      for (const room of socket.rooms) if (room.startsWith('group:')) void socket.leave(room);
      void socket.join(groupRoom(groupId));
      return snapshot;
    },
    'stage:overview': (_request, socket) => {
      void socket.join(CONSOLE_ROOM);
      return stage.overview();
    },
    'stage:prepare': (request) => stage.prepare(request),
    'stage:take': (request) => stage.take(request),
  };
}
