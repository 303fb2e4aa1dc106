/* global self, caches, clients, fetch, Response, URL */
// Parley's service worker: keeps the app shell (and every built asset, listed by the build in
// asset-manifest.json) for offline use, never caches the API, and shows Web Push notifications.
const CACHE = 'parley-shell-v1';
const SHELL = ['/', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon.svg'];
const OFFLINE_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Parley</title><main style="font-family:system-ui;padding:2rem"><h1>You are offline</h1><p>Parley cannot reach the server. It will work again once the connection is back.</p><button onclick="location.reload()">Try again</button></main></html>`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      try {
        const res = await fetch('/asset-manifest.json', { cache: 'no-store' });
        if (res.ok) await cache.addAll((await res.json()).files.map((f) => `/${f}`));
      } catch {
        // Assets are cached as they are used instead.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function isApi(url) {
  return /^\/(api|oauth|auth|settings|admin|\.well-known|nodeinfo|users|@[^/]+)(\/|$)/.test(url.pathname);
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || isApi(url)) return;
  if (req.mode === 'navigate') {
    // The network first (fresh HTML), the cached shell when offline.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok && (res.headers.get('content-type') || '').includes('text/html') && url.pathname === '/') {
            const cache = await caches.open(CACHE);
            await cache.put('/', res.clone());
          }
          return res;
        } catch {
          const shell = await caches.match('/');
          return shell || new Response(OFFLINE_PAGE, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/') || url.pathname === '/manifest.webmanifest') {
    // Built assets have content hashes in their names: the cache is always right.
    event.respondWith(
      (async () => {
        const cached = await caches.match(req);
        if (cached) return cached;
        const res = await fetch(req);
        if (res.ok) {
          const cache = await caches.open(CACHE);
          await cache.put(req, res.clone());
        }
        return res;
      })(),
    );
  }
});

// Mastodon's push payload: { notification_id, notification_type, title, body, icon, preferred_locale }.
self.addEventListener('push', (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'Parley', body: event.data ? event.data.text() : '' };
  }
  const url = data.notification_type === 'follow_request' ? '/follow_requests' : '/notifications';
  event.waitUntil(
    self.registration.showNotification(data.title || 'Parley', {
      body: data.body || '',
      icon: data.icon || '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      tag: data.notification_id ? `notification-${data.notification_id}` : undefined,
      lang: data.preferred_locale || undefined,
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(
    (async () => {
      const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin === self.location.origin && 'focus' in client) {
          await client.focus();
          if ('navigate' in client) await client.navigate(target);
          return;
        }
      }
      await clients.openWindow(target);
    })(),
  );
});
