import { createLiveService } from './live/live-service.ts';
import { createPlayerTokens } from './live/player-token.ts';
import { liveCommands, livePublisher } from './live/live-commands.ts';
import { liveRoutes } from './live/live-routes.ts';
import { createDrawService } from './draw/draw-service.ts';
import { drawCommands, drawPublisher } from './draw/draw-commands.ts';
import { drawRoutes } from './draw/draw-routes.ts';
import { createAwardsService } from './awards/awards-service.ts';
import { awardsCommands, awardsPublisher } from './awards/awards-commands.ts';
import { awardsRoutes } from './awards/awards-routes.ts';
import { createProgrammeService } from './programme/programme-service.ts';
import { programmeCommands, programmePublisher } from './programme/programme-commands.ts';
import { checkBank } from './quiz/bank-check.ts';
import { bankImageExists, builtinBankItems } from './quiz/builtin-bank.ts';
import { createQuestionStore } from './quiz/question-store.ts';
import { createChallengeService } from './quiz/challenge-service.ts';
import { createLeaderboardQueries, LEADERBOARD_ROOM } from './quiz/leaderboard.ts';
import { quizCommands } from './quiz/quiz-commands.ts';
import { bankRoutes } from './quiz/bank-routes.ts';
import { createThrottledFeed } from './realtime/throttled-feed.ts';
import { eventDay } from './checkin/checkin-rules.ts';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { createTargetResolver } from './auth/action-targets.ts';
import { accountRoutes } from './auth/account-routes.ts';
import { createAuthService } from './auth/auth-service.ts';
import { useRequestAuth } from './auth/request-auth.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import { accountRoom, identifySockets } from './auth/socket-identity.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { deviceCommands, deviceNotifier, isDeviceOnline } from './devices/device-commands.ts';
import { deviceRoutes } from './devices/device-routes.ts';
import { createDeviceHealth } from './devices/device-health.ts';
import { deviceHealthCommands, deviceRemote, noteDeviceDisconnect } from './devices/device-health-commands.ts';
import { deviceHealthRoutes } from './devices/device-health-routes.ts';
import { createEmergencyService } from './emergency/emergency-service.ts';
import { emergencyCommands, emergencyPublisher, sendEmergencyOnConnect } from './emergency/emergency-commands.ts';
import { createDeviceService } from './devices/device-service.ts';
import { createPairingCodes } from './devices/pairing-codes.ts';
import { checkinCommands, STATS_ROOM } from './checkin/checkin-commands.ts';
import { createStatsFeed } from './checkin/stats-feed.ts';
import { createCheckinService, type CheckinService } from './checkin/checkin-service.ts';
import { createPassKeys, type PassKeys } from './passes/pass-keys.ts';
import { visitorRoutes } from './visitors/visitor-routes.ts';
import { createVisitorService } from './visitors/visitor-service.ts';
import { useSecurityHeaders } from './web/security-headers.ts';
import { withRedaction } from './log-redaction.ts';
import type { HubConfig } from './config.ts';
import { seedDemoContent, DEMO_MEDIA_DIR } from './demo/seed-demo.ts';
import { routeCommands } from './realtime/command-router.ts';
import { attachSocketServer, MAX_MESSAGE_BYTES, type HubIo } from './realtime/socket-server.ts';
import { stageCommands } from './stage/stage-commands.ts';
import { stageBroadcaster } from './stage/stage-rooms.ts';
import { stageRoutes } from './stage/stage-routes.ts';
import { createStageService } from './stage/stage-service.ts';
import { openDatabase, type Db } from './store/database.ts';
import { startCheckpointer } from './store/checkpointer.ts';
import { appStatic, mediaStatic } from './web/app-static.ts';
import { createMediaService } from './media/media-service.ts';
import { mediaLimitsFromEnv } from './media/media-limits.ts';
import { mediaRoutes } from './media/media-routes.ts';
import { useHubErrors } from './web/error-replies.ts';
import { healthRoute } from './web/health-route.ts';
import { publicBaseUrl } from './web/public-address.ts';

const VERSION = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Hub {
  app: FastifyInstance;
  io: HubIo;
  db: Db;
  passKeys: PassKeys;
  checkin: CheckinService;
  /** Set only on the first start of an empty store without ADMIN_PASSWORD: print it once. */
  initialAdminPassword: string | undefined;
  /** Starts listening; resolves to the base URL people should use. */
  listen(): Promise<string>;
  baseUrl(): string;
  close(): Promise<void>;
}

/** Builds the whole hub: store, HTTP routes, Socket.io and the domains wired between them. */
export async function createHub(config: HubConfig, logger: boolean | object = { level: config.logLevel }): Promise<Hub> {
  const db = openDatabase(config.dataDir);
  const seeded = seedDemoContent(db);
  // Request lines are left out: screens and kiosks poll all day; refusals and failures are logged.
  const app = Fastify({
    logger: withRedaction(logger),
    bodyLimit: MAX_MESSAGE_BYTES,
    forceCloseConnections: true,
    logController: new LogController({ disableRequestLogging: true }),
  });
  if (seeded) app.log.info('empty data folder: demo event seeded');
  const checkpointer = startCheckpointer(db, (message) => app.log.error({ message }, 'store: WAL checkpoint failed'));

  let base = publicBaseUrl(config.publicUrl, config.host, config.port);
  const kioskUrl = () => `${base}/kiosk/`;

  // The io server is attached after the routes, but the services need to reach it.
  let io: HubIo | undefined;
  const ioNow = () => io!;
  const stage = createStageService(db, stageBroadcaster(ioNow), kioskUrl);
  const media = createMediaService(db, config.dataDir, mediaLimitsFromEnv());
  const auth = createAuthService(db, app.log, (accountId) => ioNow().in(accountRoom(accountId)).disconnectSockets(true));
  const devices = createDeviceService(db, createPairingCodes(), deviceNotifier(ioNow), app.log);
  const resolveTarget = createTargetResolver(db);
  const passKeys = createPassKeys(db);
  const stats = createStatsFeed(db, (snapshot) => ioNow().to(STATS_ROOM).emit('stats:update', snapshot));
  const visitors = createVisitorService(db, passKeys, stats.changed);
  const checkin = createCheckinService(db, passKeys, stats.changed);
  const questions = createQuestionStore(db);
  questions.seedBuiltin(checkBank(builtinBankItems(), { imageExists: bankImageExists }).questions);
  const leaderboardQueries = createLeaderboardQueries(db);
  const leaderboardFeed = createThrottledFeed(
    (revision) => leaderboardQueries.read(eventDay(Date.now()), revision),
    (board) => ioNow().to(LEADERBOARD_ROOM).emit('leaderboard:update', board),
  );
  const challenges = createChallengeService(db, questions, leaderboardFeed.changed);
  const live = createLiveService(db, questions, createPlayerTokens(db), livePublisher(ioNow), app.log);
  const programme = createProgrammeService(db, stage, programmePublisher(ioNow));
  const emergency = createEmergencyService(db, emergencyPublisher(ioNow), (deviceId) => isDeviceOnline(ioNow, deviceId), app.log);
  const deviceHealth = createDeviceHealth(db);
  const draws = createDrawService(db, drawPublisher(ioNow));
  const awards = createAwardsService(db, awardsPublisher(ioNow));
  const initialAdminPassword = await auth.ensureAdmin(config.adminPassword);

  useHubErrors(app);
  await useSecurityHeaders(app);
  await app.register(fastifyCookie);
  useRequestAuth(app, auth, resolveTarget);
  await app.register(healthRoute, { version: VERSION, connectedClients: () => io?.engine.clientsCount ?? 0 });
  await app.register(sessionRoutes, { auth });
  await app.register(accountRoutes, { auth });
  await app.register(deviceRoutes, { devices, isOnline: (deviceId) => isDeviceOnline(ioNow, deviceId) });
  await app.register(deviceHealthRoutes, { db, devices, health: deviceHealth, remote: deviceRemote(ioNow), isOnline: (deviceId) => isDeviceOnline(ioNow, deviceId) });
  await app.register(auditRoutes, { db });
  await app.register(visitorRoutes, { visitors, keys: passKeys, db });
  await app.register(stageRoutes, { stage });
  await app.register(appStatic, { appsDir: config.appsDir });
  await app.register(bankRoutes, { questions, db });
  await app.register(liveRoutes, { live });
  await app.register(drawRoutes, { draws });
  await app.register(awardsRoutes, { awards });
  await app.register(mediaStatic, { demoMediaDir: DEMO_MEDIA_DIR, uploadedMediaDir: media.dir });
  await app.register(mediaRoutes, { media });
  app.get('/', (_request, reply) => reply.redirect('/kiosk/'));

  io = attachSocketServer(app.server, app.log);
  identifySockets(io, auth, devices, app.log);
  const handlers = {
    ...stageCommands(stage), ...deviceCommands(devices), ...checkinCommands(visitors, checkin, stats, devices, db),
    ...quizCommands(challenges, checkin, { feed: leaderboardFeed, queries: leaderboardQueries }, db),
    ...liveCommands(live, checkin, db),
    ...programmeCommands(programme),
    ...emergencyCommands(emergency), ...deviceHealthCommands(deviceHealth),
    ...drawCommands(draws), ...awardsCommands(awards, live),
  };
  live.resumeTimers();
  io.on('connection', (socket) => routeCommands(socket, { handlers, resolveTarget, log: app.log }));
  io.on('connection', (socket) => {
    sendEmergencyOnConnect(socket, emergency);
    noteDeviceDisconnect(socket, deviceHealth);
  });

  // Transports close first, so no command lands after the store is closed. Closing the engine
  // (not disconnecting each socket) lets clients see a lost link and reconnect to the next hub.
  app.addHook('preClose', async () => {
    io!.engine.close();
  });
  app.addHook('onClose', async () => {
    stats.stop();
    leaderboardFeed.stop();
    live.stop();
    deviceHealth.stop();
    await checkpointer.stop();
    db.close();
  });

  return {
    app,
    io,
    db,
    initialAdminPassword,
    passKeys,
    checkin,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const { port } = app.server.address() as AddressInfo;
      base = publicBaseUrl(config.publicUrl, config.host, port);
      return base;
    },
    baseUrl: () => base,
    close: () => app.close(),
  };
}
