import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { Ack } from '../../shared/ack.ts';
import { errorMessage, type Locale } from '../../shared/errors.ts';
import { clientCommands, isClientCommand, type ClientCommand, type CommandReply, type CommandRequest } from '../../shared/events.ts';
import { HubError } from '../hub-error.ts';
import { checkRequest } from './check-request.ts';
import { checkReach, checkRole } from '../auth/guard.ts';
import type { Identity } from '../auth/identity.ts';
import type { TargetResolver } from '../auth/action-targets.ts';
import { newBucket, takeToken, type RateLimit } from './rate-limiter.ts';

export type CommandHandler<C extends ClientCommand> = (
  request: CommandRequest<C>,
  socket: Socket,
) => CommandReply<C> | Promise<CommandReply<C>>;
export type CommandHandlers = { [C in ClientCommand]: CommandHandler<C> };

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };
/**
 * A paired kiosk at a busy gate sends a scan a second, and after an outage flushes its outbox as
 * fast as the hub answers: a device the staff paired gets a larger budget than an unknown socket.
 */
export const DEVICE_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 400 };

export function failure(error: unknown, locale: Locale, log: FastifyBaseLogger): Ack<never> {
  if (error instanceof HubError) {
    return { ok: false, code: error.code, message: errorMessage(error.code, locale), detail: error.detail };
  }
  log.error({ err: error }, 'command failed');
  return { ok: false, code: 'INTERNAL', message: errorMessage('INTERNAL', locale) };
}

export interface RouteOptions {
  handlers: CommandHandlers;
  resolveTarget: TargetResolver;
  log: FastifyBaseLogger;
  /** Default: by identity, DEVICE_RATE_LIMIT for paired devices, DEFAULT_RATE_LIMIT for everyone else. */
  limit?: RateLimit;
}

/**
 * The one path every client event takes: rate limit → known event → role → schema check →
 * reach (venue, group) → domain handler → acknowledgement. Handlers stay thin and never see an
 * unchecked payload or an unauthorised caller.
 */
export function routeCommands(socket: Socket, { handlers, resolveTarget, log, limit: chosen }: RouteOptions): void {
  const limit = chosen ?? ((socket.data.identity as Identity | undefined)?.kind === 'device' ? DEVICE_RATE_LIMIT : DEFAULT_RATE_LIMIT);
  const locale: Locale = socket.data.locale ?? 'zh-CN';
  const bucket = newBucket(limit, Date.now());
  let refusedSinceLog = 0;
  let lastRefusalLog = 0;

  // Everything is handled here, in socket middleware: Socket.io calls onAny listeners before
  // middleware, so a limit placed there would not hold. Nothing is passed on to listeners.
  socket.use(([event, ...args]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (reply: Ack<unknown>) => void) : undefined;
    const name = String(event).slice(0, 40);
    if (!takeToken(bucket, limit, Date.now())) {
      refusedSinceLog += 1;
      // One log line a second per flooding socket, not one per event.
      if (Date.now() - lastRefusalLog > 1000) {
        log.warn({ socket: socket.id, event: name, refused: refusedSinceLog }, 'rate limit: events refused');
        lastRefusalLog = Date.now();
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
    void runCommand(name, args[0], socket, { handlers, resolveTarget, log }, locale).then((reply) => ack?.(reply));
  });
}

/** Acknowledges only once the handler (and so the store) is done. */
async function runCommand(
  command: ClientCommand,
  payload: unknown,
  socket: Socket,
  { handlers, resolveTarget, log }: RouteOptions,
  locale: Locale,
): Promise<Ack<unknown>> {
  try {
    const identity = socket.data.identity as Identity;
    checkRole(identity, command);
    checkRequest(clientCommands[command].request, payload);
    checkReach(identity, command, resolveTarget(command, payload as Record<string, unknown>));
    const handler = handlers[command] as (request: unknown, socket: Socket) => unknown;
    return { ok: true, data: await handler(payload, socket) };
  } catch (error) {
    if (error instanceof HubError) log.info({ socket: socket.id, command, code: error.code, detail: error.detail }, 'command refused');
    return failure(error, locale, log);
  }
}
