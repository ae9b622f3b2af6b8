/**
 * A scan's own id, made on the kiosk so that a scan sent twice (a lost answer, an outbox resent)
 * is counted once. getRandomValues works on plain-HTTP venue networks, where randomUUID does not.
 */
export function newScanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
