import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { reaches } from '../auth/guard.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { ProgrammePublisher, ProgrammeService } from './programme-service.ts';

/** Consoles that listed the running order get every change; `program` screens get their board. */
const STAFF_ROOM = 'programme:staff';
const BOARD_ROOM = 'programme:board';

export function programmePublisher(io: () => HubIo): ProgrammePublisher {
  return {
    state: (state) => io().to(STAFF_ROOM).emit('programme:state', state),
    board: (board) => io().to(BOARD_ROOM).emit('programme:board', board),
  };
}

type ProgrammeCommands = Pick<CommandHandlers, 'programme:list' | 'programme:watch' | 'programme:save' | 'programme:remove' | 'programme:advance'>;

/** The running order over the socket: thin wiring over the service, and the rooms a socket joins. */
export function programmeCommands(programme: ProgrammeService): ProgrammeCommands {
  const identityOf = (socket: { data: { identity?: unknown } }) => socket.data.identity as Identity;
  const actor = (socket: Parameters<CommandHandlers['programme:save']>[1]) => actorOf(identityOf(socket), socket.handshake.address);
  return {
    'programme:list': (_request, socket) => {
      void socket.join(STAFF_ROOM);
      return programme.state();
    },
    'programme:watch': (_request, socket) => {
      void socket.join(BOARD_ROOM);
      return programme.board();
    },
    'programme:save': (request, socket) => programme.save(request, actor(socket)),
    'programme:remove': ({ id }, socket) => programme.remove(id, actor(socket)),
    'programme:advance': (request, socket) =>
      programme.advance(request, actor(socket), (group) => reaches(identityOf(socket), { venueId: group.venueId, groupId: group.id })),
  };
}
