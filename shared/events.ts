import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AckCallback } from './ack.ts';
import {
  ConsoleSnapshot,
  OverviewRequest,
  PrepareRequest,
  PreviewView,
  ProgramView,
  ScreenSnapshot,
  SlotState,
  TakeRequest,
  WatchGroupRequest,
} from './stage.ts';
import { DevicePaired, IdentityView, PairingStartReply, PairingStartRequest } from './identity.ts';
import { CheckinSetupReply, CheckpointAssigned, ScanOutcome, ScanRequest, ScanUploadReply, ScanUploadRequest } from './checkin.ts';
import { OverviewRequest as EmptyRequest } from './stage.ts';
import { RegisterBody, RegisterReply, VisitorSearchReply, VisitorSearchRequest } from './visitors.ts';
import { StatsSnapshot } from './stats.ts';
import {
  LiveAnswerReply,
  LiveAnswerRequest,
  LiveControlRequest,
  LiveCount,
  LiveCreateRequest,
  LiveJoinReply,
  LiveJoinRequest,
  LiveListReply,
  LivePlayerRequest,
  LivePlayersReply,
  LiveQuestionsReply,
  LiveRejoinRequest,
  LiveState,
  LiveWatchRequest,
  LiveYou,
} from './live.ts';
import {
  AskedQuestion,
  Leaderboard,
  LeaderboardHideRequest,
  QuizAnswerReply,
  QuizAnswerRequest,
  QuizChallengeRequest,
  QuizResult,
  QuizStartReply,
  QuizStartRequest,
  QuizPack,
  QuizUploadRequest,
} from './quiz.ts';

/**
 * The whole Socket.io protocol. Every command a client sends has a request schema (checked
 * by the hub at the boundary) and a reply schema; every event the hub sends has a payload schema.
 */
export const clientCommands = {
  /** A screen joins its group and gets the program to show. */
  'stage:watch': { request: WatchGroupRequest, reply: ScreenSnapshot },
  /** The console gets every venue, group, slot and playlist, and then every change. */
  'stage:overview': { request: OverviewRequest, reply: ConsoleSnapshot },
  'stage:prepare': { request: PrepareRequest, reply: SlotState },
  'stage:take': { request: TakeRequest, reply: SlotState },
  /** An unpaired screen or kiosk asks for a code to show, for staff to approve. */
  'pairing:start': { request: PairingStartRequest, reply: PairingStartReply },
  /** A kiosk registers a visitor at its touch screen (phones use POST /api/visitors). */
  'visitor:register': { request: RegisterBody, reply: RegisterReply },
  /** A staffed desk finds a visitor who has no pass at hand. */
  'visitor:search': { request: VisitorSearchRequest, reply: VisitorSearchReply },
  /** A kiosk starts a visitor's ten-question challenge and gets the first question (no answer in it). */
  'quiz:start': { request: QuizStartRequest, reply: QuizStartReply },
  /** One answer, timed and scored by the hub; the reply reveals the right answer and why. */
  'quiz:answer': { request: QuizAnswerRequest, reply: QuizAnswerReply },
  /** The next question of a challenge; its clock starts when the hub sends it. */
  'quiz:next': { request: QuizChallengeRequest, reply: AskedQuestion },
  /** The finished challenge: score, rank, and what was missed and why. */
  'quiz:result': { request: QuizChallengeRequest, reply: QuizResult },
  /** A kiosk fetches questions with their answers, to carry on while the hub is away. */
  'quiz:pack': { request: EmptyRequest, reply: QuizPack },
  /** A challenge (or its rest) played offline, scored when it arrives; flagged offline. */
  'quiz:upload': { request: QuizUploadRequest, reply: QuizResult },
  /** Kiosks, screens and consoles get the day's leaderboards, then every change. */
  'leaderboard:watch': { request: EmptyRequest, reply: Leaderboard },
  /** Staff hide an entry (an offensive nickname) or show it again; audited. */
  'leaderboard:hide': { request: LeaderboardHideRequest, reply: Leaderboard },
  /** The MC creates a live quiz session from bank questions; it opens in the lobby with a PIN. */
  'live:create': { request: LiveCreateRequest, reply: LiveState },
  /** The day's live sessions, newest first. */
  'live:list': { request: EmptyRequest, reply: LiveListReply },
  /** Consoles and `quiz` screens follow a session: its state now, then every change. */
  'live:watch': { request: LiveWatchRequest, reply: LiveState },
  /** The MC's one button per step (start, close, reveal, leaderboard, next, pause, resume, skip, end). */
  'live:control': { request: LiveControlRequest, reply: LiveState },
  /** The MC's list of a session's players, best first. */
  'live:players': { request: LiveWatchRequest, reply: LivePlayersReply },
  /** The questions an MC may put in a session: the playable bank without answers. */
  'live:questions': { request: EmptyRequest, reply: LiveQuestionsReply },
  /** The MC renames a player (a bad nickname) or removes one. */
  'live:player': { request: LivePlayerRequest, reply: LiveState },
  /** A phone joins with the PIN; it gets a signed player token to keep. */
  'live:join': { request: LiveJoinRequest, reply: LiveJoinReply },
  /** A phone that reloads or reconnects comes back as the same player, score and all. */
  'live:rejoin': { request: LiveRejoinRequest, reply: LiveJoinReply },
  /** One answer per player per question, timed on the hub, acknowledged once stored. */
  'live:answer': { request: LiveAnswerRequest, reply: LiveAnswerReply },
  /** Consoles and `stats` screens get the day's counts, then every update. */
  'stats:watch': { request: EmptyRequest, reply: StatsSnapshot },
  /** A kiosk in check-in mode asks for the checkpoints of its venue. */
  'checkin:setup': { request: EmptyRequest, reply: CheckinSetupReply },
  /** One scan, acknowledged once stored. */
  'checkin:scan': { request: ScanRequest, reply: ScanOutcome },
  /** A kiosk's outbox of offline scans; each scan id is applied once. */
  'checkin:upload': { request: ScanUploadRequest, reply: ScanUploadReply },
} as const satisfies Record<string, { request: TSchema; reply: TSchema }>;

export const serverEvents = {
  /** To the group's screens and the consoles. */
  'stage:program': ProgramView,
  /** To the consoles only: screens never see what is being prepared. */
  'stage:preview': PreviewView,
  /** Right after connecting: who the hub takes this client for. */
  'hub:identity': IdentityView,
  /** To the waiting device only: its token, to keep and send in every handshake. */
  'device:paired': DevicePaired,
  /** The day's counts, at most twice a second, to sockets that watch them. */
  'stats:update': StatsSnapshot,
  /** To a device that was just revoked, before it is disconnected. */
  'device:revoked': Type.Object({}),
  /** A live session's state, to everyone in it (screens, phones, consoles) on every step. */
  'live:state': LiveState,
  /** How many have answered the open question, a few times a second at most. */
  'live:count': LiveCount,
  /** To one player: their own score, rank and last result. */
  'live:you': LiveYou,
  /** The day's leaderboards, at most twice a second, to sockets that watch them. */
  'leaderboard:update': Leaderboard,
  /** To a kiosk whose check-in point was set (or cleared) in the console. */
  'checkin:assigned': CheckpointAssigned,
} as const satisfies Record<string, TSchema>;

export type ClientCommand = keyof typeof clientCommands;
export type CommandRequest<C extends ClientCommand> = Static<(typeof clientCommands)[C]['request']>;
export type CommandReply<C extends ClientCommand> = Static<(typeof clientCommands)[C]['reply']>;

export type ClientToServerEvents = {
  [C in ClientCommand]: (request: CommandRequest<C>, ack: AckCallback<CommandReply<C>>) => void;
};

export type ServerToClientEvents = {
  [E in keyof typeof serverEvents]: (payload: Static<(typeof serverEvents)[E]>) => void;
};

export function isClientCommand(name: string): name is ClientCommand {
  return Object.prototype.hasOwnProperty.call(clientCommands, name);
}
