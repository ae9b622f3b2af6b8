import { accountHttp, sessionHttp } from '../../shared/staff-rest.ts';
import { defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { serve } from '../web/serve.ts';
import { createAuthService } from './auth-service.ts';
import { actorOf } from './identity.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { accountRoom } from './socket-identity.ts';

/** Staff: sign in and out (a session cookie and its CSRF token), and the accounts an admin manages. */
export function authDomain(core: HubCore) {
  const auth = createAuthService(core.db, core.log, (accountId) => core.io().in(accountRoom(accountId)).disconnectSockets(true), core.clock.now);
  return defineDomain({
    name: 'auth',
    service: auth,
    async routes(app) {
      serve(app, sessionHttp.signIn, {}, async (request, reply) => {
        const signedIn = await auth.signIn(request.body.username, request.body.password, request.ip);
        setSessionCookie(request, reply, signedIn.sessionToken, signedIn.expiresAt);
        return { account: signedIn.account, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
      });
      serve(app, sessionHttp.current, {}, (request) => {
        const session = auth.sessionOf(request.sessionToken);
        if (!session || session.identity.kind !== 'staff') throw new HubError('UNAUTHENTICATED');
        return { account: session.identity.account, csrfToken: session.csrfToken, expiresAt: session.identity.sessionExpiresAt };
      });
      serve(app, sessionHttp.signOut, {}, (request, reply) => {
        if (request.sessionToken) auth.signOut(request.sessionToken, actorOf(request.identity, request.ip));
        clearSessionCookie(reply);
        return reply.status(204).send();
      });
      serve(app, sessionHttp.changePassword, {}, async (request) => {
        // The request hook found the session; it also checked the CSRF header against the session's token.
        const { identity, sessionToken } = request;
        if (identity.kind !== 'staff' || !sessionToken) throw new HubError('UNAUTHENTICATED');
        const account = await auth.changeOwnPassword(
          identity.account.username,
          sessionToken,
          request.body.currentPassword,
          request.body.newPassword,
          request.ip,
        );
        return { account, csrfToken: String(request.headers['x-csrf-token']), expiresAt: identity.sessionExpiresAt };
      });
      // Accounts are disabled, never deleted: the audit log names them.
      serve(app, accountHttp.list, { action: 'account:list' }, () => auth.listAccounts());
      serve(app, accountHttp.create, { action: 'account:create' }, (request) => auth.createAccount(request.body, actorOf(request.identity, request.ip)));
      serve(app, accountHttp.update, { action: 'account:update' }, (request) =>
        auth.updateAccount(Number(request.params.accountId), request.body, actorOf(request.identity, request.ip)),
      );
      serve(app, accountHttp.oneTimePassword, { action: 'account:update' }, (request, reply) =>
        reply.header('cache-control', 'no-store').send(auth.issueOneTimePassword(Number(request.params.accountId), actorOf(request.identity, request.ip))),
      );
    },
  });
}
