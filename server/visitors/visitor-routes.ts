import type { FastifyInstance } from 'fastify';
import { PassKeysReply, RegisterBody, RegisterReply } from '../../shared/visitors.ts';
import { toBase64Url } from '../../shared/pass-format.ts';
import type { PassKeys } from '../passes/pass-keys.ts';
import type { VisitorService } from './visitor-service.ts';
import type { Db } from '../store/database.ts';
import { actorOf } from '../auth/identity.ts';
import { erasePersonalData } from './erase-personal-data.ts';

/** A phone registers over plain HTTP (it holds no socket identity); every device may read the pass keys. */
export async function visitorRoutes(app: FastifyInstance, { visitors, keys, db }: { visitors: VisitorService; keys: PassKeys; db: Db }): Promise<void> {
  app.post('/api/visitors/erase-personal-data', { config: { action: 'visitor:erase' } }, (request) => ({
    erased: erasePersonalData(db, actorOf(request.identity, request.ip)),
  }));

  app.post<{ Body: RegisterBody }>(
    '/api/visitors',
    { config: { action: 'visitor:register' }, schema: { body: RegisterBody, response: { 200: RegisterReply } } },
    (request) => visitors.register(request.body, { channel: 'phone', deviceId: null }),
  );

  app.get('/api/pass-keys', { config: { action: 'pass:keys' }, schema: { response: { 200: PassKeysReply } } }, () =>
    keys.publicKeys().map((key) => ({ keyId: key.keyId, publicKey: toBase64Url(key.publicKey) })),
  );
}
