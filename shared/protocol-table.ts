import { Type } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';

/** A domain's commands: each a request schema (checked by the hub) and a reply schema. */
export type CommandTable = Record<string, { request: TSchema; reply: TSchema }>;
/** A domain's events from the hub: each a payload schema. */
export type EventTable = Record<string, TSchema>;

/** A command that takes no arguments: `{}` and nothing else. */
export const EmptyRequest = Type.Object({}, { additionalProperties: false });
