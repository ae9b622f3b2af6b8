import type { Static, TSchema } from '@sinclair/typebox';

/**
 * One REST route as both sides see it: the hub registers it with these schemas (params, query,
 * body, reply: Fastify checks the first three and serialises the reply by the last), and the
 * console's client calls it by the same object, typed by them. Each domain lists its routes in
 * its shared file, beside its socket protocol.
 */
export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` segments, filled from `params`. */
  path: string;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  /** The 200 reply; none for 204 replies and file downloads. */
  reply?: TSchema;
  /** The body is a file sent as it is (application/octet-stream), not JSON. */
  upload?: true;
}

export const httpRoute = <R extends HttpRoute>(route: R): R => route;

type StaticOf<S> = S extends TSchema ? Static<S> : undefined;
export type RouteParams<R extends HttpRoute> = StaticOf<R['params']>;
export type RouteQuery<R extends HttpRoute> = StaticOf<R['query']>;
export type RouteBody<R extends HttpRoute> = R['upload'] extends true ? Blob : StaticOf<R['body']>;
export type RouteReply<R extends HttpRoute> = R['reply'] extends TSchema ? Static<R['reply']> : void;

/** What a call sends: only the parts the route has. */
export type RouteInput<R extends HttpRoute> = (R['params'] extends TSchema ? { params: RouteParams<R> } : { params?: undefined }) &
  (R['query'] extends TSchema ? { query?: RouteQuery<R> } : { query?: undefined }) &
  (R['body'] extends TSchema ? { body: RouteBody<R> } : R['upload'] extends true ? { body: Blob } : { body?: undefined });

/** The route's address with its `:name` segments filled (encoded) and its query appended. */
export function routeUrl(route: HttpRoute, params?: Record<string, string | number>, query?: Record<string, string | number | undefined>): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const pairs = Object.entries(query ?? {}).filter((pair): pair is [string, string | number] => pair[1] !== undefined && pair[1] !== '');
  return pairs.length ? `${path}?${new URLSearchParams(pairs.map(([key, value]) => [key, String(value)]))}` : path;
}
