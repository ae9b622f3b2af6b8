import { Type, type Static } from '@sinclair/typebox';
import { EmptyRequest, type CommandTable } from './protocol-table.ts';

/**
 * The readiness view (就绪检查): what is still missing before the day, venue by venue, so the
 * organiser calls the right unit the day before rather than finding out at 9 o'clock.
 */
const READINESS_KINDS = [
  /** A venue with no paired screen at all. */
  'venue-no-screen',
  /** A sub-venue no operator account runs. */
  'venue-no-operator',
  /** A screen group no screen is paired to. */
  'group-no-screen',
  /** A screen group whose programme is blank or unset. */
  'group-nothing-on-air',
  /** An entrance or station no kiosk is assigned to. */
  'point-no-kiosk',
  /** An operator account that has never signed in (its liaison may not have the password). */
  'operator-never-signed-in',
  /** A running-order item that puts nothing on screens. */
  'programme-no-scene',
] as const;

export const ReadinessItem = Type.Object({
  kind: Type.Union(READINESS_KINDS.map((kind) => Type.Literal(kind))),
  /** The venue it belongs to (null: the whole event, e.g. a running-order item). */
  venueId: Type.Union([Type.String(), Type.Null()]),
  venueName: Type.String(),
  /** What is missing something: a group's, point's, account's or item's name ('' for a venue itself). */
  subject: Type.String(),
});
export type ReadinessItem = Static<typeof ReadinessItem>;

const ReadinessReply = Type.Object({
  items: Type.Array(ReadinessItem),
  /** How many venues were looked at (of the caller's), so "nothing missing" can say of how many. */
  venues: Type.Integer(),
});
export type ReadinessReply = Static<typeof ReadinessReply>;

/** The readiness command of the socket protocol (shared/events.ts gathers every domain's). */
export const readinessCommands = {
  /** What is still missing, in the caller's venues (an admin: all). */
  'venue:readiness': { request: EmptyRequest, reply: ReadinessReply },
} as const satisfies CommandTable;
