import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import type { CommandTable } from './protocol-table.ts';

/**
 * Setting up the venues (会场设置): the main venue and any number of sub-venues, each with its
 * screen groups and check-in points. Nothing is deleted from under its data: a venue, group or
 * point that devices, scenes or check-ins refer to is retired (hidden from pickers, its history
 * kept), and the reply says why.
 */
const strict = { additionalProperties: false } as const;

export const VENUE_LIMITS = { name: 60, unit: 60, address: 120 } as const;

const Name = Type.String({ minLength: 1, maxLength: VENUE_LIMITS.name });
const NameEn = Type.String({ maxLength: VENUE_LIMITS.name });

const GroupSetup = Type.Object({ id: Slug, name: Type.String(), nameEn: Type.String(), retired: Type.Boolean() });
const PointKind = Type.Union([Type.Literal('entrance'), Type.Literal('station')]);
const PointSetup = Type.Object({ id: Slug, kind: PointKind, name: Type.String(), nameEn: Type.String(), retired: Type.Boolean() });

/** A venue as the console's setup page shows it, retired parts included. */
export const VenueSetup = Type.Object({
  id: Slug,
  name: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union([Type.Literal('main'), Type.Literal('sub')]),
  /** The member unit that runs it (单位名称 of the liaison list). */
  unit: Type.String(),
  address: Type.String(),
  retired: Type.Boolean(),
  groups: Type.Array(GroupSetup),
  points: Type.Array(PointSetup),
});
export type VenueSetup = Static<typeof VenueSetup>;

const VenueList = Type.Object({ venues: Type.Array(VenueSetup) });

/** Why something was retired rather than deleted: what still refers to it. */
export const IN_USE_REASONS = ['devices', 'checkins', 'scenes', 'programme', 'accounts', 'emergencies', 'players'] as const;
export type InUseReason = (typeof IN_USE_REASONS)[number];

const RetireReply = Type.Object({
  /** deleted: nothing referred to it; retired: hidden, its history kept (see `reasons`); restored: back in the pickers. */
  outcome: Type.Union([Type.Literal('deleted'), Type.Literal('retired'), Type.Literal('restored')]),
  reasons: Type.Array(Type.Union(IN_USE_REASONS.map((reason) => Type.Literal(reason)))),
  venues: Type.Array(VenueSetup),
});

/** The venue setup commands of the socket protocol (shared/events.ts gathers every domain's). */
export const venueSetupCommands = {
  /** The venues the caller may manage (an operator: their own), retired ones included. */
  'venue:list': { request: Type.Object({}, strict), reply: VenueList },
  /** Adds a venue (no id) or changes one; at most one main venue. */
  'venue:save': {
    request: Type.Object(
      {
        id: Type.Optional(Slug),
        name: Name,
        nameEn: NameEn,
        kind: Type.Union([Type.Literal('main'), Type.Literal('sub')]),
        unit: Type.String({ maxLength: VENUE_LIMITS.unit }),
        address: Type.String({ maxLength: VENUE_LIMITS.address }),
      },
      strict,
    ),
    reply: VenueList,
  },
  /** The venues in the order every picker lists them (each venue once). */
  'venue:reorder': { request: Type.Object({ venueIds: Type.Array(Slug, { minItems: 1, maxItems: 500 }) }, strict), reply: VenueList },
  /** Removes a venue (retired when anything refers to it) or brings a retired one back. */
  'venue:retire': { request: Type.Object({ venueId: Slug, retired: Type.Boolean() }, strict), reply: RetireReply },
  /** Adds a screen group to a venue (no id) or renames one. */
  'group:save': { request: Type.Object({ venueId: Slug, id: Type.Optional(Slug), name: Name, nameEn: NameEn }, strict), reply: VenueList },
  'group:retire': { request: Type.Object({ groupId: Slug, retired: Type.Boolean() }, strict), reply: RetireReply },
  /** Adds a check-in point (an entrance, or a station with what it offers) or changes one. */
  'point:save': {
    request: Type.Object({ venueId: Slug, id: Type.Optional(Slug), kind: PointKind, name: Name, nameEn: NameEn }, strict),
    reply: VenueList,
  },
  'point:retire': { request: Type.Object({ pointId: Slug, retired: Type.Boolean() }, strict), reply: RetireReply },
} as const satisfies CommandTable;
