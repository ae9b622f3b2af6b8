import type { Db } from '../store/database.ts';
import type { DeviceView } from '../../shared/identity.ts';

interface DeviceRow {
  id: string;
  kind: 'screen' | 'kiosk';
  name: string;
  venue_id: string;
  group_id: string | null;
  expires_at: number;
  revoked_at: number | null;
  paired_at: number;
  last_seen_at: number | null;
  checkpoint_id: string | null;
}

export interface DeviceRecord extends DeviceView {
  pairedAt: number;
  expiresAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
  /** A kiosk's check-in point, when the console set one. */
  checkpointId: string | null;
}

const COLUMNS = 'id, kind, name, venue_id, group_id, expires_at, revoked_at, paired_at, last_seen_at, checkpoint_id';

const toRecord = (row: DeviceRow): DeviceRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  venueId: row.venue_id,
  groupId: row.group_id,
  pairedAt: row.paired_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastSeenAt: row.last_seen_at,
  checkpointId: row.checkpoint_id,
});

export const deviceView = ({ id, kind, name, venueId, groupId }: DeviceRecord): DeviceView => ({ id, kind, name, venueId, groupId });

export function findDeviceByTokenHash(db: Db, tokenHash: string): DeviceRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM devices WHERE token_hash = ?`).get(tokenHash) as DeviceRow | undefined;
  return row && toRecord(row);
}

export function findDevice(db: Db, id: string): DeviceRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM devices WHERE id = ?`).get(id) as DeviceRow | undefined;
  return row && toRecord(row);
}

export function listDevices(db: Db): DeviceRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM devices ORDER BY paired_at DESC`).all() as DeviceRow[]).map(toRecord);
}

export function insertDevice(db: Db, device: DeviceView & { tokenHash: string; pairedBy: number | null; expiresAt: number }, now: number): void {
  db.prepare(
    `INSERT INTO devices (id, kind, name, venue_id, group_id, token_hash, paired_at, paired_by, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(device.id, device.kind, device.name, device.venueId, device.groupId, device.tokenHash, now, device.pairedBy, device.expiresAt);
}

export function revokeDevice(db: Db, id: string, now: number): void {
  db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
}

export function touchDevice(db: Db, id: string, now: number): void {
  db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id);
}

export function setDeviceCheckpoint(db: Db, id: string, checkpointId: string | null): void {
  db.prepare('UPDATE devices SET checkpoint_id = ? WHERE id = ?').run(checkpointId, id);
}
