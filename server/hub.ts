import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { clientCommands, type ClientCommand } from '../shared/events.ts';
import { auditDomain } from './audit/audit-domain.ts';
import { authDomain } from './auth/auth-domain.ts';
import { useRequestAuth } from './auth/request-auth.ts';
import { identifySockets } from './auth/socket-identity.ts';
import { awardsDomain } from './awards/awards-domain.ts';
import { checkinDomain } from './checkin/checkin-domain.ts';
import type { CheckinService } from './checkin/checkin-service.ts';
import { statsDomain } from './checkin/stats-domain.ts';
import { realClock, type HubClock } from './clock.ts';
import { clockDomain } from './clock-sync/clock-domain.ts';
import type { HubConfig } from './config.ts';
import { seedDemoContent } from './demo/seed-demo.ts';
import { devicesDomain } from './devices/devices-domain.ts';
import type { CommandSpecs, HubCore, HubDomain } from './domain.ts';
import { drawDomain } from './draw/draw-domain.ts';
import { emergencyDomain } from './emergency/emergency-domain.ts';
import { venuesDomain } from './venues/venues-domain.ts';
import { eventDomain } from './event/event-domain.ts';
import { eventFileDomain } from './event-file/event-file-domain.ts';
import { liaisonDomain } from './liaison/liaison-domain.ts';
import { liveDomain } from './live/live-domain.ts';
import { withRedaction } from './log-redaction.ts';
import { mediaDomain } from './media/media-domain.ts';
import type { PassKeys } from './passes/pass-keys.ts';
import { PROJECT_DIR } from './project-dir.ts';
import { programmeDomain } from './programme/programme-domain.ts';
import { quizDomain } from './quiz/quiz-domain.ts';
import { createBroadcast } from './realtime/broadcast.ts';
import { routeCommands } from './realtime/command-router.ts';
import { attachSocketServer, MAX_MESSAGE_BYTES, type HubIo } from './realtime/socket-server.ts';
import { stageDomain } from './stage/stage-domain.ts';
import { startCheckpointer } from './store/checkpointer.ts';
import { openDatabase, type Db } from './store/database.ts';
import { markHubRunning } from './store/hub-lock.ts';
import { visitorsDomain } from './visitors/visitors-domain.ts';
import { useHubErrors } from './web/error-replies.ts';
import { publicBaseUrl } from './web/public-address.ts';
import { useSecurityHeaders } from './web/security-headers.ts';
import { webDomain } from './web/web-domain.ts';

const VERSION = (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string }).version;

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

export interface HubOptions {
  /** Fastify's logger settings; false for none. */
  logger?: boolean | object;
  /** The hub's time and timers (tests hand in a manual clock). */
  clock?: HubClock;
}

/**
 * Builds the whole hub: the store, then each domain (in the order they depend on each other),
 * then walks the list: their REST routes, their socket commands (every command of the protocol
 * handled by exactly one), what they do when a socket connects, starts and stops.
 */
export async function createHub(config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const clock = options.clock ?? realClock;
  const db = openDatabase(config.dataDir);
  const unmark = markHubRunning(config.dataDir);
  const seeded = seedDemoContent(db, undefined, clock.now());
  // Request lines are left out: screens and kiosks poll all day; refusals and failures are logged.
  const app = Fastify({
    logger: withRedaction(options.logger ?? { level: config.logLevel }),
    bodyLimit: MAX_MESSAGE_BYTES,
    forceCloseConnections: true,
    logController: new LogController({ disableRequestLogging: true }),
  });
  if (seeded) app.log.info('empty data folder: demo event seeded');
  const checkpointer = startCheckpointer(db, (message) => app.log.error({ message }, 'store: WAL checkpoint failed'));

  let base = publicBaseUrl(config.publicUrl, config.host, config.port);
  // The io server is attached after the routes; domains reach it only when they run.
  const attached: { io?: HubIo } = {};
  const ioNow = () => attached.io!;
  const core: HubCore = { db, config, log: app.log, clock, io: ioNow, broadcast: createBroadcast(db, ioNow), kioskUrl: () => `${base}/kiosk/` };

  const auth = authDomain(core);
  const event = eventDomain(core, { dataReplaced: () => dataReplaced() });
  const devices = devicesDomain(core);
  const stage = stageDomain(core);
  const stats = statsDomain(core);
  const visitors = visitorsDomain(core, stats.changed);
  const checkin = checkinDomain(core, { passKeys: visitors.passKeys, devices: devices.service, counted: stats.changed });
  const quiz = quizDomain(core, { checkin: checkin.service });
  const live = liveDomain(core, { questions: quiz.questions, checkin: checkin.service });
  // A venue added or renamed is part of the event every client shows, and a row of the figures.
  const venues = venuesDomain(core, {
    changed: () => {
      event.service.venuesChanged();
      stats.changed();
    },
  });
  const domains: HubDomain[] = [
    webDomain(core, { version: VERSION }),
    auth,
    event,
    eventFileDomain(core, { event: event.service }),
    venues,
    liaisonDomain(core, { venues: venues.service }),
    devices,
    clockDomain(core),
    stage,
    mediaDomain(core),
    stats,
    visitors,
    checkin,
    quiz,
    live,
    programmeDomain(core, { stage: stage.service }),
    emergencyDomain(core, { isOnline: devices.isOnline }),
    drawDomain(core),
    awardsDomain(core, { live: live.service }),
    auditDomain(core),
  ];
  const commands = commandsOf(domains);
  /**
   * After a rehearsal reset or a new event: each domain forgets what it kept in memory, then every
   * client reconnects (its transport closed once the reply in hand is sent) and loads afresh, the
   * way it does after a lost link; no domain has to push each view it might have shown.
   */
  function dataReplaced() {
    for (const domain of domains) domain.dataReplaced?.();
    setImmediate(() => {
      for (const socket of attached.io?.sockets.sockets.values() ?? []) socket.conn.close();
    });
  }
  const initialAdminPassword = await auth.service.ensureAdmin(config.adminPassword);

  useHubErrors(app);
  await useSecurityHeaders(app);
  await app.register(fastifyCookie);
  useRequestAuth(app, auth.service);
  for (const domain of domains) if (domain.routes) await app.register(domain.routes);

  const io = (attached.io = attachSocketServer(app.server, app.log));
  identifySockets(io, auth.service, devices.service, app.log);
  io.on('connection', (socket) => {
    routeCommands(socket, { commands, log: app.log, clock });
    for (const domain of domains) domain.onConnect?.(socket);
  });
  for (const domain of domains) domain.start?.();

  // Transports close first, so no command lands after the store is closed. Closing the engine
  // (not disconnecting each socket) lets clients see a lost link and reconnect to the next hub.
  app.addHook('preClose', async () => {
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    for (const domain of domains) await domain.stop?.();
    await checkpointer.stop();
    db.close();
    unmark();
  });

  return {
    app,
    io,
    db,
    initialAdminPassword,
    passKeys: visitors.passKeys,
    checkin: checkin.service,
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

/** Every command of the protocol from the domains: each handled by exactly one, none missing. */
function commandsOf(domains: HubDomain[]): CommandSpecs {
  const all: CommandSpecs = {};
  for (const domain of domains) {
    for (const [command, spec] of Object.entries(domain.commands ?? {})) {
      if (command in all) throw new Error(`command ${command} is handled by two domains (the second: ${domain.name})`);
      Object.assign(all, { [command]: spec });
    }
  }
  const missing = (Object.keys(clientCommands) as ClientCommand[]).filter((command) => !(command in all));
  if (missing.length > 0) throw new Error(`no domain handles ${missing.join(', ')}`);
  return all;
}
