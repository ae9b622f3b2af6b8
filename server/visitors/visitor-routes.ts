import type { FastifyInstance } from 'fastify';
import { PassKeysReply, RegisterBody, RegisterReply } from '../../shared/visitors.ts';
import { toBase64Url } from '../../shared/pass-format.ts';
import type { PassKeys } from '../passes/pass-keys.ts';
import type { VisitorService } from './visitor-service.ts';

/** A phone registers over plain HTTP (it holds no socket identity); every device may read the pass keys. */
export async function visitorRoutes(app: FastifyInstance, { visitors, keys }: { visitors: VisitorService; keys: PassKeys }): Promise<void> {
  app.post<{ Body: RegisterBody }>(
    '/api/visitors',
    { config: { action: 'visitor:register' }, schema: { body: RegisterBody, response: { 200: RegisterReply } } },
    (request) => visitors.register(request.body, { channel: 'phone', deviceId: null }),
  );

  app.get('/api/pass-keys', { config: { action: 'pass:keys' }, schema: { response: { 200: PassKeysReply } } }, () =>
    keys.publicKeys().map((key) => ({ keyId: key.keyId, publicKey: toBase64Url(key.publicKey) })),
  );
}
