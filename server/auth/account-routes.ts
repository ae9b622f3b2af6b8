import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AccountView } from '../../shared/identity.ts';
import { AccountParams, CreateAccountBody, UpdateAccountBody } from '../../shared/staff-rest.ts';
import type { AuthService } from './auth-service.ts';
import { actorOf } from './identity.ts';

/** Staff accounts, managed by an admin. Accounts are disabled, never deleted: the audit log names them. */
export async function accountRoutes(app: FastifyInstance, { auth }: { auth: AuthService }): Promise<void> {
  app.get('/api/accounts', { config: { action: 'account:list' }, schema: { response: { 200: Type.Array(AccountView) } } }, () => auth.listAccounts());

  app.post<{ Body: CreateAccountBody }>(
    '/api/accounts',
    { config: { action: 'account:create' }, schema: { body: CreateAccountBody, response: { 200: AccountView } } },
    (request) => auth.createAccount(request.body, actorOf(request.identity, request.ip)),
  );

  app.patch<{ Params: Static<typeof AccountParams>; Body: UpdateAccountBody }>(
    '/api/accounts/:accountId',
    { config: { action: 'account:update' }, schema: { params: AccountParams, body: UpdateAccountBody, response: { 200: AccountView } } },
    (request) => auth.updateAccount(Number(request.params.accountId), request.body, actorOf(request.identity, request.ip)),
  );
}
