import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';

/** A scan as a kiosk made it. The kiosk makes the id, so a scan resent after a lost answer counts once. */
export const ScanRequest = Type.Object(
  {
    scanId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
    /** What the scanner read, as it read it: checked on the hub, whatever the kiosk decided. */
    pass: Type.String({ maxLength: 4096 }),
    checkpointId: Slug,
    scannedAt: Type.Integer({ minimum: 0 }),
    /** True when the kiosk decided alone (its link was down) and is uploading later. */
    offline: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ScanRequest = Static<typeof ScanRequest>;

const ScanUploadRequest = Type.Object({ scans: Type.Array(ScanRequest, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });
type ScanUploadRequest = Static<typeof ScanUploadRequest>;

const SCAN_RESULTS = ['welcome', 'again', 'invalid'] as const;

export const ScanOutcome = Type.Object({
  scanId: Type.String(),
  /** welcome: counted now (green); again: already in today or already stamped (amber); invalid: red. */
  result: Type.Union(SCAN_RESULTS.map((result) => Type.Literal(result))),
  reason: Type.Optional(Type.String()),
  counted: Type.Boolean(),
  /** Two kiosks, both offline, each welcomed this visitor: one entry, and this flag for staff. */
  conflict: Type.Boolean(),
  /** Masked for everyone but the visitor's own phone. */
  visitorName: Type.Optional(Type.String()),
  stamps: Type.Optional(Type.Integer()),
});
export type ScanOutcome = Static<typeof ScanOutcome>;

const ScanUploadReply = Type.Object({ outcomes: Type.Array(ScanOutcome) });

export const Checkpoint = Type.Object({
  id: Slug,
  venueId: Slug,
  kind: Type.Union([Type.Literal('entrance'), Type.Literal('station')]),
  name: Type.String(),
  nameEn: Type.String(),
});
export type Checkpoint = Static<typeof Checkpoint>;

/** What a kiosk needs to check in: its venue's checkpoints, and the one the console set for it (null: staff choose on the kiosk). */
const CheckinSetupReply = Type.Object({ checkpoints: Type.Array(Checkpoint), assignedCheckpointId: Type.Union([Slug, Type.Null()]) });
const CheckpointAssigned = Type.Object({ checkpointId: Type.Union([Slug, Type.Null()]) });
type CheckpointAssigned = Static<typeof CheckpointAssigned>;
export const AssignCheckpointBody = Type.Object({ checkpointId: Type.Union([Slug, Type.Null()]) }, { additionalProperties: false });
export type AssignCheckpointBody = Static<typeof AssignCheckpointBody>;
type CheckinSetupReply = Static<typeof CheckinSetupReply>;

/** The checkin commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const checkinCommands = {
  /** A kiosk in check-in mode asks for the checkpoints of its venue. */
  'checkin:setup': { request: EmptyRequest, reply: CheckinSetupReply },
  /** One scan, acknowledged once stored. */
  'checkin:scan': { request: ScanRequest, reply: ScanOutcome },
  /** A kiosk's outbox of offline scans; each scan id is applied once. */
  'checkin:upload': { request: ScanUploadRequest, reply: ScanUploadReply },
} as const satisfies CommandTable;

/** The checkin events the hub sends. */
export const checkinEvents = {
  /** To a kiosk whose check-in point was set (or cleared) in the console. */
  'checkin:assigned': CheckpointAssigned,
} as const satisfies EventTable;
