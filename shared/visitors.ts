import { Type, type Static } from '@sinclair/typebox';
import type { CommandTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';
import { Slug } from './ids.ts';

/**
 * A visitor's registration. Lengths are checked again on the hub in characters (an emoji is
 * one), after invisible characters are removed.
 */
export const RegisterBody = Type.Object(
  {
    nickname: Type.String({ minLength: 1, maxLength: 64 }),
    realName: Type.Optional(Type.String({ maxLength: 64 })),
    /** Separate consent: without it, screens show the nickname only. */
    showRealName: Type.Optional(Type.Boolean()),
    mobile: Type.Optional(Type.String({ maxLength: 32 })),
    unit: Type.Optional(Type.String({ maxLength: 120 })),
    /** The personal-information notice: no agreement, no number or real name kept. */
    privacyConsent: Type.Boolean(),
    under14: Type.Optional(Type.Boolean()),
    guardianConsent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const RegisterReply = Type.Object({
  visitorId: Type.String(),
  shortCode: Type.String(),
  nickname: Type.String(),
  /** The signed pass the QR code carries; kept on the phone. */
  pass: Type.String(),
});
export type RegisterReply = Static<typeof RegisterReply>;

const PassKeysReply = Type.Array(Type.Object({ keyId: Type.String(), publicKey: Type.String() }));

export const NAME_LIMITS = { nickname: 20, realName: 20, unit: 40 } as const;

/** A staffed desk finds a visitor without a pass: by nickname, or by the last four digits of the number. */
const VisitorSearchRequest = Type.Object({ query: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });
type VisitorSearchRequest = Static<typeof VisitorSearchRequest>;

export const VisitorMatch = Type.Object({
  shortCode: Type.String(),
  nickname: Type.String(),
  /** Masked (张*, 138****1234): a desk confirms who is in front of it, it never reads the data out. */
  realName: Type.Union([Type.String(), Type.Null()]),
  mobile: Type.Union([Type.String(), Type.Null()]),
  stamps: Type.Integer(),
});
export type VisitorMatch = Static<typeof VisitorMatch>;
const VisitorSearchReply = Type.Object({ matches: Type.Array(VisitorMatch), more: Type.Boolean() });
type VisitorSearchReply = Static<typeof VisitorSearchReply>;

/** The visitor commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const visitorCommands = {
  /** A kiosk registers a visitor at its touch screen (phones use POST /api/visitors). */
  'visitor:register': { request: RegisterBody, reply: RegisterReply },
  /** A staffed desk finds a visitor who has no pass at hand. */
  'visitor:search': { request: VisitorSearchRequest, reply: VisitorSearchReply },
} as const satisfies CommandTable;

/** What staff export: the day's registrations (admins only) or check-ins, as XLSX or CSV. */
export const EXPORT_KINDS = ['registrations', 'checkins'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Visitors over REST: a phone registers (it holds no socket identity), every device reads the pass keys, staff export and erase. */
export const visitorHttp = {
  register: httpRoute({ method: 'POST', path: '/api/visitors', body: RegisterBody, reply: RegisterReply }),
  passKeys: httpRoute({ method: 'GET', path: '/api/pass-keys', reply: PassKeysReply }),
  erase: httpRoute({ method: 'POST', path: '/api/visitors/erase-personal-data', reply: Type.Object({ erased: Type.Integer() }) }),
  /** A file download (a link in the console). */
  export: httpRoute({
    method: 'GET',
    path: '/api/exports/:kind.:format',
    params: Type.Object({ kind: Type.Union(EXPORT_KINDS.map((kind) => Type.Literal(kind))), format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]) }),
    query: Type.Object({ venueId: Type.Optional(Slug) }, { additionalProperties: false }),
  }),
};
