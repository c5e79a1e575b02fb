// The playground's built-in request endpoint: a service worker that answers
//   GET <scope>sim/delay?ms=<0..60000>&status=<200..599>&bytes=<0..1000000>
// after `ms` milliseconds with that status and a body of `bytes` bytes, so async
// lessons make real fetch() requests with no backend, offline and embedded.
// Every other request passes through untouched.
'use strict';

const clampInt = (v, lo, hi, dflt) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : dflt;
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const base = new URL('sim/', self.registration.scope);
  if (url.origin !== base.origin || url.pathname !== base.pathname + 'delay') return;
  const ms = Math.min(60000, Math.max(0, Number.parseFloat(url.searchParams.get('ms')) || 0));
  const status = clampInt(url.searchParams.get('status'), 200, 599, 200);
  const bytes = clampInt(url.searchParams.get('bytes'), 0, 1000000, 0);
  const started = Date.now();
  event.respondWith(new Promise((resolve) => {
    setTimeout(() => {
      const body = bytes > 0 ? 'x'.repeat(bytes) : JSON.stringify({ ms, status, id: url.searchParams.get('id') });
      resolve(new Response(status === 204 || status === 304 ? null : body, {
        status,
        headers: {
          'Content-Type': bytes > 0 ? 'text/plain' : 'application/json',
          'Cache-Control': 'no-store',
          'Cross-Origin-Resource-Policy': 'same-origin',
          'X-Sim-Delay-Ms': String(Date.now() - started),
        },
      }));
    }, ms);
  }));
});

// --- Cross-origin isolation on any static host -------------------------------
// CPU lessons need SharedArrayBuffer, i.e. a cross-origin isolated page, i.e.
// COOP/COEP response headers that static hosts (GitHub Pages, a plain file
// server) cannot send. This worker adds them to this site's own responses, the
// way coi-serviceworker does: static/coi.js reloads the page once after the
// worker first takes control, and from then on the page is isolated. Headers
// the server already sends are kept. `coi=0` in a page's query turns it off
// for that page (to see the app as a header-less host without this worker).
// Requests under sim/ are the endpoint's (above) and never reach this.
function withIsolationHeaders(response) {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  const add = (name, value) => { if (!headers.has(name)) headers.set(name, value); };
  add('Cross-Origin-Opener-Policy', 'same-origin');
  add('Cross-Origin-Embedder-Policy', 'require-corp');
  add('Cross-Origin-Resource-Policy', 'cross-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || request.method !== 'GET') return;
  if (url.pathname.startsWith(new URL('sim/', scope).pathname)) return;
  // A devtools quirk: only-if-cached is allowed for same-origin mode only.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (request.mode === 'navigate' && url.searchParams.get('coi') === '0') return;
  try {
    event.respondWith(fetch(request).then(withIsolationHeaders));
  } catch (_) {
    // Another listener of this worker has answered already.
  }
});
