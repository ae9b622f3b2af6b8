import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { errorMessage } from '../../shared/errors.ts';
import { HubError } from '../hub-error.ts';
import { actorOf } from '../auth/identity.ts';
import { AwardsImportRefused, type AwardsService } from './awards-service.ts';

const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

/** An award list imported from a spreadsheet (as application/octet-stream); bad rows are reported by line. */
export async function awardsRoutes(app: FastifyInstance, opts: { awards: AwardsService }): Promise<void> {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  app.post<{ Querystring: { name: string; takeGood?: 'true' | 'false' }; Body: Buffer }>(
    '/api/awards/import',
    {
      config: { action: 'awards:import' },
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: { querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), takeGood: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }, { additionalProperties: false }) },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new HubError('BAD_PAYLOAD', 'send the file as application/octet-stream');
      try {
        return await opts.awards.importFile(request.body, request.query.name, request.query.takeGood === 'true', actorOf(request.identity, request.ip));
      } catch (error) {
        if (!(error instanceof AwardsImportRefused)) throw error;
        return reply.status(400).send({ code: error.code, message: errorMessage(error.code), detail: error.detail, ...error.report });
      }
    },
  );
}
