import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '../../shared/permissions.ts';
import type { HttpRoute, RouteBody, RouteParams, RouteQuery, RouteReply } from '../../shared/http.ts';
import type { Target } from '../auth/guard.ts';

/** A request to a route, typed by its shared definition. */
export type RouteRequest<R extends HttpRoute> = FastifyRequest<{
  Params: RouteParams<R>;
  Querystring: RouteQuery<R>;
  Body: R['upload'] extends true ? Buffer : RouteBody<R>;
}>;

export interface ServeOptions {
  /** The permission the route needs (checked by the one guard); none: public. */
  action?: Action;
  /** What a venue-scoped route touches, from its query, params and body merged. */
  target?: (input: Record<string, unknown>) => Target | undefined;
  /** A file upload's largest body (the hub's default is 64 kB). */
  bodyLimit?: number;
}

/**
 * Registers a shared route (shared/http.ts) with its schemas, permission and target. The handler
 * returns the reply the route declares, or sends one itself (a 204, a file).
 */
export function serve<R extends HttpRoute>(
  app: FastifyInstance,
  route: R,
  options: ServeOptions,
  handler: (request: RouteRequest<R>, reply: FastifyReply) => RouteReply<R> | FastifyReply | Promise<RouteReply<R> | FastifyReply>,
): void {
  app.route({
    method: route.method,
    url: route.path,
    config: { action: options.action, target: options.target },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    schema: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.reply ? { response: { 200: route.reply } } : {}),
    },
    handler: handler as (request: FastifyRequest, reply: FastifyReply) => unknown,
  });
}
