import { Type, type Static } from '@sinclair/typebox';
import type { CommandTable, EventTable } from './protocol-table.ts';
import { httpRoute } from './http.ts';
import { DeviceParams, DeviceRecordView } from './staff-rest.ts';

/** How often a paired screen or kiosk reports, and after how long without a word the console marks it red. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const SILENT_AFTER_MS = 15_000;
/** How long a device shows its name after staff press “identify”. */
export const IDENTIFY_SECONDS = 10;

/** What a device says about itself every few seconds. */
export const DeviceHeartbeat = Type.Object(
  {
    /** A screen: the kind of scene on air; a kiosk: its page (home, checkin, quiz …). */
    scene: Type.String({ maxLength: 40 }),
    revision: Type.Union([Type.Integer(), Type.Null()]),
    appVersion: Type.String({ maxLength: 40 }),
    /** Things waiting to be sent (a check-in kiosk's offline scans). */
    outboxSize: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    lastError: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type DeviceHeartbeat = Static<typeof DeviceHeartbeat>;

export const DeviceHealth = Type.Composite([DeviceHeartbeat, Type.Object({ receivedAt: Type.Integer() })]);
export type DeviceHealth = Static<typeof DeviceHealth>;

/** A device in the console's list: its record, its last heartbeat, and whether it has gone silent. */
export const DeviceHealthView = Type.Composite([
  DeviceRecordView,
  Type.Object({
    health: Type.Union([DeviceHealth, Type.Null()]),
    /** Not revoked, and nothing heard from it for longer than silentAfterMs. */
    silent: Type.Boolean(),
    silentAfterMs: Type.Integer(),
  }),
]);
export type DeviceHealthView = Static<typeof DeviceHealthView>;

/** To one device: show your name large for a while, so staff find you in the hall. */
const DeviceIdentify = Type.Object({ name: Type.String(), seconds: Type.Integer() });
type DeviceIdentify = Static<typeof DeviceIdentify>;

/** The deviceHealth commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const deviceHealthCommands = {
  /** Every paired screen and kiosk, every few seconds: what it shows and how it is. */
  'device:heartbeat': { request: DeviceHeartbeat, reply: Type.Object({}) },
} as const satisfies CommandTable;

/** The deviceHealth events the hub sends. */
export const deviceHealthEvents = {
  /** To one device: reload the page (staff pressed “reload” in the console). */
  'device:reload': Type.Object({}),
  /** To one device: show your name large for a while. */
  'device:identify': DeviceIdentify,
} as const satisfies EventTable;

const Delivered = Type.Object({ delivered: Type.Boolean() });

/** The health wall's REST routes: every device with its last heartbeat; reload one, or make it show its name. */
export const deviceHealthHttp = {
  list: httpRoute({ method: 'GET', path: '/api/devices/health', reply: Type.Array(DeviceHealthView) }),
  reload: httpRoute({ method: 'POST', path: '/api/devices/:deviceId/reload', params: DeviceParams, reply: Delivered }),
  identify: httpRoute({ method: 'POST', path: '/api/devices/:deviceId/identify', params: DeviceParams, reply: Delivered }),
};
