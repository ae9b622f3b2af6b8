import { Type, type Static } from '@sinclair/typebox';

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
