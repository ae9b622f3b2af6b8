import { Type, type Static } from '@sinclair/typebox';

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

export const PassKeysReply = Type.Array(Type.Object({ keyId: Type.String(), publicKey: Type.String() }));

export const NAME_LIMITS = { nickname: 20, realName: 20, unit: 40 } as const;

/** A staffed desk finds a visitor without a pass: by nickname, or by the last four digits of the number. */
export const VisitorSearchRequest = Type.Object({ query: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });
export type VisitorSearchRequest = Static<typeof VisitorSearchRequest>;

export const VisitorMatch = Type.Object({
  shortCode: Type.String(),
  nickname: Type.String(),
  /** Masked (张*, 138****1234): a desk confirms who is in front of it, it never reads the data out. */
  realName: Type.Union([Type.String(), Type.Null()]),
  mobile: Type.Union([Type.String(), Type.Null()]),
  stamps: Type.Integer(),
});
export type VisitorMatch = Static<typeof VisitorMatch>;
export const VisitorSearchReply = Type.Object({ matches: Type.Array(VisitorMatch), more: Type.Boolean() });
export type VisitorSearchReply = Static<typeof VisitorSearchReply>;
