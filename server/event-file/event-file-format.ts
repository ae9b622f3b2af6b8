import { Type, type Static } from '@sinclair/typebox';
import { MIGRATIONS } from '../store/migrations.ts';

/**
 * The event file (.eventday): one event's whole setup, to move it from the laptop it was set up
 * on to the event machine. A first line naming the format, one line of JSON (the manifest: the
 * setup's rows, table by table, as the store holds them), then the uploaded media files' bytes,
 * one after another in the manifest's order. Nothing is compressed, so nothing can unpack into
 * more than the file holds; every file is checked by its length, SHA-256 and content type.
 */
export const MAGIC_LINE = 'EVENTDAY-SETUP';
export const FILE_VERSION = 1;
/** The store's schema the rows follow: a file of another one is refused (the columns differ). */
export const STORE_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
/** The largest event file taken: the setup with its videos (200 MB each by default). */
export const EVENT_FILE_MAX_BYTES = 4 * 1024 * 1024 * 1024;
/** The manifest line holds rows only (the media are after it): a logo of 1 MB is the largest value. */
export const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

/** An uploaded media file carried after the manifest (a demo medium ships with the app and is named only). */
const CarriedFile = Type.Object({
  name: Type.String({ pattern: '^[0-9a-f]{64}\\.(mp4|webm|jpg|png)$' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  bytes: Type.Integer({ minimum: 1 }),
});

/** A value of a row: text, a number, null, or bytes (a BLOB column) as base64. */
const CellValue = Type.Union([Type.String(), Type.Number(), Type.Null(), Type.Object({ base64: Type.String() }, { additionalProperties: false })]);

export const Manifest = Type.Object(
  {
    format: Type.Literal('eventday-setup'),
    fileVersion: Type.Integer(),
    storeVersion: Type.Integer(),
    exportedAt: Type.String(),
    eventName: Type.String(),
    tables: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), CellValue))),
    files: Type.Array(CarriedFile),
  },
  { additionalProperties: false },
);
export type Manifest = Static<typeof Manifest>;
export type Cell = Static<typeof CellValue>;
