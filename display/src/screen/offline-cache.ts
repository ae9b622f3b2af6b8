/**
 * The screen's offline cache: a service worker (display/public/sw.js) keeps the display app and
 * the loops' media, so a screen whose network drops keeps playing, and one that restarts while
 * the hub is away still opens. Browsers allow service workers only in a secure context (HTTPS,
 * localhost, 127.0.0.1, or an address the screen's Chromium is told to trust); elsewhere the
 * screen still works, with the browser's ordinary cache only.
 */
export function registerScreenWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/display/sw.js', { scope: '/display/' }).catch(() => undefined);
}

/** Asks the service worker to keep these files (a loop's items) whole, for playing offline. */
export function keepMediaOffline(urls: string[]): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'keep-media', urls }));
}
