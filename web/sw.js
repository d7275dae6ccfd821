// iadesk service worker: after the first visit the app starts and works with the network off
// Network first, so a new build is used as soon as it is reachable; the cache is
// the fallback. The data itself never passes through here: it lives in IndexedDB, or on the team
// server, whose API this worker leaves alone.
//
// Updates: BUILD is replaced by a hash of app.js and app.wasm when the site is built (CMake,
// cmake/stamp_sw.cmake), so every build is a new worker to the browser. The first worker takes
// over at once; a later one installs its files and then waits until the page asks it to take
// over ({type: 'skip-waiting'}: the app's "Oppdater" when it found data saved by a newer version,
// web_library.js) or every tab of the app is closed.
const BUILD = '@IADESK_BUILD@';
const CACHE = 'iadesk-' + BUILD;
const FILES = ['./', './index.html', './app.js', './app.wasm', './favicon.svg', './manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES))
    .then(() => (self.registration.active ? undefined : self.skipWaiting())));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The team server's API (docs/team.md) is never cached: its answers hold personal data, and an
  // old answer given while offline would look like a fresh one.
  if (new URL(request.url).pathname.startsWith('/api/')) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })
        .then((hit) => hit || caches.match('./index.html'))));
});
