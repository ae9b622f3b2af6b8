import type { FastifyError, FastifyInstance } from 'fastify';
import { errorMessage, errorStatus, type ErrorCode } from '../../shared/errors.ts';
import { HubError } from '../hub-error.ts';
import { checkRequest } from '../realtime/check-request.ts';

/**
 * REST requests are checked by the same TypeBox checker as socket events, and every refusal
 * is answered as { code, message, detail } with a status that fits.
 */
export function useHubErrors(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    try {
      checkRequest(schema as Parameters<typeof checkRequest>[0], data);
      return { value: data };
    } catch (error) {
      return { error: error as Error };
    }
  });

  app.setErrorHandler((error: FastifyError | HubError, request, reply) => {
    const code: ErrorCode =
      error instanceof HubError
        ? error.code
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'PAYLOAD_TOO_LARGE'
          : error.statusCode && error.statusCode < 500
            ? 'BAD_PAYLOAD'
            : 'INTERNAL';
    if (code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, detail: error.message }, 'request refused');
    const status = errorStatus(code);
    const detail = error instanceof HubError ? error.detail : error.message;
    return reply.status(status).send({ code, message: errorMessage(code), detail });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ code: 'NOT_FOUND', message: errorMessage('NOT_FOUND'), detail: request.url.slice(0, 200) }),
  );
}
