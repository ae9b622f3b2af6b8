import type { ErrorCode } from '../shared/errors.ts';

/** A refusal the domain decides on: it reaches the client as { ok: false, code, message }. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
