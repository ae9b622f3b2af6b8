/**
 * Screens and consoles may receive a slot twice or out of order (a broadcast racing a snapshot
 * after a reconnect). They apply only what is newer than what they show.
 */
export function isNewerRevision(shown: number | undefined, incoming: number): boolean {
  return shown === undefined || incoming > shown;
}
