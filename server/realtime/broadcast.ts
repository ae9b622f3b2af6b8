import type { ServerToClientEvents } from '../../shared/events.ts';
import { afterCommit } from '../store/after-commit.ts';
import type { Db } from '../store/database.ts';
import type { HubIo } from './socket-server.ts';

type ServerEvent = keyof ServerToClientEvents;
type ServerEventPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Sends a hub event to rooms (or socket ids) once the write that caused it has committed: a
 * broadcast made inside a transaction waits for the outermost commit, and is dropped if it rolls
 * back. Every domain's publisher goes through this one path, so no screen ever shows a state the
 * store does not hold.
 */
export type Broadcast = <E extends ServerEvent>(rooms: string | string[], event: E, payload: ServerEventPayload<E>) => void;

export function createBroadcast(db: Db, io: () => HubIo): Broadcast {
  // The event's payload is typed by the signature above; Socket.io's own generic emit cannot follow it.
  const roomsOf = (rooms: string | string[]) => io().to(rooms) as unknown as { emit(event: ServerEvent, payload: unknown): boolean };
  return (rooms, event, payload) => afterCommit(db, () => roomsOf(rooms).emit(event, payload));
}
