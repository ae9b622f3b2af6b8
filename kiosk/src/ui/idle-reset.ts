/** A kiosk left alone goes back to the start, forgetting the last visitor. */
const KIOSK_IDLE_MS = 60_000;

/**
 * Calls `reset` once no touch, click or key has come for `idleMs` (a page may shorten it with
 * ?idle=<seconds>, which tests use). Returns the cleanup.
 */
export function idleReset(reset: () => void, idleMs = configuredIdleMs()): () => void {
  let timer = setTimeout(reset, idleMs);
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(reset, idleMs);
  };
  const events = ['pointerdown', 'keydown', 'touchstart'] as const;
  for (const name of events) window.addEventListener(name, restart, { passive: true });
  return () => {
    clearTimeout(timer);
    for (const name of events) window.removeEventListener(name, restart);
  };
}

function configuredIdleMs(): number {
  const seconds = Number(new URLSearchParams(location.search).get('idle'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : KIOSK_IDLE_MS;
}
