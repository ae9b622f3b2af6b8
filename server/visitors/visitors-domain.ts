import { toBase64Url } from '../../shared/pass-format.ts';
import { visitorHttp } from '../../shared/visitors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { actorOf } from '../auth/identity.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { createPassKeys } from '../passes/pass-keys.ts';
import { serve } from '../web/serve.ts';
import { erasePersonalData } from './erase-personal-data.ts';
import { exportFile } from './exports.ts';
import { searchVisitors } from './visitor-queries.ts';
import { createVisitorService } from './visitor-service.ts';

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/**
 * Visitors: registration (a phone over HTTP, a kiosk over its socket) with a signed pass, the pass
 * keys every device may read, a desk's search, staff exports, and erasing personal data.
 */
export function visitorsDomain(core: HubCore, counted: () => void) {
  const { db } = core;
  const passKeys = createPassKeys(db, core.clock.now);
  const visitors = createVisitorService(db, passKeys, counted, core.clock.now);
  return defineDomain({
    name: 'visitors',
    service: visitors,
    passKeys,
    // The reset retired every pass key: passes of the rehearsal open nothing on the day.
    dataReplaced: () => void passKeys.rotate(),
    commands: commands<'visitor:register' | 'visitor:search'>({
      'visitor:register': {
        run: (body, { identity }) => {
          const deviceId = identity.kind === 'device' ? identity.device.id : null;
          return visitors.register(body, { channel: deviceId ? 'kiosk' : 'phone', deviceId });
        },
      },
      'visitor:search': { run: ({ query }) => searchVisitors(db, query) },
    }),
    async routes(app) {
      serve(app, visitorHttp.register, { action: 'visitor:register' }, (request) => visitors.register(request.body, { channel: 'phone', deviceId: null }));
      serve(app, visitorHttp.passKeys, { action: 'pass:keys' }, () =>
        passKeys.publicKeys().map((key) => ({ keyId: key.keyId, publicKey: toBase64Url(key.publicKey) })),
      );
      serve(app, visitorHttp.erase, { action: 'visitor:erase' }, (request) => ({ erased: erasePersonalData(db, actorOf(request.identity, request.ip)) }));
      serve(
        app,
        visitorHttp.export,
        { action: 'visitor:export', target: (input) => (input.venueId ? { venueId: String(input.venueId) } : undefined) },
        async (request, reply) => {
          const { kind, format } = request.params;
          const admin = request.identity.kind === 'staff' && request.identity.account.role === 'admin';
          const venueId = request.query.venueId ?? null;
          // Registrations hold no venue: only admins, who see every venue, export them all.
          if (!admin && (kind === 'registrations' || venueId === null)) throw new HubError('FORBIDDEN', 'choose a venue of yours');
          const file = await exportFile(db, kind, format, venueId, admin);
          recordAudit(db, actorOf(request.identity, request.ip), 'visitor:export', `${kind}.${format}`, { venueId, personalData: admin });
          return reply
            .header('content-type', CONTENT_TYPES[format])
            .header('content-disposition', `attachment; filename="eventday-${kind}${venueId ? `-${venueId}` : ''}.${format}"`)
            .header('cache-control', 'no-store')
            .send(file);
        },
      );
    },
  });
}
