// The colour theme: light or dark. Follows the system (prefers-color-scheme)
// until the reader picks one with the toggle; the pick is kept in
// localStorage and in the address bar (`theme=dark|light`, which also wins
// when a link carries it). Sets `data-theme` on <html> (style.css and the
// timeline's canvas ink read it) and announces changes with a
// `playground:theme` event on window. Loaded in <head>, before first paint.
(() => {
  'use strict';
  const KEY = 'playground:theme';
  const root = document.documentElement;
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const valid = (v) => (v === 'dark' || v === 'light' ? v : null);
  const store = {
    get() { try { return valid(localStorage.getItem(KEY)); } catch { return null; } },
    set(v) { try { localStorage.setItem(KEY, v); } catch { /* storage blocked: the URL still has it */ } },
  };
  let choice = valid(new URLSearchParams(location.search).get('theme'));
  if (choice) store.set(choice); else choice = store.get();
  const current = () => choice ?? (media.matches ? 'dark' : 'light');

  const LABELS = { en: ['Dark theme', 'Light theme'], zh: ['深色主题', '浅色主题'] };
  let button = null;
  const label = () => {
    if (!button) return;
    const dark = current() === 'dark';
    const [toDark, toLight] = LABELS[root.lang.startsWith('zh') ? 'zh' : 'en'];
    button.setAttribute('aria-label', dark ? toLight : toDark);
    button.title = dark ? toLight : toDark;
    button.textContent = dark ? '☀' : '☾';
    button.dataset.theme = current();
  };
  const apply = () => {
    root.dataset.theme = current();
    root.style.colorScheme = current();
    label();
    window.dispatchEvent(new Event('playground:theme'));
  };
  apply();
  media.addEventListener('change', () => { if (!choice) apply(); });

  const pick = (v) => {
    choice = v;
    store.set(v);
    const url = new URL(location.href);
    url.searchParams.set('theme', v);
    history.replaceState(history.state, '', url);
    apply();
  };
  // Tutorial pages and tests may switch it too.
  window.playgroundTheme = { get: current, set: (v) => valid(v) && pick(v) };

  const wire = () => {
    // Embedded lessons (`embed=1`) take their theme from the host page's link: no toggle.
    if (new URLSearchParams(location.search).get('embed') === '1') return;
    button = document.querySelector('[data-testid="theme-toggle"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => pick(current() === 'dark' ? 'light' : 'dark'));
    new MutationObserver(label).observe(root, { attributes: true, attributeFilter: ['lang'] });
    label();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire, { once: true });
  else wire();
})();
