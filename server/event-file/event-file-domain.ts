import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eventHttp } from '../../shared/event.ts';
import { actorOf } from '../auth/identity.ts';
import { DEMO_MEDIA_DIR } from '../demo/seed-demo.ts';
import { defineDomain, type HubCore } from '../domain.ts';
import type { EventService } from '../event/event-service.ts';
import { HubError } from '../hub-error.ts';
import { mediaLimitsFromEnv } from '../media/media-limits.ts';
import { mediaDirOf } from '../media/media-paths.ts';
import { serve } from '../web/serve.ts';
import { copyCarriedFiles } from './event-file-apply.ts';
import { EVENT_FILE_MAX_BYTES } from './event-file-format.ts';
import { readEventFile } from './event-file-read.ts';
import { eventFileManifest, writeEventFile } from './event-file-write.ts';

/**
 * The event file over REST: the admin downloads the whole setup as one file and imports it on
 * another hub (set up on a laptop, moved to the event machine). Its own plugin, because its
 * upload streams to disk (a setup with its videos can be gigabytes) where the logo is read whole.
 */
export function eventFileDomain(core: HubCore, deps: { event: EventService }) {
  const mediaDir = mediaDirOf(core.config.dataDir);
  return defineDomain({
    name: 'event-file',
    async routes(app) {
      app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

      serve(app, eventHttp.exportFile, { action: 'event:export' }, (_request, reply) => {
        const manifest = eventFileManifest(core.db, mediaDir, core.clock.now());
        const out = new PassThrough();
        writeEventFile(manifest, mediaDir, out).catch((error: Error) => out.destroy(error));
        return reply
          .type('application/octet-stream')
          .header('content-disposition', `attachment; filename="eventday-${deps.event.day()}.eventday"`)
          .header('cache-control', 'no-store')
          .send(out);
      });

      serve(app, eventHttp.importFile, { action: 'event:import' }, async (request) => {
        const body = request.body as unknown as Readable | undefined;
        if (typeof body?.pipe !== 'function') throw new HubError('BAD_PAYLOAD', 'send the event file as application/octet-stream');
        const revision = Number(request.query.revision);
        deps.event.checkReplaceable(revision);
        const received = path.join(core.config.dataDir, `.event-import-${crypto.randomUUID()}`);
        try {
          await receive(body, received);
          const read = await readEventFile(received, core.db, mediaLimitsFromEnv(), DEMO_MEDIA_DIR);
          if (!read.ok) throw new HubError('EVENT_FILE_INVALID', read.problems.join('\n'));
          await copyCarriedFiles(read.file, mediaDir);
          return deps.event.importFile(revision, actorOf(request.identity, request.ip), read.file.manifest);
        } finally {
          fs.rmSync(received, { force: true });
        }
      });
    },
  });
}

/** The request body to a file, refused past EVENT_FILE_MAX_BYTES (counted as it arrives: no length is trusted). */
async function receive(body: Readable, file: string): Promise<void> {
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > EVENT_FILE_MAX_BYTES ? new HubError('EVENT_FILE_TOO_BIG') : null, chunk);
    },
  });
  await pipeline(body, counted, fs.createWriteStream(file));
}
