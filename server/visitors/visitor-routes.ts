import type { FastifyInstance } from 'fastify';
import { PassKeysReply, RegisterBody, RegisterReply } from '../../shared/visitors.ts';
import { toBase64Url } from '../../shared/pass-format.ts';
import type { PassKeys } from '../passes/pass-keys.ts';
import type { VisitorService } from './visitor-service.ts';
import type { Db } from '../store/database.ts';
import { actorOf } from '../auth/identity.ts';
import { erasePersonalData } from './erase-personal-data.ts';
import { EXPORT_KINDS, exportFile, type ExportKind } from './exports.ts';
import { Type } from '@sinclair/typebox';
import { Slug } from '../../shared/ids.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';

/** A phone registers over plain HTTP (it holds no socket identity); every device may read the pass keys. */
export async function visitorRoutes(app: FastifyInstance, { visitors, keys, db }: { visitors: VisitorService; keys: PassKeys; db: Db }): Promise<void> {
  app.get<{ Params: { kind: ExportKind; format: 'xlsx' | 'csv' }; Querystring: { venueId?: string } }>(
    '/api/exports/:kind.:format',
    {
      config: { action: 'visitor:export' },
      schema: {
        params: Type.Object({ kind: Type.Union(EXPORT_KINDS.map((k) => Type.Literal(k))), format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]) }),
        querystring: Type.Object({ venueId: Type.Optional(Slug) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { kind, format } = request.params;
      const admin = request.identity.kind === 'staff' && request.identity.account.role === 'admin';
      const venueId = request.query.venueId ?? null;
      // Registrations hold no venue: only admins, who see every venue, export them all.
      if (!admin && (kind === 'registrations' || venueId === null)) throw new HubError('FORBIDDEN', 'choose a venue of yours');
      const file = await exportFile(db, kind, format, venueId, admin);
      recordAudit(db, actorOf(request.identity, request.ip), 'visitor:export', `${kind}.${format}`, { venueId, personalData: admin });
      return reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="eventday-${kind}${venueId ? `-${venueId}` : ''}.${format}"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

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
