import type { FastifyBaseLogger } from 'fastify';
import type { Ack } from '../../shared/ack.ts';
import { errorMessage, type Locale } from '../../shared/errors.ts';
import { clientCommands, isClientCommand, type ClientCommand } from '../../shared/events.ts';
import { HubError } from '../hub-error.ts';
import { checkRequest } from './check-request.ts';
import { checkReach, checkRole, type Target } from '../auth/guard.ts';
import { actorOf } from '../auth/identity.ts';
import type { CommandContext, CommandSpec, CommandSpecs } from '../domain.ts';
import type { HubClock } from '../clock.ts';
import type { HubSocket } from './socket-server.ts';
import { newBucket, takeToken, type RateLimit } from './rate-limiter.ts';

const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };
/**
 * A paired kiosk at a busy gate sends a scan a second, and after an outage flushes its outbox as
 * fast as the hub answers: a device the staff paired gets a larger budget than an unknown socket.
 */
const DEVICE_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 400 };

function failure(error: unknown, locale: Locale, log: FastifyBaseLogger): Ack<never> {
  if (error instanceof HubError) {
    return { ok: false, code: error.code, message: errorMessage(error.code, locale), detail: error.detail };
  }
  log.error({ err: error }, 'command failed');
  return { ok: false, code: 'INTERNAL', message: errorMessage('INTERNAL', locale) };
}

export interface RouteOptions {
  /** Every command of the protocol, from the domains (hub.ts checks that none is missing). */
  commands: CommandSpecs;
  log: FastifyBaseLogger;
  clock: HubClock;
  /** Default: by identity, DEVICE_RATE_LIMIT for paired devices, DEFAULT_RATE_LIMIT for everyone else. */
  limit?: RateLimit;
}

/**
 * The one path every client event takes: rate limit → known event → role → schema check →
 * target (venue, group) → reach → domain handler → acknowledgement. Handlers stay thin and never
 * see an unchecked payload or an unauthorised caller.
 */
export function routeCommands(socket: HubSocket, options: RouteOptions): void {
  const { log, clock } = options;
  const limit = options.limit ?? (socket.data.identity.kind === 'device' ? DEVICE_RATE_LIMIT : DEFAULT_RATE_LIMIT);
  const locale: Locale = socket.data.locale ?? 'zh-CN';
  const bucket = newBucket(limit, clock.now());
  let refusedSinceLog = 0;
  let lastRefusalLog = 0;

  // Everything is handled here, in socket middleware: Socket.io calls onAny listeners before
  // middleware, so a limit placed there would not hold. Nothing is passed on to listeners.
  socket.use(([event, ...args]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (reply: Ack<unknown>) => void) : undefined;
    const name = String(event).slice(0, 40);
    if (!takeToken(bucket, limit, clock.now())) {
      refusedSinceLog += 1;
      // One log line a second per flooding socket, not one per event.
      if (clock.now() - lastRefusalLog > 1000) {
        log.warn({ socket: socket.id, event: name, refused: refusedSinceLog }, 'rate limit: events refused');
        lastRefusalLog = clock.now();
        refusedSinceLog = 0;
      }
      ack?.({ ok: false, code: 'RATE_LIMITED', message: errorMessage('RATE_LIMITED', locale) });
      return;
    }
    if (!isClientCommand(name)) {
      log.warn({ socket: socket.id, event: name }, 'unknown event dropped');
      ack?.(failure(new HubError('UNKNOWN_EVENT', `"${name}" is not an event of this protocol`), locale, log));
      return;
    }
    if (!ack) log.warn({ socket: socket.id, event: name }, 'command sent without acknowledgement callback');
    void runCommand(name, args[0], socket, options, locale).then((reply) => ack?.(reply));
  });
}

/** Acknowledges only once the handler (and so the store) is done. */
async function runCommand(
  command: ClientCommand,
  payload: unknown,
  socket: HubSocket,
  { commands, log, clock }: RouteOptions,
  locale: Locale,
): Promise<Ack<unknown>> {
  try {
    const identity = socket.data.identity;
    checkRole(identity, command, clock.now());
    checkRequest(clientCommands[command].request, payload);
    const spec = commands[command] as CommandSpec<ClientCommand> | undefined;
    if (!spec) throw new HubError('UNKNOWN_EVENT', `no domain handles "${command}"`);
    const targets = toTargets(spec.target?.(payload as never, identity));
    for (const target of targets) checkReach(identity, command, target);
    const ctx: CommandContext = { identity, actor: actorOf(identity, socket.handshake.address), socket, locale, targets };
    return { ok: true, data: await spec.run(payload as never, ctx) };
  } catch (error) {
    if (error instanceof HubError) log.info({ socket: socket.id, command, code: error.code, detail: error.detail }, 'command refused');
    return failure(error, locale, log);
  }
}

const toTargets = (found: Target | Target[] | undefined): Target[] => (found === undefined ? [] : Array.isArray(found) ? found : [found]);
