import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorMessage } from '../../shared/errors.ts';
import { DEMO_MEDIA_PREFIX, UPLOADED_MEDIA_PREFIX } from '../media/media-paths.ts';

const APPS = ['kiosk', 'display'] as const;

/** Vite puts content-hashed files under assets/: cache them for good, and never cache the HTML that names them. */
function cacheHeaders(reply: FastifyReply, filePath: string): void {
  const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
  reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves each built app under its own prefix, with index.html for every client route
 * (/display/screen/main-stage is a route of the display app, not a file).
 */
export async function appStatic(app: FastifyInstance, { appsDir }: { appsDir: string }): Promise<void> {
  let decorated = false;
  for (const name of APPS) {
    const root = path.join(appsDir, name);
    const prefix = `/${name}/`;
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      app.log.warn({ root }, `the ${name} app is not built: run npm run build`);
      app.get(`${prefix}*`, (_request, reply) =>
        reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(`${errorMessage('NOT_FOUND')} (${name}: npm run build)`),
      );
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix,
      wildcard: false,
      redirect: true,
      cacheControl: false,
      setHeaders: cacheHeaders,
      decorateReply: !decorated,
    });
    decorated = true;
    app.get(`${prefix}*`, (request, reply) => {
      // A missing hashed asset is a real 404; anything else is a client route.
      if (request.url.startsWith(`${prefix}assets/`)) return reply.callNotFound();
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', root, { cacheControl: false });
    });
  }
}

/**
 * Media for loops, with Range requests (a video element seeks by them). Those that ship with the
 * app (the demo loop) have stable names, so a day's cache is right; uploaded files are named by
 * their content hash, so a screen may keep them for good.
 */
export async function mediaStatic(app: FastifyInstance, { demoMediaDir, uploadedMediaDir }: { demoMediaDir: string; uploadedMediaDir: string }): Promise<void> {
  await app.register(fastifyStatic, {
    root: demoMediaDir,
    prefix: DEMO_MEDIA_PREFIX,
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: uploadedMediaDir,
    prefix: UPLOADED_MEDIA_PREFIX,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'public, max-age=31536000, immutable'),
  });
}
