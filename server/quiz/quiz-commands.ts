import type { CommandHandlers } from '../realtime/command-router.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { CheckinService } from '../checkin/checkin-service.ts';
import type { Db } from '../store/database.ts';
import type { ThrottledFeed } from '../realtime/throttled-feed.ts';
import type { Leaderboard } from '../../shared/quiz.ts';
import { HubError } from '../hub-error.ts';
import type { ChallengeService, Player } from './challenge-service.ts';
import { LEADERBOARD_ROOM, type createLeaderboardQueries } from './leaderboard.ts';

const identityOf = (socket: { data: { identity?: unknown } }) => socket.data.identity as Identity;

/**
 * The kiosk challenge over the socket. Starting with a pass (QR or short code) ties the score to
 * the visitor and stamps the venue's quiz station, if it has one.
 */
export function quizCommands(
  challenges: ChallengeService,
  checkin: CheckinService,
  leaderboard: { feed: ThrottledFeed<Leaderboard>; queries: ReturnType<typeof createLeaderboardQueries> },
  db: Db,
  now = Date.now,
): Pick<CommandHandlers, 'quiz:start' | 'quiz:next' | 'quiz:answer' | 'quiz:result' | 'quiz:pack' | 'quiz:upload' | 'leaderboard:watch' | 'leaderboard:hide'> {
  const quizStation = db.prepare("SELECT id FROM checkpoints WHERE venue_id = ? AND id = ? || '-quiz'").pluck();

  /** The player behind a command: the visitor a pass names (or a nickname), at this device's venue. */
  function playerOf(socket: { data: { identity?: unknown } }, nickname: string | undefined, pass: string | undefined): Player {
    const identity = identityOf(socket);
    const device = identity.kind === 'device' ? identity.device : null;
    let visitorId: string | null = null;
    if (pass) {
      const check = checkin.identify(pass);
      if (!check.ok) throw new HubError('PASS_INVALID', check.reason);
      visitorId = check.visitorId;
    }
    return { visitorId, nickname, deviceId: device?.id ?? null, venueId: device?.venueId ?? null };
  }

  return {
    'quiz:start': async ({ nickname, pass }, socket) => {
      const player = playerOf(socket, nickname, pass);
      const { visitorId } = player;
      const identity = identityOf(socket);
      const device = identity.kind === 'device' ? identity.device : null;
      const started = challenges.start(player);
      const station = device && visitorId ? (quizStation.get(device.venueId, device.venueId) as string | undefined) : undefined;
      if (station && pass) {
        await checkin.scan({ scanId: `quiz-${started.challengeId}`, pass, checkpointId: station, scannedAt: now(), offline: false, deviceId: device!.id });
      }
      return started;
    },
    'quiz:next': ({ challengeId }) => challenges.next(challengeId),
    'quiz:answer': ({ challengeId, index, choice }) => challenges.answer(challengeId, index, choice),
    'quiz:result': ({ challengeId }) => challenges.result(challengeId),
    'quiz:pack': () => challenges.pack(),
    'quiz:upload': (request, socket) => challenges.upload(playerOf(socket, request.nickname, request.pass), request),
    'leaderboard:watch': (_request, socket) => {
      void socket.join(LEADERBOARD_ROOM);
      return leaderboard.feed.snapshot();
    },
    'leaderboard:hide': ({ challengeId, hidden }, socket) => {
      leaderboard.queries.setHidden(challengeId, hidden, actorOf(identityOf(socket), socket.handshake.address), now());
      leaderboard.feed.changed();
      return leaderboard.feed.snapshot();
    },
  };
}
