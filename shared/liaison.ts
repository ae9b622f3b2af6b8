import { Type, type Static } from '@sinclair/typebox';
import { httpRoute } from './http.ts';

/**
 * The liaison list (联络员名单, attachment 1 of the district's plan): one row per person each
 * member unit names, in the plan's columns. Imported by an admin, it gives every person a staff
 * account (an operator of the venue their unit runs) holding their contact fields; exported in
 * the same layout, which is what units report by 6月4日.
 */
export const LIAISON_COLUMNS = [
  { key: 'unit', zh: '单位名称', width: 28 },
  { key: 'department', zh: '部门名称', width: 18 },
  { key: 'name', zh: '姓名', width: 10 },
  { key: 'title', zh: '职务', width: 14 },
  { key: 'mobile', zh: '手机', width: 15 },
  { key: 'officePhone', zh: '办公电话', width: 16 },
  { key: 'wechat', zh: '微信', width: 16 },
  { key: 'fax', zh: '传真', width: 16 },
  { key: 'email', zh: '电子邮箱', width: 26 },
] as const;
export type LiaisonField = (typeof LIAISON_COLUMNS)[number]['key'];
/** A file without these is refused whole; any other column may be missing (left empty). */
export const REQUIRED_LIAISON_FIELDS: readonly LiaisonField[] = ['unit', 'name', 'mobile'];

export const LIAISON_LIMITS = {
  /** One event's liaison persons: dozens of units, a few people each. More is another file. */
  rows: 1000,
  unit: 60,
  department: 60,
  name: 20,
  title: 40,
  phone: 40,
  wechat: 40,
  email: 100,
  fileBytes: 4 * 1024 * 1024,
} as const;

export const LiaisonContact = Type.Object({
  unit: Type.String(),
  department: Type.String(),
  name: Type.String(),
  title: Type.String(),
  mobile: Type.String(),
  officePhone: Type.String(),
  wechat: Type.String(),
  fax: Type.String(),
  email: Type.String(),
});
export type LiaisonContact = Static<typeof LiaisonContact>;

/** One line of the file, and what is wrong with it (or, for a note, what the import did about it). */
export const LiaisonLine = Type.Object({ line: Type.Integer(), reason: Type.String() });
export type LiaisonLine = Static<typeof LiaisonLine>;

const Flag = Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')]));
const LiaisonImportQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** Import the good rows of a file that has bad ones. */
    takeGood: Flag,
    /** A unit that runs no venue yet gets a new sub-venue named after it. */
    createVenues: Flag,
  },
  { additionalProperties: false },
);

export const LiaisonImportReply = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  venuesCreated: Type.Integer(),
  skipped: Type.Integer(),
  problems: Type.Array(LiaisonLine),
  notes: Type.Array(LiaisonLine),
  /** Where the one-time passwords of the new accounts can be downloaded, once; null when none were made. */
  passwordSheet: Type.Union([Type.String(), Type.Null()]),
});
export type LiaisonImportReply = Static<typeof LiaisonImportReply>;

/** Whom to call about a venue (its operators from the liaison list): masked for everyone but admins. */
export const VenueContact = Type.Object({
  venueId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  mobile: Type.String(),
  officePhone: Type.String(),
});
export type VenueContact = Static<typeof VenueContact>;

export const liaisonHttp = {
  /** The liaison persons of the caller's venues, for the emergency tab and the device wall. */
  contacts: httpRoute({ method: 'GET', path: '/api/liaison/contacts', reply: Type.Object({ contacts: Type.Array(VenueContact) }) }),
  import: httpRoute({ method: 'POST', path: '/api/liaison/import', query: LiaisonImportQuery, upload: true, reply: LiaisonImportReply }),
  /** The list in the plan's layout (a link in the console). */
  export: httpRoute({ method: 'GET', path: '/api/liaison/export.xlsx' }),
  /** The new accounts' one-time passwords as a printable sheet: served once, then forgotten. */
  passwords: httpRoute({
    method: 'GET',
    path: '/api/liaison/passwords/:sheetId',
    params: Type.Object({ sheetId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }),
  }),
};
