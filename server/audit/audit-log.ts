import type { Db } from '../store/database.ts';
import type { Actor } from '../auth/identity.ts';

export interface AuditEntry {
  id: number;
  at: number;
  actorKind: string;
  actorId: string;
  actorName: string;
  ip: string;
  action: string;
  target: string;
  detail: unknown;
}

/** Who did what to what, from where and when. Written in the same transaction as the change where there is one. */
export function recordAudit(db: Db, actor: Actor, action: string, target: string, detail: unknown = {}, now = Date.now()): void {
  db.prepare('INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, ip, action, target, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    now,
    actor.kind,
    actor.id,
    actor.name,
    actor.ip,
    action,
    target,
    JSON.stringify(detail),
  );
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  target?: string;
  since?: number;
  limit: number;
}

export function listAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const values: (string | number)[] = [];
  const when = (condition: string, value: string | number) => {
    where.push(condition);
    values.push(value);
  };
  if (filter.action) when('action LIKE ?', `${filter.action}%`);
  if (filter.actor) when('actor_name = ?', filter.actor);
  if (filter.target) when('target = ?', filter.target);
  if (filter.since !== undefined) when('at >= ?', filter.since);
  const rows = db
    .prepare(
      `SELECT id, at, actor_kind, actor_id, actor_name, ip, action, target, detail_json FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...values, filter.limit) as {
    id: number;
    at: number;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    ip: string;
    action: string;
    target: string;
    detail_json: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    ip: row.ip,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail_json) as unknown,
  }));
}
