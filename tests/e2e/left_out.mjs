// What the e2e run (e2e.mjs) may retry and what its Firefox tier leaves out,
// each entry with why: kept apart from the runner so the lists read as lists.
// e2e.mjs checks every entry names a spec and prints both in its summary.

/** "<spec>: <test name>" → why it may be retried once. */
export const QUARANTINE = {};
/**
 * Retried once in the Firefox tier only (Chromium runs them strictly), with
 * why: unlike QUARANTINE, the retry covers the page-error check too, since a
 * page error is the symptom.
 */
export const FIREFOX_QUARANTINE = {};
/**
 * What the Firefox tier leaves out, in one place: "<spec>: <test name>" (or a
 * group) → why. Printed in the summary with the counts.
 */
export const FIREFOX_LEFT_OUT = {
  'core (the cross-cutting tests of e2e.mjs)': 'share links, Stop, CSP, downloads, embedding and isolation are browser-independent '
    + 'page logic checked in Chromium; they use playwright-only features (frameLocator, per-context service-worker blocking)',
  'suites static_host, split, a11y, tutorial, max_sizes, screenshots': 'Chromium only: they measure the first load (wasm split, '
    + 'byte budgets), run axe-core, take the reference screenshots, or time every lesson at its maxima; each runs its own browser',
  'suites presets, as_written, and pyodide but its browser-clock test': 'Chromium only (each runs its own browser); the Python runner\'s '
    + 'editor under the CSP, which pyodide.mjs checks in Chromium, is checked in Firefox too by py_editor.mjs, and pyodide.mjs\'s '
    + 'browser-clock test (JSPI, real requests from the runner\'s worker, Stop) runs in both',
  'url: url: a link cannot start a user-URL run or ask for a flood; a click runs it, capped and paced':
    'it counts the requests that leave the page for http://127.0.0.1:9/; Firefox refuses port 9 (a banned port) before '
    + 'WebDriver BiDi reports a request, so nothing is counted (the page side of it: the other url tests, in both browsers)',
};
