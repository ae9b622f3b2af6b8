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
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  SIGN_IN_LOCKED: 429,
  FORBIDDEN: 403,
  CSRF_REFUSED: 403,
  ORIGIN_REFUSED: 403,
  DEVICE_UNKNOWN: 401,
  DEVICE_REVOKED: 401,
  DEVICE_EXPIRED: 401,
  PAIRING_CODE_INVALID: 400,
  UNKNOWN_VENUE: 404,
  UNKNOWN_DEVICE: 404,
  UNKNOWN_ACCOUNT: 404,
  USERNAME_TAKEN: 409,
  WEAK_PASSWORD: 400,
  INVALID_MOBILE: 400,
  CONSENT_REQUIRED: 400,
  GUARDIAN_CONSENT_REQUIRED: 400,
  NAME_INVALID: 400,
  UNKNOWN_CHECKPOINT: 404,
};
