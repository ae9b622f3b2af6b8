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

export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_PAYLOAD: 400,
  UNKNOWN_SCENE_KIND: 400,
  UNKNOWN_GROUP: 404,
  UNKNOWN_PLAYLIST: 404,
  NOT_FOUND: 404,
  PREVIEW_CHANGED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};
