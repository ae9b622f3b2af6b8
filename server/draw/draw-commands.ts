import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { DrawPublisher, DrawService } from './draw-service.ts';

const drawRoom = (drawId: string) => `draw:${drawId}`;
const identityOf = (socket: { data: { identity?: unknown } }) => socket.data.identity as Identity;
/** Only an admin's console sees a winner's full name and number (to hand the prize over); an MC's sees them masked. */
const seesFull = (identity: Identity) => identity.kind === 'staff' && identity.account.role === 'admin';

/** A draw's screens (and the consoles following it) get its masked state on every change. */
export function drawPublisher(io: () => HubIo): DrawPublisher {
  return { state: (state) => io().to(drawRoom(state.drawId)).emit('draw:state', state) };
}

/** The prize draw over the socket: pool sizes, the MC's press, the reveal, the list, the check, screens following. */
export function drawCommands(draws: DrawService): Pick<CommandHandlers, 'draw:pools' | 'draw:run' | 'draw:reveal' | 'draw:list' | 'draw:verify' | 'draw:watch'> {
  const actor = (socket: Parameters<CommandHandlers['draw:run']>[1]) => actorOf(identityOf(socket), socket.handshake.address);
  return {
    'draw:pools': ({ includePastWinners }) => draws.pools(includePastWinners ?? false),
    'draw:run': (request, socket) => draws.run(request, actor(socket), seesFull(identityOf(socket))),
    'draw:reveal': ({ drawId, revision }, socket) => draws.reveal(drawId, revision, actor(socket), seesFull(identityOf(socket))),
    'draw:list': (_request, socket) => draws.list(seesFull(identityOf(socket))),
    'draw:verify': ({ drawId }) => draws.verify(drawId),
    'draw:watch': ({ drawId }, socket) => {
      const state = draws.watch(drawId);
      void socket.join(drawRoom(drawId));
      return state;
    },
  };
}
