import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ClientCommand, CommandReply, CommandRequest } from '../shared/events.ts';
import type { Locale } from '../shared/errors.ts';
import type { Target } from './auth/guard.ts';
import type { Actor, Identity } from './auth/identity.ts';
import type { HubClock } from './clock.ts';
import type { HubConfig } from './config.ts';
import type { Broadcast } from './realtime/broadcast.ts';
import type { HubIo, HubSocket } from './realtime/socket-server.ts';
import type { Db } from './store/database.ts';

/**
 * The shape every domain of the hub has (stage, devices, check-in, live quiz…): what it adds to
 * the hub, which hub.ts walks. A domain owns its commands (each with the target the guard checks),
 * its REST routes, what it does when a socket connects, and what it does when the hub starts and
 * stops. Adding a command touches its domain, its shared protocol file, the permission table and
 * the catalogs; nothing central.
 */
export interface HubDomain {
  /** For logs and for the check that every command of the protocol has exactly one domain. */
  name: string;
  commands?: CommandSpecs;
  /** Registered as a Fastify plugin, in the order of the domain list. */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Every new socket (after its identity is known): rooms to join, state to send unasked. */
  onConnect?(socket: HubSocket): void;
  /** After every domain is built and the hub listens: timers set again after a restart. */
  start?(): void;
  /**
   * After a rehearsal reset or a new event replaced the data under it (store already committed):
   * forget what it keeps in memory about it (caches, timers of deleted sessions).
   */
  dataReplaced?(): void;
  /** Before the store closes. */
  stop?(): void | Promise<void>;
}

/**
 * A domain as its module builds it: the HubDomain parts and whatever else other domains need from
 * it (its service, a feed's `changed`), typed as written.
 */
export const defineDomain = <D extends HubDomain>(domain: D): D => domain;

/** What every command handler gets beside its (checked) request. */
export interface CommandContext {
  identity: Identity;
  /** Who did it, for the audit log. */
  actor: Actor;
  socket: HubSocket;
  locale: Locale;
  /** What the command touches, as its `target` resolved it (already checked by the guard). */
  targets: Target[];
}

export interface CommandSpec<C extends ClientCommand> {
  /**
   * The venues and groups the request touches, for the guard's reach step (venue-scoped
   * permissions). Resolved once, before `run`; every target is checked, so a command naming
   * several venues is refused whole if one is out of reach. Throws for an unknown one.
   */
  target?: (request: CommandRequest<C>, identity: Identity) => Target | Target[] | undefined;
  run(request: CommandRequest<C>, ctx: CommandContext): CommandReply<C> | Promise<CommandReply<C>>;
}

/** A domain's commands, each typed by its protocol entry. */
export type CommandSpecs = { [C in ClientCommand]?: CommandSpec<C> };

/** A domain's commands, all of those it names: `commands<'stage:take' | …>({ … })` keeps each one typed. */
export const commands = <C extends ClientCommand>(specs: { [K in C]: CommandSpec<K> }): CommandSpecs => specs as CommandSpecs;

/** What the hub gives every domain. */
export interface HubCore {
  db: Db;
  config: HubConfig;
  log: FastifyBaseLogger;
  clock: HubClock;
  /** The Socket.io server (attached after the routes; read it in handlers, not while building). */
  io(): HubIo;
  /** Every event to clients goes through here: sent once the write behind it has committed. */
  broadcast: Broadcast;
  /** The kiosk app's public address (join QR codes). */
  kioskUrl(): string;
}
