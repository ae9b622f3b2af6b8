import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { AwardsPublisher, AwardsService } from './awards-service.ts';
import type { LiveService } from '../live/live-service.ts';
import { HubError } from '../hub-error.ts';
import { championsCategory } from './awards-rules.ts';

/** Screens showing the `awards` scene and consoles following the ceremony. */
export const AWARDS_ROOM = 'awards';
const identityOf = (socket: { data: { identity?: unknown } }) => socket.data.identity as Identity;

export function awardsPublisher(io: () => HubIo): AwardsPublisher {
  return { state: (state) => io().to(AWARDS_ROOM).emit('awards:state', state) };
}

/** The ceremony over the socket: the admin's list, the MC's clicks, everyone else following. */
export function awardsCommands(awards: AwardsService, live: LiveService): Pick<CommandHandlers, 'awards:list' | 'awards:save' | 'awards:champions' | 'awards:step' | 'awards:watch'> {
  const actor = (socket: Parameters<CommandHandlers['awards:save']>[1]) => actorOf(identityOf(socket), socket.handshake.address);
  return {
    'awards:list': () => awards.list(),
    'awards:save': ({ categories, revision }, socket) => awards.save(categories, revision, actor(socket)),
    'awards:champions': ({ sessionId }) => {
      const category = championsCategory(live.champions(sessionId));
      if (!category) throw new HubError('AWARDS_NO_CHAMPIONS');
      return category;
    },
    'awards:step': ({ action, revision }, socket) => awards.step(action, revision, actor(socket)),
    'awards:watch': (_request, socket) => {
      void socket.join(AWARDS_ROOM);
      return awards.state();
    },
  };
}
