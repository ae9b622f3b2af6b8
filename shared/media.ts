import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';

export const MediaItem = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  url: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  /** How long an image stays; a video plays to its end. */
  durationMs: Type.Integer({ minimum: 1000 }),
});
export type MediaItem = Static<typeof MediaItem>;

export const Playlist = Type.Object({
  id: Slug,
  name: Type.String(),
  nameEn: Type.String(),
  items: Type.Array(MediaItem),
});
export type Playlist = Static<typeof Playlist>;
