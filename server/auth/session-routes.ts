import type { FastifyInstance } from 'fastify';
import { SessionReply, SignInBody } from '../../shared/staff-rest.ts';
import { HubError } from '../hub-error.ts';
import type { AuthService } from './auth-service.ts';
import { actorOf } from './identity.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

/** Sign in, ask who I am (and my CSRF token), sign out. */
export async function sessionRoutes(app: FastifyInstance, { auth }: { auth: AuthService }): Promise<void> {
  app.post<{ Body: SignInBody }>('/api/session', { schema: { body: SignInBody, response: { 200: SessionReply } } }, async (request, reply) => {
    const signedIn = await auth.signIn(request.body.username, request.body.password, request.ip);
    setSessionCookie(request, reply, signedIn.sessionToken, signedIn.expiresAt);
    return { account: signedIn.account, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
  });

  app.get('/api/session', { schema: { response: { 200: SessionReply } } }, (request) => {
    const session = auth.sessionOf(request.sessionToken);
    if (!session || session.identity.kind !== 'staff') throw new HubError('UNAUTHENTICATED');
    return { account: session.identity.account, csrfToken: session.csrfToken, expiresAt: session.identity.sessionExpiresAt };
  });

  app.delete('/api/session', (request, reply) => {
    if (request.sessionToken) auth.signOut(request.sessionToken, actorOf(request.identity, request.ip));
    clearSessionCookie(reply);
    return reply.status(204).send();
  });
}
