import type { CommandHandlers } from '../realtime/command-router.ts';
import type { HubIo } from '../realtime/socket-server.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { CheckinService } from '../checkin/checkin-service.ts';
import type { Db } from '../store/database.ts';
import { HubError } from '../hub-error.ts';
import { publicName } from '../visitors/visitor-queries.ts';
import type { LivePublisher, LiveService } from './live-service.ts';

export const liveRoom = (sessionId: string) => `live:${sessionId}`;
/** Screens and consoles following a session (not its phones): they get every count. */
const watchRoom = (sessionId: string) => `live-watch:${sessionId}`;
const playerRoom = (playerId: string) => `live-player:${playerId}`;
const identityOf = (socket: { data: { identity?: unknown } }) => socket.data.identity as Identity;

/** Rooms: everyone in a session gets its state and counts; each player's sockets get their own result. */
export function livePublisher(io: () => HubIo): LivePublisher {
  return {
    state: (state) => io().to(liveRoom(state.sessionId)).emit('live:state', state),
    count: (count, toPlayers) => io().to(toPlayers ? liveRoom(count.sessionId) : watchRoom(count.sessionId)).emit('live:count', count),
    you: (playerId, you) => io().to(playerRoom(playerId)).emit('live:you', you),
  };
}

/** The live quiz over the socket: the MC's commands, screens following, phones joining and answering. */
export function liveCommands(
  live: LiveService,
  checkin: CheckinService,
  db: Db,
): Pick<CommandHandlers, 'live:create' | 'live:list' | 'live:watch' | 'live:control' | 'live:players' | 'live:questions' | 'live:player' | 'live:join' | 'live:rejoin' | 'live:answer'> {
  const visitor = db.prepare('SELECT nickname, real_name, show_real_name, unit FROM visitors WHERE id = ?');
  const actor = (socket: Parameters<CommandHandlers['live:create']>[1]) => actorOf(identityOf(socket), socket.handshake.address);
  return {
    'live:create': (settings, socket) => {
      const state = live.create(settings, actor(socket));
      void socket.join([liveRoom(state.sessionId), watchRoom(state.sessionId)]);
      return state;
    },
    'live:list': () => live.list(),
    'live:watch': ({ sessionId }, socket) => {
      const state = live.state(sessionId);
      void socket.join([liveRoom(sessionId), watchRoom(sessionId)]);
      return state;
    },
    'live:control': ({ sessionId, action, revision }, socket) => live.control(sessionId, action, revision, actor(socket)),
    'live:players': ({ sessionId }) => live.players(sessionId),
    'live:questions': () => live.questionChoices(),
    'live:player': ({ sessionId, playerId, name, remove }, socket) => live.rename(sessionId, playerId, { ...(name ? { name } : {}), ...(remove ? { remove } : {}) }, actor(socket)),
    'live:join': (request, socket) => {
      const identity = identityOf(socket);
      let visitorId: string | null = null;
      let row: ({ unit: string | null } & Parameters<typeof publicName>[0]) | undefined;
      if (request.pass) {
        const check = checkin.identify(request.pass);
        if (!check.ok) throw new HubError('PASS_INVALID', check.reason);
        visitorId = check.visitorId;
        row = visitor.get(visitorId) as typeof row;
      }
      const joined = live.join(request, {
        ip: socket.handshake.address,
        visitorId,
        visitorName: row ? publicName(row) : null,
        visitorUnit: row?.unit ?? null,
        deviceVenueId: identity.kind === 'device' ? identity.device.venueId : null,
      });
      void socket.join([liveRoom(joined.state.sessionId), playerRoom(joined.you.playerId)]);
      return joined;
    },
    'live:rejoin': ({ token }, socket) => {
      const joined = live.rejoin(token);
      void socket.join([liveRoom(joined.state.sessionId), playerRoom(joined.you.playerId)]);
      return joined;
    },
    'live:answer': ({ token, index, choice }) => live.answer(token, index, choice),
  };
}
