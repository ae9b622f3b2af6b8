import type { FastifyInstance } from 'fastify';
import type { Action } from '../../shared/permissions.ts';
import { HubError } from '../hub-error.ts';
import type { AuthService } from './auth-service.ts';
import { checkReach, checkRole, type Target } from './guard.ts';
import { VISITOR, type Identity } from './identity.ts';
import { isForeignOrigin } from './origin.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
    sessionToken: string | undefined;
  }
  interface FastifyContextConfig {
    /** The permission this route needs; routes without one are public. */
    action?: Action;
    /**
     * What a venue-scoped route touches, from its query, params and body merged (checked after
     * the schema): the guard's reach step, as for socket commands. Throws for an unknown one.
     */
    target?: (input: Record<string, unknown>) => Target | undefined;
  }
}

/**
 * Every REST request: who is asking (session cookie), whether a change comes from our own page
 * (Origin, and the session's CSRF token in x-csrf-token), then the same guard as sockets use.
 */
export function useRequestAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('identity', null as never);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = auth.sessionOf(token);
    request.identity = session?.identity ?? VISITOR;
    request.sessionToken = session ? token : undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      if (isForeignOrigin(request.headers.origin, request.headers.host)) throw new HubError('ORIGIN_REFUSED');
      if (session && request.headers['x-csrf-token'] !== session.csrfToken) throw new HubError('CSRF_REFUSED');
    }
    const action = request.routeOptions.config.action;
    if (action) checkRole(request.identity, action, auth.now());
  });

  app.addHook('preHandler', async (request) => {
    const { action, target } = request.routeOptions.config;
    if (!action || !target) return;
    const input = { ...(request.query as object), ...(request.params as object), ...(request.body as object | undefined) } as Record<string, unknown>;
    checkReach(request.identity, action, target(input));
  });
}
