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
  // The screen's code comes in chunks loaded after the page (the console's never): the worker is
  // told which this page loaded, so a screen that restarts offline finds every one of them.
  void navigator.serviceWorker.ready.then((registration) => {
    const files = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((pathname) => pathname.startsWith('/display/assets/'));
    registration.active?.postMessage({ type: 'keep-assets', urls: files });
  });
}

/** Asks the service worker to keep these files (a loop's items) whole, for playing offline. */
export function keepMediaOffline(urls: string[]): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'keep-media', urls }));
}
