import type { Ack } from '../../../shared/ack.ts';
import { errorMessage, type ErrorCode, type Locale } from '../../../shared/errors.ts';

/** A socket-like acknowledgement; a refusal keeps the reply's body (an import's report). */
export type StaffAck<T> = Ack<T> | { ok: false; code: ErrorCode; message: string; detail?: string; body?: unknown };

/**
 * REST calls of the console, with the session cookie (sent by the browser) and the session's
 * CSRF token on every change. Answers have the same shape as socket acknowledgements.
 */
export function createStaffApi(locale: () => Locale) {
  let csrfToken = '';
  async function call<T>(method: string, path: string, body?: unknown): Promise<StaffAck<T>> {
    try {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body === undefined ? {} : { 'content-type': body instanceof Blob ? 'application/octet-stream' : 'application/json' }),
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        },
        body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
      });
      if (response.status === 204) return { ok: true, data: undefined as T };
      const data = (await response.json()) as T & { code?: ErrorCode; detail?: string };
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
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    /** A file as it is (an import): sent as application/octet-stream. */
    upload: <T>(path: string, file: Blob) => call<T>('POST', path, file),
    delete: (path: string) => call<void>('DELETE', path),
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;
