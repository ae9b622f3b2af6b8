import type { Ack } from '../../../shared/ack.ts';
import { errorMessage, type ErrorCode, type Locale } from '../../../shared/errors.ts';

/**
 * REST calls of the console, with the session cookie (sent by the browser) and the session's
 * CSRF token on every change. Answers have the same shape as socket acknowledgements.
 */
export function createStaffApi(locale: () => Locale) {
  let csrfToken = '';
  async function call<T>(method: string, path: string, body?: unknown): Promise<Ack<T>> {
    try {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status === 204) return { ok: true, data: undefined as T };
      const data = (await response.json()) as T & { code?: ErrorCode; detail?: string };
      if (response.ok) return { ok: true, data };
      const code = data.code ?? 'INTERNAL';
      return { ok: false, code, message: errorMessage(code, locale()), detail: data.detail };
    } catch {
      return { ok: false, code: 'NO_ANSWER', message: errorMessage('NO_ANSWER', locale()) };
    }
  }
  return {
    setCsrfToken: (token: string) => (csrfToken = token),
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: (path: string) => call<void>('DELETE', path),
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;
