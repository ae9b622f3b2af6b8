import type { Ack } from '../../../shared/ack.ts';
import { errorMessage, type ErrorCode, type Locale } from '../../../shared/errors.ts';
import { routeUrl, type HttpRoute, type RouteInput, type RouteReply } from '../../../shared/http.ts';

/** A socket-like acknowledgement; a refusal keeps the reply's body (an import's report). */
export type StaffAck<T> = Ack<T> | { ok: false; code: ErrorCode; message: string; detail?: string; body?: unknown };

/**
 * REST calls of the console, by the routes the hub serves (shared/http.ts: each domain's shared
 * file lists them), with the session cookie (sent by the browser) and the session's CSRF token on
 * every change. Answers have the same shape as socket acknowledgements.
 */
export function createStaffApi(locale: () => Locale) {
  let csrfToken = '';
  async function call<R extends HttpRoute>(
    route: R,
    ...[input]: RouteInput<R> extends { params?: undefined; query?: undefined; body?: undefined } ? [RouteInput<R>?] : [RouteInput<R>]
  ): Promise<StaffAck<RouteReply<R>>> {
    const { params, query, body } = (input ?? {}) as {
      params?: Record<string, string | number>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
    };
    try {
      const response = await fetch(routeUrl(route, params, query), {
        method: route.method,
        credentials: 'same-origin',
        headers: {
          ...(body === undefined ? {} : { 'content-type': body instanceof Blob ? 'application/octet-stream' : 'application/json' }),
          ...(route.method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        },
        body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
      });
      if (response.status === 204) return { ok: true, data: undefined as RouteReply<R> };
      const data = (await response.json()) as RouteReply<R> & { code?: ErrorCode; detail?: string };
      if (response.ok) return { ok: true, data };
      const code = data.code ?? 'INTERNAL';
      // A refusal may carry more than its sentence (an import's report): kept for the page.
      return { ok: false, code, message: errorMessage(code, locale()), detail: data.detail, body: data };
    } catch {
      return { ok: false, code: 'NO_ANSWER', message: errorMessage('NO_ANSWER', locale()) };
    }
  }
  return {
    setCsrfToken: (token: string) => (csrfToken = token),
    call,
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;
