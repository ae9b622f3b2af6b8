import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DrawIdRequest, DrawListReply, DrawPoolsReply, DrawPoolsRequest, DrawRecordView, DrawRevealRequest, DrawRunRequest, DrawScreenState, DrawVerifyReply } from './draw.ts';
import { AwardCategoryInput, AwardsChampionsRequest, AwardsList, AwardsSaveRequest, AwardsState, AwardsStepRequest } from './awards.ts';
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
import { ClockSyncReply, FollowRequest, FollowView, MainStageView, TakeAllReply, TakeAllRequest } from './stage.ts';
import { DevicePaired, IdentityView, PairingStartReply, PairingStartRequest } from './identity.ts';
import { CheckinSetupReply, CheckpointAssigned, ScanOutcome, ScanRequest, ScanUploadReply, ScanUploadRequest } from './checkin.ts';
import { OverviewRequest as EmptyRequest } from './stage.ts';
import { RegisterBody, RegisterReply, VisitorSearchReply, VisitorSearchRequest } from './visitors.ts';
import { StatsSnapshot } from './stats.ts';
import { EmergencyClearRequest, EmergencyRaiseRequest, EmergencyShownRequest, EmergencyStatus, VenueEmergency } from './emergency.ts';
import { DeviceHeartbeat, DeviceIdentify } from './device-health.ts';
import { ProgrammeAdvanceRequest, ProgrammeBoard, ProgrammeRemoveRequest, ProgrammeSaveRequest, ProgrammeState } from './programme.ts';
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
  /** One scene to many groups at once; every screen switches at the reply's switchAt (hub clock). */
  'stage:take-all': { request: TakeAllRequest, reply: TakeAllReply },
  /** A group mirrors the main stage's program, or goes back under its operator's control. */
  'stage:follow': { request: FollowRequest, reply: FollowView },
  /** The hub's clock now, for a client measuring its offset (several samples, the fastest kept). */
  'clock:sync': { request: OverviewRequest, reply: ClockSyncReply },
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
  /** Consoles get the day's running order (with the MC's notes), then every change. */
  'programme:list': { request: EmptyRequest, reply: ProgrammeState },
  /** `program` screens get now and next, then every change. */
  'programme:watch': { request: EmptyRequest, reply: ProgrammeBoard },
  /** The admin adds (no id) or edits an item; checked against the day and the other items. */
  'programme:save': { request: ProgrammeSaveRequest, reply: ProgrammeState },
  'programme:remove': { request: ProgrammeRemoveRequest, reply: ProgrammeState },
  /** The MC's one button: the pointer moves and the item's scene goes on air (revision-checked). */
  'programme:advance': { request: ProgrammeAdvanceRequest, reply: ProgrammeState },
  /** Staff put an emergency notice on every screen and kiosk of the chosen venues (or all); audited. */
  'emergency:raise': { request: EmergencyRaiseRequest, reply: EmergencyStatus },
  /** Staff take the notice off those venues; audited. */
  'emergency:clear': { request: EmergencyClearRequest, reply: EmergencyStatus },
  /** Each venue's notice, and which devices show it, have not yet, or are offline. */
  'emergency:status': { request: EmptyRequest, reply: EmergencyStatus },
  /** A screen or kiosk has the notice on screen (sent once it is rendered). */
  'emergency:shown': { request: EmergencyShownRequest, reply: Type.Object({ current: Type.Boolean() }) },
  /** Every paired screen and kiosk, every few seconds: what it shows and how it is. */
  'device:heartbeat': { request: DeviceHeartbeat, reply: Type.Object({}) },
  // ---- prize draw and award ceremony (draw:*, awards:*)
  /** Pool sizes for the MC's picker, and the draws' revision a draw must name. */
  'draw:pools': { request: DrawPoolsRequest, reply: DrawPoolsReply },
  /** The MC's press: the hub reads the pool, draws the winners, stores the record, then answers. */
  'draw:run': { request: DrawRunRequest, reply: DrawRecordView },
  /** The winners land on the screens showing this draw. */
  'draw:reveal': { request: DrawRevealRequest, reply: DrawRecordView },
  'draw:list': { request: EmptyRequest, reply: DrawListReply },
  /** Recomputes the pool's hash from the stored members and checks the winners against it. */
  'draw:verify': { request: DrawIdRequest, reply: DrawVerifyReply },
  /** `draw` screens and consoles follow a draw (masked names; no winner before the reveal). */
  'draw:watch': { request: DrawIdRequest, reply: DrawScreenState },
  /** The admin's editor: every category with every winner. */
  'awards:list': { request: EmptyRequest, reply: AwardsList },
  'awards:save': { request: AwardsSaveRequest, reply: AwardsList },
  /** A live session's top three as a category for the admin's editor (nothing is saved until they save). */
  'awards:champions': { request: AwardsChampionsRequest, reply: AwardCategoryInput },
  /** The MC's click: next, back, summary or reset (revision-checked). */
  'awards:step': { request: AwardsStepRequest, reply: AwardsState },
  /** `awards` screens and consoles follow the ceremony: only what has been revealed. */
  'awards:watch': { request: EmptyRequest, reply: AwardsState },
  // ---- end prize draw and award ceremony
} as const satisfies Record<string, { request: TSchema; reply: TSchema }>;

export const serverEvents = {
  /** A draw's masked state, to the screens and consoles following it. */
  'draw:state': DrawScreenState,
  /** The award ceremony's state (revealed winners only), to everyone following it. */
  'awards:state': AwardsState,
  /** To the group's screens and the consoles. */
  'stage:program': ProgramView,
  /** To the consoles only: screens never see what is being prepared. */
  'stage:preview': PreviewView,
  /** To every console: what the main stage shows now (sub-venue operators too). */
  'stage:main': MainStageView,
  /** To the consoles of the group's venue: a group now follows the main stage, or not. */
  'stage:follow': FollowView,
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
  /** The running order, to consoles that listed it, on every change. */
  'programme:state': ProgrammeState,
  /** Now and next, to `program` screens, on every change. */
  'programme:board': ProgrammeBoard,
  /** To every screen and kiosk of a venue on each raise and clear, and to each one as it connects. */
  'emergency:state': VenueEmergency,
  /** To one device: reload the page (staff pressed “reload” in the console). */
  'device:reload': Type.Object({}),
  /** To one device: show your name large for a while. */
  'device:identify': DeviceIdentify,
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
