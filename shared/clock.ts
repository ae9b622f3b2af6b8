import { Type, type Static } from '@sinclair/typebox';
import { EmptyRequest, type CommandTable } from './protocol-table.ts';

const ClockSyncReply = Type.Object({ serverNow: Type.Integer() });
type ClockSyncReply = Static<typeof ClockSyncReply>;

/** The hub's clock, for screens, phones and kiosks measuring their offset from it. */
export const clockCommands = {
  /** The hub's clock now, for a client measuring its offset (several samples, the fastest kept). */
  'clock:sync': { request: EmptyRequest, reply: ClockSyncReply },
} as const satisfies CommandTable;
