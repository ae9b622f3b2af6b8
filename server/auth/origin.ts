/**
 * A browser always names the page's origin on a WebSocket or a state-changing request; one
 * from another site is refused. No Origin at all is a script or a device, not a browser page,
 * and is judged by its credentials alone.
 */
export function isForeignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
