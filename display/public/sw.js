/*
 * The big screens' service worker: a loop keeps playing and the last scene stays up when the
 * network drops, and a screen that restarts meanwhile still opens.
 * - the display app's page (one index.html for every route): network first, the kept copy offline;
 * - its built files (/display/assets/, content-hashed): those the page names kept on install, the
 *   chunks it loads later kept when the page says which (keep-assets), then cache first;
 * - media (/media/): cache first, kept whole (a video's range requests are answered from the
 *   kept file); a file not kept yet comes from the network while it is fetched whole for next time;
 * - never /api or /socket.io: live state comes only from the hub.
 * Written by hand rather than generated: no build plugin, and every rule is in this one file.
 */
const VERSION = 'v1';
const SHELL_CACHE = `eventday-shell-${VERSION}`;
const ASSET_CACHE = `eventday-assets-${VERSION}`;
const MEDIA_CACHE = `eventday-media-${VERSION}`;
const SHELL_URL = '/display/';
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const current = [SHELL_CACHE, ASSET_CACHE, MEDIA_CACHE];
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('eventday-') && !current.includes(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The page and every built file it names. */
async function keepShell() {
  const response = await fetch(SHELL_URL, { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await (await caches.open(SHELL_CACHE)).put(SHELL_URL, response);
  const assets = [...html.matchAll(/(?:src|href)="(\/display\/assets\/[^"]+)"/g)].map((match) => match[1]);
  await (await caches.open(ASSET_CACHE)).addAll(assets);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/display/')) event.respondWith(page(request));
  else if (url.pathname.startsWith('/display/assets/')) event.respondWith(asset(request));
  else if (url.pathname.startsWith('/media/')) event.respondWith(media(request, event));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'keep-media' && Array.isArray(event.data.urls)) {
    event.waitUntil(Promise.all(event.data.urls.filter((url) => typeof url === 'string' && url.startsWith('/media/')).map(keepMedia)));
  }
  // The built chunks a page loaded after its first lines (a screen's code is split from the console's).
  if (event.data?.type === 'keep-assets' && Array.isArray(event.data.urls)) {
    event.waitUntil(keepAssets(event.data.urls.filter((url) => typeof url === 'string' && url.startsWith('/display/assets/'))));
  }
});

async function keepAssets(paths) {
  const cache = await caches.open(ASSET_CACHE);
  await Promise.all(paths.map(async (path) => (await cache.match(path)) ?? cache.add(path).catch(() => undefined)));
}

async function page(request) {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (response.ok) await (await caches.open(SHELL_CACHE)).put(SHELL_URL, response.clone());
    return response;
  } catch {
    return (await caches.match(SHELL_URL, { cacheName: SHELL_CACHE })) ?? Response.error();
  }
}

async function asset(request) {
  const cache = await caches.open(ASSET_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Whole files being fetched for the cache, so a video asked for in many ranges is fetched once. */
const keeping = new Map();

function keepMedia(path) {
  const key = new URL(path, self.location.origin).pathname;
  if (!keeping.has(key)) {
    const job = (async () => {
      const cache = await caches.open(MEDIA_CACHE);
      if (await cache.match(key)) return;
      const response = await fetch(key, { credentials: 'same-origin' });
      if (response.status === 200) await cache.put(key, response);
    })()
      .catch(() => undefined)
      .finally(() => keeping.delete(key));
    keeping.set(key, job);
  }
  return keeping.get(key);
}

async function media(request, event) {
  const key = new URL(request.url).pathname;
  const kept = await (await caches.open(MEDIA_CACHE)).match(key);
  if (kept) return fromKept(kept, request.headers.get('range'));
  event.waitUntil(keepMedia(key));
  return fetch(request);
}

/** A kept whole file, or the byte range asked for (a video element reads by ranges). */
async function fromKept(response, range) {
  const headers = new Headers(response.headers);
  headers.set('x-eventday-cache', 'hit');
  const match = range && /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match) return new Response(response.body, { status: 200, headers });
  const blob = await response.blob();
  const size = blob.size;
  let start = Number(match[1]);
  let end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  }
  if (start >= size || start > end) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
  headers.set('content-range', `bytes ${start}-${end}/${size}`);
  headers.set('content-length', String(end - start + 1));
  headers.set('accept-ranges', 'bytes');
  return new Response(blob.slice(start, end + 1), { status: 206, headers });
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
