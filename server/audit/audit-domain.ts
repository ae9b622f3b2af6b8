import { auditHttp } from '../../shared/staff-rest.ts';
import { defineDomain, type HubCore } from '../domain.ts';
import { serve } from '../web/serve.ts';
import { listAudit } from './audit-log.ts';

/** The audit log for admins, newest first, filtered by action (prefix), actor or target. */
export function auditDomain(core: HubCore) {
  return defineDomain({
    name: 'audit',
    async routes(app) {
      serve(app, auditHttp.list, { action: 'audit:list' }, (request) => {
        const { action, actor, target, limit } = request.query;
        return listAudit(core.db, { action, actor, target, limit: Math.min(Number(limit ?? 200), 1000) });
      });
    },
  });
}
