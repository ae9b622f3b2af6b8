import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { AwardsPublisher, AwardsService } from './awards-service.ts';
import type { LiveService } from '../live/live-service.ts';
import { HubError } from '../hub-error.ts';
import { AWARD_LIMITS, CHAMPIONS_TITLE } from '../../shared/awards.ts';

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
      const podium = live.champions(sessionId);
      if (podium.length === 0) throw new HubError('AWARDS_NO_CHAMPIONS');
      // Best first (the podium's order); the unit line shows the player's team when teams were played.
      return {
        title: CHAMPIONS_TITLE.zh,
        titleEn: CHAMPIONS_TITLE.en,
        winners: podium.map((player) => ({ name: player.name.slice(0, AWARD_LIMITS.name), unit: (player.team ?? '').slice(0, AWARD_LIMITS.unit) })),
      };
    },
    'awards:step': ({ action, revision }, socket) => awards.step(action, revision, actor(socket)),
    'awards:watch': (_request, socket) => {
      void socket.join(AWARDS_ROOM);
      return awards.state();
    },
  };
}
