import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'eventday_session';

/** HttpOnly, SameSite=Strict; Secure when the request came over TLS (directly or via a proxy). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
