import type { Static } from '@sinclair/typebox';
import type { AckCallback } from './ack.ts';
import { awardsCommands, awardsEvents } from './awards.ts';
import { checkinCommands, checkinEvents } from './checkin.ts';
import { clockCommands } from './clock.ts';
import { deviceHealthCommands, deviceHealthEvents } from './device-health.ts';
import { drawCommands, drawEvents } from './draw.ts';
import { emergencyCommands, emergencyEvents } from './emergency.ts';
import { eventCommands, eventEvents } from './event.ts';
import { venueSetupCommands } from './venue-setup.ts';
import { readinessCommands } from './readiness.ts';
import { pairingCommands, pairingEvents } from './identity.ts';
import { liveCommands, liveEvents } from './live.ts';
import { programmeCommands, programmeEvents } from './programme.ts';
import { quizCommands, quizEvents } from './quiz.ts';
import { stageCommands, stageEvents } from './stage.ts';
import { statsCommands, statsEvents } from './stats.ts';
import { visitorCommands } from './visitors.ts';

/**
 * The whole Socket.io protocol, gathered from the domains' shared files (each domain declares its
 * commands and events beside its schemas). Every command a client sends has a request schema
 * (checked by the hub at the boundary) and a reply schema; every event the hub sends has a
 * payload schema. A domain's new command goes in its own file; only a new domain adds a line here.
 */
export const clientCommands = {
  ...stageCommands,
  ...clockCommands,
  ...pairingCommands,
  ...deviceHealthCommands,
  ...visitorCommands,
  ...checkinCommands,
  ...statsCommands,
  ...quizCommands,
  ...liveCommands,
  ...programmeCommands,
  ...emergencyCommands,
  ...drawCommands,
  ...awardsCommands,
  ...eventCommands,
  ...venueSetupCommands,
  ...readinessCommands,
} as const;

export const serverEvents = {
  ...stageEvents,
  ...pairingEvents,
  ...deviceHealthEvents,
  ...checkinEvents,
  ...statsEvents,
  ...quizEvents,
  ...liveEvents,
  ...programmeEvents,
  ...emergencyEvents,
  ...drawEvents,
  ...awardsEvents,
  ...eventEvents,
} as const;

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
