/* global self, caches, fetch, Response */
/*
 * StreamHub's service worker: makes the site installable and opens it fast, offline too.
 *
 * - Caches the app shell (index.html's scripts and styles), the icons, the manifest and the offline page
 *   at install, and every other built file (/assets/, lazily loaded pages) the first time it is fetched.
 *   Built files have a content hash in their names, so a cached copy is never stale.
 * - Never caches or answers API calls, media, or anything else of the server's (/api/, /media/, /docs…):
 *   those can hold private data (a signed-in user's feed, a private video's signed URL) and pass through
 *   to the network untouched.
 * - Pages (navigations) always come from the network, so a new release shows at once; when the network
 *   is gone, the offline page is shown instead.
 *
 * The build (web/vite-plugin-service-worker.ts) fills in BUILD_ID and PRECACHE: a new build changes
 * this file, the browser installs the new worker, and the previous build's cache is deleted.
 */
const BUILD_ID = '__STREAMHUB_BUILD_ID__';
const PRECACHE = ['__STREAMHUB_PRECACHE__'];
const CACHE = `streamhub-shell-${BUILD_ID}`;
const OFFLINE_PAGE = '/offline.html';
const STATIC_FILES = [
  '/offline.html',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
  '/icons/favicon-48.png',
];
const CACHEABLE = /^\/(assets|icons)\/|^\/(offline\.html|manifest\.webmanifest)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...new Set([...STATIC_FILES, ...PRECACHE.filter((path) => path.startsWith('/'))])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith('streamhub-shell-') && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      // Pages opened before the worker was installed are served by it from now on.
      await self.clients.claim();
    })(),
  );
});

async function fromCacheOrNetwork(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function pageOrOffline(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(OFFLINE_PAGE)) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageOrOffline(request));
    return;
  }
  // Anything not a built static file (API answers, media, the server's own pages) is left to the network.
  if (!CACHEABLE.test(url.pathname)) return;
  event.respondWith(fromCacheOrNetwork(request));
});
