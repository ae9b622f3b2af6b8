import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { httpRoute } from './http.ts';

export const MediaItem = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  url: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  /**
   * How long the item stays in a loop: an image's set time, a video's length. Loops are
   * scheduled from these alone, so every screen of a group reaches each item at the same moment.
   */
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

/** The file types a screen plays, known by their first bytes (never by name or Content-Type). */
const MEDIA_TYPES = ['mp4', 'webm', 'jpeg', 'png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** A media item with where it came from: shipped with the app (demo) or uploaded in the console. */
export const MediaFile = Type.Composite([
  MediaItem,
  Type.Object({
    type: Type.Union(MEDIA_TYPES.map((type) => Type.Literal(type))),
    bytes: Type.Integer({ minimum: 0 }),
    /** The uploaded file's name as it was on the uploader's computer. */
    name: Type.String(),
    uploadedAt: Type.Integer(),
    uploadedBy: Type.String(),
  }),
]);
export type MediaFile = Static<typeof MediaFile>;

export const MediaListReply = Type.Object({
  files: Type.Array(MediaFile),
  playlists: Type.Array(Playlist),
  /** The largest file accepted, per kind, in bytes (the console checks before sending). */
  limits: Type.Object({ video: Type.Integer(), image: Type.Integer() }),
});
export type MediaListReply = Static<typeof MediaListReply>;

/** POST /api/media?name=&title=&titleEn=&durationMs= with the file as application/octet-stream. */
export const MediaUploadQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    title: Type.Optional(Type.String({ maxLength: 80 })),
    titleEn: Type.Optional(Type.String({ maxLength: 80 })),
    /** An image's time on screen; a video's length when the file does not say (the console measures it). */
    durationMs: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{3,7}$' })),
  },
  { additionalProperties: false },
);
export type MediaUploadQuery = Static<typeof MediaUploadQuery>;

/** PUT /api/playlists/:playlistId: creates the playlist or replaces its name and items. */
export const PlaylistBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    nameEn: Type.String({ maxLength: 60 }),
    mediaIds: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type PlaylistBody = Static<typeof PlaylistBody>;
const PlaylistParams = Type.Object({ playlistId: Slug });

/** Media for loops over REST: list, upload (the file as the body), playlists. */
export const mediaHttp = {
  list: httpRoute({ method: 'GET', path: '/api/media', reply: MediaListReply }),
  upload: httpRoute({
    method: 'POST',
    path: '/api/media',
    query: MediaUploadQuery,
    upload: true,
    reply: Type.Object({ file: MediaFile, duplicate: Type.Boolean() }),
  }),
  savePlaylist: httpRoute({ method: 'PUT', path: '/api/playlists/:playlistId', params: PlaylistParams, body: PlaylistBody, reply: Playlist }),
};
