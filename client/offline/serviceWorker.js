/*
 * The service worker: keeps the built app in the browser so that a reload without a network
 * opens the board from IndexedDB. The build (scripts/service-worker-plugin.ts) writes it to /sw.js
 * with two constants in front of this file:
 *   VERSION  - changes with every build whose files change (the cache's name);
 *   PRECACHE - the page and every file the first screen needs (entry chunk, its static imports,
 *              their CSS, theme-boot.js).
 * Chunks loaded later (report, presentation, privacy page) are kept once fetched.
 * Never handled: the API, the websocket, probes and metrics - they are the server's, live.
 * Nothing leaves for a third party; the CSP's 'self' covers the worker.
 */
/* global VERSION, PRECACHE */
const CACHE = `ballonfahrt-app-${VERSION}`
const LIVE = ['/api/', '/ws', '/healthz', '/readyz', '/metrics']

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('ballonfahrt-app-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  )
})

/** A page: from the network while there is one, else the cached app shell (index.html). */
async function page(request) {
  try {
    return await fetch(request)
  } catch (error) {
    const shell = await caches.match('/', { cacheName: CACHE })
    if (shell) return shell
    throw error
  }
}

/** A file of the build: names carry a content hash, so a cached copy is always right. */
async function file(request) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) await cache.put(request, response.clone())
  return response
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || LIVE.some((prefix) => url.pathname.startsWith(prefix))) return
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request))
})
