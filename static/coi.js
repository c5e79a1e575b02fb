// Cross-origin isolation on hosts that cannot send COOP/COEP headers.
// The service worker (sim-sw.js) adds the headers to this site's responses;
// a page loaded before the worker controlled it is not isolated, so this
// script registers the worker and reloads the page once when the worker takes
// control. Loaded from index.html and tutorial.html before the app.
// Nothing happens when the page is isolated already (the server sends the
// headers), in frames (a frame is isolated only if its host page is), without
// service workers (not a secure context), or with `coi=0` in the query.
(() => {
  'use strict';
  const KEY = 'playground:coi-reloaded';
  if (window.crossOriginIsolated) {
    sessionStorage.removeItem(KEY);
    return;
  }
  if (window.top !== window.self || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  if (new URLSearchParams(location.search).get('coi') === '0') return;
  // One automatic reload per tab session: if it did not help (a browser that
  // ignores the worker's headers), the app explains what is missing.
  const reloadOnce = () => {
    if (sessionStorage.getItem(KEY)) return;
    sessionStorage.setItem(KEY, '1');
    location.reload();
  };
  const sw = navigator.serviceWorker;
  if (sw.controller) {
    reloadOnce();
    return;
  }
  sw.addEventListener('controllerchange', reloadOnce, { once: true });
  sw.register(new URL('sim-sw.js', document.baseURI)).catch(() => {});
})();
