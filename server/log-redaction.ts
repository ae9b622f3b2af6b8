/**
 * Log lines never carry secrets or personal data: whatever a handler logs, these paths are
 * replaced. (Request lines are off; these guard what code logs on purpose or by accident.)
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'deviceToken',
  '*.deviceToken',
  'mobile',
  '*.mobile',
  'realName',
  '*.realName',
];

export function withRedaction(logger: boolean | object): boolean | object {
  if (logger === false) return false;
  return { ...(logger === true ? {} : logger), redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
