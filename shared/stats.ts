import { Type, type Static } from '@sinclair/typebox';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';

/** The day's figures, for the console and the `stats` scene: counts only, never a person. */
export const StatsSnapshot = Type.Object({
  registered: Type.Integer(),
  checkedInToday: Type.Integer(),
  venues: Type.Array(Type.Object({ venueId: Type.String(), name: Type.String(), nameEn: Type.String(), checkedIn: Type.Integer() })),
  stations: Type.Array(Type.Object({ checkpointId: Type.String(), name: Type.String(), nameEn: Type.String(), stamps: Type.Integer() })),
  /** Entries per hour of today (Beijing time), hours 0–23. */
  perHour: Type.Array(Type.Integer(), { minItems: 24, maxItems: 24 }),
  passportsCompleted: Type.Integer(),
  day: Type.String(),
  revision: Type.Integer(),
});
export type StatsSnapshot = Static<typeof StatsSnapshot>;

/** The stats commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const statsCommands = {
  /** Consoles and `stats` screens get the day's counts, then every update. */
  'stats:watch': { request: EmptyRequest, reply: StatsSnapshot },
} as const satisfies CommandTable;

/** The stats events the hub sends. */
export const statsEvents = {
  /** The day's counts, at most twice a second, to sockets that watch them. */
  'stats:update': StatsSnapshot,
} as const satisfies EventTable;
