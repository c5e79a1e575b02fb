// The playground's built-in request endpoint: a service worker that answers
//   GET <scope>sim/delay?ms=<0..60000>&status=<200..599>&bytes=<0..1000000>
// after `ms` milliseconds with that status and a body of `bytes` bytes (none by
// default; the delay it waited is in the X-Sim-Delay-Ms header), so async
// lessons make real fetch() requests with no backend, offline and embedded.
// Every other request passes through untouched.
//   GET <scope>sim/stats[?reset=1] answers { received, answered } for the asking
// page (its delay requests since it loaded or last reset), so tests can prove
// the lesson's requests really went through this worker.
'use strict';

const clampInt = (v, lo, hi, dflt) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : dflt;
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Per page (clientId): delay requests received and answered.
const counts = new Map();
const countFor = (id) => {
  if (!counts.has(id)) counts.set(id, { received: 0, answered: 0 });
  return counts.get(id);
};

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const base = new URL('sim/', self.registration.scope);
  if (url.origin !== base.origin) return;
  if (url.pathname === base.pathname + 'stats') {
    const id = event.clientId || 'none';
    const c = { ...countFor(id) };
    if (url.searchParams.get('reset') === '1') counts.set(id, { received: 0, answered: 0 });
    event.respondWith(new Response(JSON.stringify(c), {
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'same-origin' },
    }));
    return;
  }
  if (url.pathname !== base.pathname + 'delay') return;
  const count = countFor(event.clientId || 'none');
  count.received += 1;
  const planned = Math.min(60000, Math.max(0, Number.parseFloat(url.searchParams.get('ms')) || 0));
  // The optional overloadable server (see serverAdmit below): it may slow or refuse the request.
  const adm = serverAdmit(url.searchParams, planned, clampInt(url.searchParams.get('status'), 200, 599, 200));
  const { ms, status } = adm;
  const bytes = clampInt(url.searchParams.get('bytes'), 0, 1000000, 0);
  const started = Date.now();
  event.respondWith(new Promise((resolve) => {
    setTimeout(() => {
      count.answered += 1;
      adm.release();
      // No body unless one is asked for: an empty response is a whole request
      // (the page still reads it to the end), and a body costs the page a data
      // pipe to read through, ~1.5× fewer requests/s at K = 100 (BENCHMARKS.md).
      const body = bytes > 0 ? 'x'.repeat(bytes) : null;
      resolve(new Response(status === 204 || status === 304 ? null : body, {
        status,
        headers: {
          'Content-Type': 'text/plain',
          'Cache-Control': 'no-store',
          'Cross-Origin-Resource-Policy': 'same-origin',
          'X-Sim-Delay-Ms': String(Date.now() - started),
        },
      }));
    }, ms);
  }));
});

// ---- Server model (the crawler's `server=capacity`) ----------------------
// With `server=capacity&capacity=C&queue=Q&run=R`, requests of run R share one
// server that serves C at full speed: a request admitted as the n-th in
// service takes ms·(n/C)² once n > C (contention slows everyone), and past
// C + Q in service it is refused at once with 503, like an overloaded API.
// The same rule as crates/engine/src/server_model.rs and python/crawler.py.
const serversInService = new Map(); // run id -> requests in service

function serverAdmit(params, ms, status) {
  const none = { ms, status, release: () => {} };
  if (params.get('server') !== 'capacity') return none;
  const run = params.get('run') || '';
  const capacity = clampInt(params.get('capacity'), 1, 1000000, 1);
  const queue = clampInt(params.get('queue'), 0, 1000000, 0);
  const n = (serversInService.get(run) || 0) + 1;
  if (n > capacity + queue) return { ms: 0, status: 503, release: () => {} };
  serversInService.set(run, n);
  const loaded = Math.round(ms * Math.max(1, n / capacity) ** 2 * 10) / 10;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (serversInService.get(run) || 1) - 1;
    if (left > 0) serversInService.set(run, left); else serversInService.delete(run);
  };
  return { ms: loaded, status, release };
}
// --- Cross-origin isolation on any static host -------------------------------
// CPU lessons need SharedArrayBuffer, i.e. a cross-origin isolated page, i.e.
// COOP/COEP response headers that static hosts (GitHub Pages, a plain file
// server) cannot send. This worker adds them to this site's own responses, the
// way coi-serviceworker does: static/coi.js reloads the page once after the
// worker first takes control, and from then on the page is isolated. Headers
// the server already sends are kept. `coi=0` in a page's query turns it off
// for that page (to see the app as a header-less host without this worker).
// Requests under sim/ are the endpoint's (above) and never reach this.
//
// Only what takes its policy from its own response comes through here: the
// page (a navigation: a document or a frame) and each worker's script, and the
// page's feature test (a URL with `sw-probe` in its query). Every other
// request of the site is same-origin, which COEP require-corp lets in
// without any header, so it goes to the network untouched (no respondWith):
// when the page aborts one (it navigates away while the rest of the wasm or
// the later texts still load), that is the browser's plain abort. Answered
// here, Firefox reported each such abort as "Failed to load ''. A ServiceWorker
// intercepted the request and encountered an unexpected error." (copying this
// worker's answer into the aborted request failed; '' is the URL of a response
// made here): a page error in a test that navigated away soon after the
// page's start-up (within 50 ms at load 4; the window grows with the load).
const TAKES_POLICY = new Set(['document', 'iframe', 'frame', 'worker', 'sharedworker']);

function withIsolationHeaders(response) {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  const add = (name, value) => { if (!headers.has(name)) headers.set(name, value); };
  add('Cross-Origin-Opener-Policy', 'same-origin');
  add('Cross-Origin-Embedder-Policy', 'require-corp');
  add('Cross-Origin-Resource-Policy', 'cross-origin');
  // Says who answered: the page's feature test (src/web/services/page_sync.rs)
  // learns whether this worker sees the page's own synchronous requests.
  headers.set('X-Playground-Sw', '1');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || request.method !== 'GET') return;
  if (url.pathname.startsWith(new URL('sim/', scope).pathname)) return;
  const probe = url.searchParams.has('sw-probe');
  if (request.mode !== 'navigate' && !TAKES_POLICY.has(request.destination) && !probe) return;
  // A devtools quirk: only-if-cached is allowed for same-origin mode only.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (request.mode === 'navigate' && url.searchParams.get('coi') === '0') return;
  try {
    event.respondWith(fetch(request).then(withIsolationHeaders));
  } catch (_) {
    // Another listener of this worker has answered already.
  }
});
