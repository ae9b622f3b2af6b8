import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../store/database.ts';
import { AuditEntryView, AuditQuery } from '../../shared/staff-rest.ts';
import { listAudit } from './audit-log.ts';

/** The audit log, newest first, filtered by action (prefix), actor or target. */
export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    { config: { action: 'audit:list' }, schema: { querystring: AuditQuery, response: { 200: Type.Array(AuditEntryView) } } },
    (request) => {
      const { action, actor, target, limit } = request.query;
      return listAudit(db, { action, actor, target, limit: Math.min(Number(limit ?? 200), 1000) });
    },
  );
}
