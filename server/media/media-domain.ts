import type { Readable } from 'node:stream';
import { mediaHttp } from '../../shared/media.ts';
import { actorOf } from '../auth/identity.ts';
import { DEMO_MEDIA_DIR } from '../demo/seed-demo.ts';
import { defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { mediaStatic } from '../web/app-static.ts';
import { serve } from '../web/serve.ts';
import { mediaLimitsFromEnv } from './media-limits.ts';
import { createMediaService } from './media-service.ts';

/**
 * Media for loops: upload (the file as the request body, streamed to disk, never held whole in
 * memory), list, playlists, and the files themselves (with Range requests).
 */
export function mediaDomain(core: HubCore) {
  const media = createMediaService(core.db, core.config.dataDir, mediaLimitsFromEnv(), core.clock.now);
  return defineDomain({
    name: 'media',
    dataReplaced: () => media.sweepUnreferenced(),
    async routes(app) {
      await mediaStatic(app, { demoMediaDir: DEMO_MEDIA_DIR, uploadedMediaDir: media.dir });
      // The body stays a stream: receiveMedia checks its type and size as it arrives.
      app.addContentTypeParser(['application/octet-stream', 'video/mp4', 'video/webm', 'image/jpeg', 'image/png'], (_request, payload, done) =>
        done(null, payload),
      );
      serve(app, mediaHttp.list, { action: 'media:list' }, () => media.list());
      serve(app, mediaHttp.upload, { action: 'media:upload' }, async (request) => {
        const body = request.body as unknown as Readable | undefined;
        if (typeof body?.pipe !== 'function') throw new HubError('BAD_PAYLOAD', 'send the file as application/octet-stream');
        const length = request.headers['content-length'];
        const declared = length === undefined ? undefined : Number(length);
        return media.upload(body, request.query, declared, actorOf(request.identity, request.ip));
      });
      serve(app, mediaHttp.savePlaylist, { action: 'playlist:edit' }, (request) =>
        media.savePlaylist(request.params.playlistId, request.body, actorOf(request.identity, request.ip)),
      );
    },
  });
}
