import { Type, type Static } from '@sinclair/typebox';
import { httpRoute } from './http.ts';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';

/**
 * The event itself, as its organiser sets it up in the console (活动设置): its name and edition,
 * the day, the theme, the organiser, the hotlines kiosks show, a logo. Nothing of one particular
 * event is written into the apps: kiosks, phones, screens and the console get it from the hub.
 */
const strict = { additionalProperties: false } as const;

export const EVENT_LIMITS = {
  name: 60,
  edition: 60,
  theme: 120,
  organiser: 80,
  hotlines: 8,
  hotlineLabel: 16,
  hotlineLabelEn: 32,
  logoBytes: 1024 * 1024,
} as const;

/** A number to call (digits, 3 to 12) and what it is for. */
export const Hotline = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9]{3,12}$' }),
    label: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.hotlineLabel }),
    labelEn: Type.String({ maxLength: EVENT_LIMITS.hotlineLabelEn }),
  },
  strict,
);
export type Hotline = Static<typeof Hotline>;

/** What an admin edits. English texts may be left empty (the Chinese one is shown instead). */
export const EventSetup = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.name }),
    nameEn: Type.String({ maxLength: EVENT_LIMITS.name }),
    /** The line above the name: 第二十届安全文化节. */
    edition: Type.String({ maxLength: EVENT_LIMITS.edition }),
    editionEn: Type.String({ maxLength: EVENT_LIMITS.edition }),
    /** The day, YYYY-MM-DD (a Beijing calendar day). */
    day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    theme: Type.String({ maxLength: EVENT_LIMITS.theme }),
    themeEn: Type.String({ maxLength: EVENT_LIMITS.theme }),
    /** Named in the visitors' privacy notice as who handles their personal information. */
    organiser: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.organiser }),
    organiserEn: Type.String({ maxLength: EVENT_LIMITS.organiser }),
    hotlines: Type.Array(Hotline, { maxItems: EVENT_LIMITS.hotlines }),
  },
  strict,
);
export type EventSetup = Static<typeof EventSetup>;

/** A venue as every client may know it (no contact details): kiosks and screens name the one they are paired to. */
const VenueName = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union([Type.Literal('main'), Type.Literal('sub')]),
});

/** What every client gets: the setup, the logo's address if there is one, the venues' names; `revision` moves with every change. */
export const EventInfo = Type.Object({
  ...EventSetup.properties,
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  venues: Type.Array(VenueName),
  revision: Type.Integer(),
});
export type EventInfo = Static<typeof EventInfo>;

/** The admin's form, saved whole; `revision` is the one the form showed (someone else's change is not overwritten). */
const EventSaveRequest = Type.Object({ setup: EventSetup, revision: Type.Integer({ minimum: 0 }) }, strict);

/** What a rehearsal reset or a new event removed of the day's visitor data, counted before. */
export const DayDataRemoved = Type.Object({
  visitors: Type.Integer(),
  checkins: Type.Integer(),
  quizPlays: Type.Integer(),
  liveSessions: Type.Integer(),
  draws: Type.Integer(),
  emergencies: Type.Integer(),
});
export type DayDataRemoved = Static<typeof DayDataRemoved>;

/**
 * A reset or a new event names the revision the admin's console showed: a console that has not
 * seen someone else's change (or the other reset) removes nothing.
 */
const EventResetRequest = Type.Object({ revision: Type.Integer({ minimum: 0 }) }, strict);
const EventResetReply = Type.Object({ removed: DayDataRemoved, info: EventInfo });

/** The event commands of the socket protocol (shared/events.ts gathers every domain's). */
export const eventCommands = {
  /** Every client: the event now, then every change ('event:info'). */
  'event:watch': { request: EmptyRequest, reply: EventInfo },
  'event:save': { request: EventSaveRequest, reply: EventInfo },
  /** The rehearsal is over: the setup stays, the day's visitor data goes (registrations, check-ins, quiz plays, live sessions, draws, emergencies). */
  'event:rehearsal-reset': { request: EventResetRequest, reply: EventResetReply },
  /** Replaces the whole event (the demo, or last year's) with a new, empty one: one main venue, the question bank and accounts kept. */
  'event:new': { request: EventResetRequest, reply: EventResetReply },
} as const satisfies CommandTable;

/** The event events the hub sends. */
export const eventEvents = {
  /** To every client, after each change of the event, its logo or its venues' names. */
  'event:info': EventInfo,
} as const satisfies EventTable;

/** The logo over REST: a PNG or JPEG (checked by its content), public to read. */
export const eventHttp = {
  putLogo: httpRoute({ method: 'PUT', path: '/api/event/logo', upload: true, reply: EventInfo }),
  removeLogo: httpRoute({ method: 'DELETE', path: '/api/event/logo', reply: EventInfo }),
  logo: httpRoute({ method: 'GET', path: '/api/event/logo' }),
  /** The whole setup as one event file (.eventday): event, venues, groups, points, scenes, running order, awards, playlists with their media, question-bank edits. */
  exportFile: httpRoute({ method: 'GET', path: '/api/event/file' }),
  /** An event file in place of this hub's whole setup (and its visitor data); `revision` is the event's as the console showed it. */
  importFile: httpRoute({
    method: 'PUT',
    path: '/api/event/file',
    // A query string's value is text: the revision in digits.
    query: Type.Object({ revision: Type.String({ pattern: '^[0-9]{1,12}$' }) }, strict),
    upload: true,
    reply: EventResetReply,
  }),
};
