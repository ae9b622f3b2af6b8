import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { Scene } from './scenes.ts';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';

/**
 * The day's running order (节目单): items with a planned start (HH:MM on the event day, Beijing
 * time) and a length, each with the scene the main stage shows while it runs. The MC's pointer
 * (which item is on now) is the truth; the planned times are the plan, and the console shows how
 * far the show runs late or early against it.
 */
export const PROGRAMME_LIMITS = {
  titleMax: 40,
  titleEnMax: 80,
  performersMax: 60,
  notesMax: 300,
  minLength: 1,
  maxLength: 240,
  groupsMax: 6,
  /** Items after the one on now that lobby screens list. */
  following: 3,
} as const;

/** The event's clock: Beijing time (UTC+8), no daylight saving. */
const PROGRAMME_UTC_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

/** Generated `pi-` + 8 hex; seeded items use readable names. Never 'next' or 'back'. */
const ProgrammeItemId = Type.String({ pattern: '^pi-[a-z0-9-]{1,40}$' });

export const ProgrammeItem = Type.Object({
  id: ProgrammeItemId,
  title: Type.String(),
  /** Empty when there is no English title. */
  titleEn: Type.String(),
  /** Performers or speaker; may be empty. */
  performers: Type.String(),
  /** Planned start, "HH:MM" on the event day. */
  start: Type.String(),
  lengthMin: Type.Integer(),
  scene: Scene,
  /** Display groups that take the item's scene; empty: the main venue's main stage. */
  groupIds: Type.Array(Slug),
  /** For the MC only: never sent to screens. */
  notes: Type.String(),
});
export type ProgrammeItem = Static<typeof ProgrammeItem>;

/** What consoles see: every item in start order, and where the MC stands. */
export const ProgrammeState = Type.Object({
  revision: Type.Integer({ minimum: 0 }),
  /** The event day the planned times belong to, YYYY-MM-DD. */
  day: Type.String(),
  items: Type.Array(ProgrammeItem),
  /** The item on now (the MC's pointer); null before the show starts. */
  currentId: Type.Union([ProgrammeItemId, Type.Null()]),
  /** When the MC started the current item (hub clock). */
  startedAt: Type.Union([Type.Integer(), Type.Null()]),
  /** The hub's clock when this was sent: clients count with it, not with their own clock. */
  serverNow: Type.Integer(),
});
export type ProgrammeState = Static<typeof ProgrammeState>;

/** One line of a lobby screen's programme: no notes, no scene. */
export const BoardItem = Type.Object({
  id: ProgrammeItemId,
  title: Type.String(),
  titleEn: Type.String(),
  performers: Type.String(),
  start: Type.String(),
  lengthMin: Type.Integer(),
});
export type BoardItem = Static<typeof BoardItem>;

/** What a `program` scene shows: now, and the next few. */
export const ProgrammeBoard = Type.Object({
  revision: Type.Integer({ minimum: 0 }),
  day: Type.String(),
  current: Type.Union([BoardItem, Type.Null()]),
  startedAt: Type.Union([Type.Integer(), Type.Null()]),
  following: Type.Array(BoardItem),
  serverNow: Type.Integer(),
});
export type ProgrammeBoard = Static<typeof ProgrammeBoard>;

const strict = { additionalProperties: false } as const;

/**
 * An item as the admin sends it (no id: a new one). Lengths here are only a ceiling for the
 * wire; the real limits are checked by the hub's rules so each gets its own clear error.
 */
export const ProgrammeSaveRequest = Type.Object(
  {
    id: Type.Optional(ProgrammeItemId),
    title: Type.String({ maxLength: 400 }),
    titleEn: Type.Optional(Type.String({ maxLength: 400 })),
    performers: Type.Optional(Type.String({ maxLength: 400 })),
    start: Type.String({ maxLength: 8 }),
    lengthMin: Type.Integer(),
    scene: Scene,
    groupIds: Type.Optional(Type.Array(Slug, { maxItems: PROGRAMME_LIMITS.groupsMax })),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type ProgrammeSaveRequest = Static<typeof ProgrammeSaveRequest>;

const ProgrammeRemoveRequest = Type.Object({ id: ProgrammeItemId }, strict);
type ProgrammeRemoveRequest = Static<typeof ProgrammeRemoveRequest>;

/** The MC's one button. The revision is the state the MC saw: a double press is refused, not applied twice. */
export const ProgrammeAdvanceRequest = Type.Object(
  {
    revision: Type.Integer({ minimum: 0 }),
    to: Type.Optional(Type.Union([Type.Literal('next'), Type.Literal('back'), ProgrammeItemId])),
  },
  strict,
);
export type ProgrammeAdvanceRequest = Static<typeof ProgrammeAdvanceRequest>;

// Time on the event day, shared by the hub's rules, the console and the screens.

/** "9:05" or "09:05" → 545; anything else (or 24:00 and beyond) → null. */
export function minutesOf(start: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(start.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

export const formatMinutes = (total: number): string => `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** The event day (YYYY-MM-DD, Beijing time) at an instant. */
export function programmeDay(at: number): string {
  return new Date(at + PROGRAMME_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Minutes since midnight on the event day at an instant. */
export function minuteOfDay(at: number): number {
  return Math.floor(((at + PROGRAMME_UTC_OFFSET_MINUTES * 60_000) % 86_400_000) / 60_000) % MINUTES_PER_DAY;
}

/** The instant an "HH:MM" of an event day falls on. */
export function plannedAt(day: string, start: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) - PROGRAMME_UTC_OFFSET_MINUTES * 60_000 + (minutesOf(start) ?? 0) * 60_000;
}

/** Items in the order they run: by planned start. */
export const inRunningOrder = <T extends { start: string; id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (minutesOf(a.start) ?? 0) - (minutesOf(b.start) ?? 0) || a.id.localeCompare(b.id));

/** The item on now and the ones after it (before the show: everything is "next"). */
export function nowAndNext<T extends { id: string; start: string }>(items: readonly T[], currentId: string | null): { current: T | null; following: T[] } {
  const ordered = inRunningOrder(items);
  const index = currentId === null ? -1 : ordered.findIndex((item) => item.id === currentId);
  return { current: index >= 0 ? ordered[index]! : null, following: ordered.slice(index + 1) };
}

/**
 * How far a start is off the plan, in whole minutes: positive = late, negative = early. The
 * planned time is taken on the day the thing happened.
 */
export function minutesOffPlan(start: string, at: number): number {
  return Math.round((at - plannedAt(programmeDay(at), start)) / 60_000);
}

/**
 * When the next item will likely start: not before its plan, and not before the current item
 * has run its length (from when the MC started it) or before now.
 */
export function expectedStart(next: { start: string }, current: { lengthMin: number } | null, startedAt: number | null, now: number): number {
  const planned = plannedAt(programmeDay(now), next.start);
  const currentEnds = current && startedAt !== null ? startedAt + current.lengthMin * 60_000 : now;
  return Math.max(planned, currentEnds, now);
}

/** A countdown's target instant (epoch ms or ISO with offset), or null when it cannot be read. */
export function countdownTarget(to: number | string): number | null {
  const at = typeof to === 'number' ? to : Date.parse(to);
  return Number.isFinite(at) ? at : null;
}

/** Time left as the big screen shows it, hh:mm:ss (100 hours and more: more hour digits); never negative. */
export function countdownText(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** The programme commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const programmeCommands = {
  /** Consoles get the day's running order (with the MC's notes), then every change. */
  'programme:list': { request: EmptyRequest, reply: ProgrammeState },
  /** `program` screens get now and next, then every change. */
  'programme:watch': { request: EmptyRequest, reply: ProgrammeBoard },
  /** The admin adds (no id) or edits an item; checked against the day and the other items. */
  'programme:save': { request: ProgrammeSaveRequest, reply: ProgrammeState },
  'programme:remove': { request: ProgrammeRemoveRequest, reply: ProgrammeState },
  /** The MC's one button: the pointer moves and the item's scene goes on air (revision-checked). */
  'programme:advance': { request: ProgrammeAdvanceRequest, reply: ProgrammeState },
} as const satisfies CommandTable;

/** The programme events the hub sends. */
export const programmeEvents = {
  /** The running order, to consoles that listed it, on every change. */
  'programme:state': ProgrammeState,
  /** Now and next, to `program` screens, on every change. */
  'programme:board': ProgrammeBoard,
} as const satisfies EventTable;
