import type { ErrorCode } from './errors.ts';

/** Every command a client sends is answered with one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; detail?: string };
export type AckCallback<T> = (ack: Ack<T>) => void;
