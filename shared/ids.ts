import { Type } from '@sinclair/typebox';

/** Ids of venues, groups and playlists: lower-case slugs that are safe in a URL. */
export const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', maxLength: 63 });
