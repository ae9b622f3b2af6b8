import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';

export const DisplayGroup = Type.Object({
  id: Slug,
  venueId: Slug,
  name: Type.String(),
  nameEn: Type.String(),
});
export type DisplayGroup = Static<typeof DisplayGroup>;

export const Venue = Type.Object({
  id: Slug,
  name: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union([Type.Literal('main'), Type.Literal('sub')]),
  groups: Type.Array(DisplayGroup),
});
export type Venue = Static<typeof Venue>;
