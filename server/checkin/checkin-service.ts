import type { Db } from '../store/database.ts';
import { createGroupCommit } from '../store/group-commit.ts';
import { checkPass, readShortCode, type PassCheck } from '../../shared/pass-format.ts';
import type { Checkpoint, ScanOutcome, ScanRequest } from '../../shared/checkin.ts';
import type { PassKeys } from '../passes/pass-keys.ts';
import { publicName } from '../visitors/visitor-queries.ts';
import { decideScan, eventDay } from './checkin-rules.ts';

export interface Scan extends ScanRequest {
  deviceId: string | null;
}

/**
 * Check-ins, written in short group transactions: scans that arrive while one is being written
 * wait for the next, and each is acknowledged only after the transaction holding it commits.
 * Durable (synchronous=FULL) without one disk flush per scan.
 */
export function createCheckinService(db: Db, keys: PassKeys, onCounted: () => void, now = Date.now) {
  const statements = {
    storedScan: db.prepare('SELECT scan_id, visitor_id, result, reason, counted, conflict FROM scans WHERE scan_id = ?'),
    checkpoint: db.prepare('SELECT venue_id, kind FROM checkpoints WHERE id = ?'),
    visitor: db.prepare('SELECT nickname, real_name, show_real_name FROM visitors WHERE id = ?'),
    visitorByShortCode: db.prepare('SELECT id FROM visitors WHERE short_code = ?').pluck(),
    entry: db.prepare('SELECT device_id FROM entries WHERE visitor_id = ? AND venue_id = ? AND day = ?'),
    stamp: db.prepare('SELECT device_id FROM stamps WHERE visitor_id = ? AND checkpoint_id = ?'),
    stamps: db.prepare('SELECT COUNT(*) FROM stamps WHERE visitor_id = ?').pluck(),
    insertScan: db.prepare(
      `INSERT INTO scans (scan_id, visitor_id, checkpoint_id, device_id, scanned_at, received_at, offline, result, reason, counted, conflict)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertEntry: db.prepare('INSERT INTO entries (visitor_id, venue_id, day, scan_id, device_id, at) VALUES (?, ?, ?, ?, ?, ?)'),
    insertStamp: db.prepare('INSERT INTO stamps (visitor_id, checkpoint_id, scan_id, device_id, at) VALUES (?, ?, ?, ?, ?)'),
  };
  let publicKeys = keyMap();
  // A pass's signature never changes: remember the ones already checked (visitors scan at the
  // gate and again at each station), until the keys change. Bounded: oldest forgotten first.
  const checkedPasses = new Map<string, ReturnType<typeof checkPass>>();
  const CHECKED_PASSES_KEPT = 50_000;
  function checkPassOnce(text: string) {
    let check = checkedPasses.get(text);
    if (!check) {
      check = checkPass(text, publicKeys, keys.verifySignature);
      if (checkedPasses.size >= CHECKED_PASSES_KEPT) checkedPasses.delete(checkedPasses.keys().next().value!);
      checkedPasses.set(text, check);
    }
    return check;
  }
  /**
   * What was scanned or typed: a signed pass, or a short code typed at a kiosk or a desk. A
   * short code carries no signature, so only the hub can check it (kiosks send it online only).
   */
  function identify(text: string): PassCheck {
    const shortCode = readShortCode(text);
    if (!shortCode) return checkPassOnce(text);
    const visitorId = statements.visitorByShortCode.get(shortCode) as string | undefined;
    return visitorId ? { ok: true, keyId: 'short-code', visitorId } : { ok: false, reason: 'unknown-code' };
  }

  function keyMap() {
    return Object.fromEntries(keys.publicKeys().map((key) => [key.keyId, key.publicKey]));
  }

  type VisitorRow = Parameters<typeof publicName>[0];
  const findVisitor = (visitorId: string | null) => (visitorId ? (statements.visitor.get(visitorId) as VisitorRow | undefined) : undefined);

  /** The masked name and stamp count a kiosk shows, from the visitor row already read. */
  function visitorView(visitorId: string | null, visitor: VisitorRow | undefined) {
    if (!visitorId || !visitor) return {};
    return { visitorName: publicName(visitor), stamps: statements.stamps.get(visitorId) as number };
  }

  /** Decides and stores one scan inside the open transaction; a scan id seen before returns what it decided then. */
  function apply(scan: Scan, receivedAt: number): ScanOutcome {
    const stored = statements.storedScan.get(scan.scanId) as
      { visitor_id: string | null; result: ScanOutcome['result']; reason: string | null; counted: number; conflict: number } | undefined;
    if (stored) {
      return {
        scanId: scan.scanId,
        result: stored.result,
        ...(stored.reason ? { reason: stored.reason } : {}),
        counted: stored.counted === 1,
        conflict: stored.conflict === 1,
        ...visitorView(stored.visitor_id, findVisitor(stored.visitor_id)),
      };
    }
    const checkpoint = statements.checkpoint.get(scan.checkpointId) as { venue_id: string; kind: 'entrance' | 'station' };
    const check = identify(scan.pass);
    const visitorId = check.ok ? check.visitorId : null;
    const visitor = findVisitor(visitorId);
    const visitorKnown = visitor !== undefined;
    const day = eventDay(scan.scannedAt);
    const earlier =
      visitorKnown && visitorId
        ? ((checkpoint.kind === 'entrance' ? statements.entry.get(visitorId, checkpoint.venue_id, day) : statements.stamp.get(visitorId, scan.checkpointId)) as
            { device_id: string | null } | undefined)
        : undefined;
    const decision = decideScan(check, visitorKnown, earlier && { deviceId: earlier.device_id }, scan);
    statements.insertScan.run(
      scan.scanId,
      visitorKnown ? visitorId : null,
      scan.checkpointId,
      scan.deviceId,
      scan.scannedAt,
      receivedAt,
      Number(scan.offline),
      decision.result,
      decision.result === 'invalid' ? decision.reason : null,
      Number(decision.counted),
      Number(decision.conflict),
    );
    if (decision.counted && visitorId) {
      if (checkpoint.kind === 'entrance') statements.insertEntry.run(visitorId, checkpoint.venue_id, day, scan.scanId, scan.deviceId, scan.scannedAt);
      else statements.insertStamp.run(visitorId, scan.checkpointId, scan.scanId, scan.deviceId, scan.scannedAt);
    }
    return {
      scanId: scan.scanId,
      result: decision.result,
      ...(decision.result === 'invalid' ? { reason: decision.reason } : {}),
      counted: decision.counted,
      conflict: decision.conflict,
      ...visitorView(visitorId, visitor),
    };
  }

  // Scans that arrive while one batch is written wait for the next; each is acknowledged after its commit.
  const enqueue = createGroupCommit<Scan, ScanOutcome>(
    db,
    apply,
    (outcomes) => {
      if (outcomes.some((outcome) => outcome.counted)) onCounted();
    },
    now,
  );

  return {
    scan: enqueue,
    /** Who a pass or short code belongs to (the quiz ties a score to a visitor with it). */
    identify,
    upload: (scans: Scan[]) => Promise.all(scans.map(enqueue)),
    /** After a key rotation or retirement. */
    reloadKeys() {
      publicKeys = keyMap();
      checkedPasses.clear();
    },
    /** Checkpoints of these venues (null: all), retired ones left out. */
    checkpoints(venueIds: string[] | null): Checkpoint[] {
      const rows = db.prepare('SELECT id, venue_id, kind, name, name_en FROM checkpoints WHERE retired_at IS NULL ORDER BY sort').all() as {
        id: string;
        venue_id: string;
        kind: Checkpoint['kind'];
        name: string;
        name_en: string;
      }[];
      return rows
        .filter((row) => venueIds === null || venueIds.includes(row.venue_id))
        .map((row) => ({ id: row.id, venueId: row.venue_id, kind: row.kind, name: row.name, nameEn: row.name_en }));
    },
  };
}

export type CheckinService = ReturnType<typeof createCheckinService>;
