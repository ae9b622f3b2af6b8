import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { MediaListReply, MediaUploadQuery, Playlist, PlaylistBody, PlaylistParams } from '../../shared/media.ts';
import { actorOf } from '../auth/identity.ts';
import { HubError } from '../hub-error.ts';
import type { MediaService } from './media-service.ts';

/**
 * Media for loops: upload (the file as the request body, streamed to disk, never held whole in
 * memory), list, and playlists. The files themselves are served by web/app-static.ts.
 */
export async function mediaRoutes(app: FastifyInstance, { media }: { media: MediaService }): Promise<void> {
  // The body stays a stream: receiveMedia checks its type and size as it arrives.
  app.addContentTypeParser(['application/octet-stream', 'video/mp4', 'video/webm', 'image/jpeg', 'image/png'], (_request, payload, done) => done(null, payload));

  app.get('/api/media', { config: { action: 'media:list' }, schema: { response: { 200: MediaListReply } } }, () => media.list());

  app.post<{ Querystring: MediaUploadQuery }>(
    '/api/media',
    { config: { action: 'media:upload' }, schema: { querystring: MediaUploadQuery } },
    async (request) => {
      const body = request.body as Readable | undefined;
      if (typeof body?.pipe !== 'function') throw new HubError('BAD_PAYLOAD', 'send the file as application/octet-stream');
      const length = request.headers['content-length'];
      const declared = length === undefined ? undefined : Number(length);
      return media.upload(body, request.query, declared, actorOf(request.identity, request.ip));
    },
  );

  app.put<{ Params: { playlistId: string }; Body: PlaylistBody }>(
    '/api/playlists/:playlistId',
    { config: { action: 'playlist:edit' }, schema: { params: PlaylistParams, body: PlaylistBody, response: { 200: Playlist } } },
    (request) => media.savePlaylist(request.params.playlistId, request.body, actorOf(request.identity, request.ip)),
  );
}
