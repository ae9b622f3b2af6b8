import type { FastifyInstance } from 'fastify';

/**
 * Lets the routes of this plugin take a file as the request body (application/octet-stream), read
 * whole up to `limitBytes`: an import is checked as one file. Media uploads stream instead.
 */
export function acceptFiles(app: FastifyInstance, limitBytes: number): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: limitBytes }, (_request, body, done) => done(null, body));
}
