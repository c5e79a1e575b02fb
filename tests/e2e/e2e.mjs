// End-to-end tests of the built playground in headless Chromium.
//
//   node tests/e2e/e2e.mjs DIST_DIR        (e.g. dist)
//
// One static server and one browser page are shared by all tests, which run
// in order (node:test runs top-level tests sequentially). Each test opens its
// own URL; only the download test reuses the previous (primes) run.
// Screenshots land in tests/e2e/screenshots/. E2E_VERBOSE=1 echoes the page's
// console to stderr. E2E_PORT=P serves the site on port P (default: any free
// port, so concurrent runs never clash).

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { after, before } from 'node:test';
import { BROWSER, launchBrowser, PlaygroundPage, resolveDist, startServer } from './lib.mjs';
import { lessonSpecs } from './lesson_specs.mjs';

const distDir = process.argv[2];

// E2E_ONLY=crawler,primes runs only those lesson specs (file names in
// lessons/ without .mjs); `core` selects the cross-cutting tests in this file.
// The catalogue check always runs.
const ONLY = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(',').map((s) => s.trim()).filter(Boolean)) : null;
const selected = (name) => !ONLY || ONLY.has(name);
// E2E_BROWSER=firefox runs the lesson specs in Firefox ESR (the Firefox tier of
// scripts/test.sh): the cross-cutting tests below and the suites in their own
// files stay Chromium's, as do the lesson tests named in FIREFOX_LEFT_OUT
// (left_out.mjs, which says why).
const FIREFOX = BROWSER === 'firefox';
const core = (name, ...rest) => (selected('core') && !FIREFOX ? test(name, ...rest) : undefined);

/** @type {{url: string, close: () => Promise<void>}} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {PlaygroundPage} */
let app;

before(async () => {
  server = await startServer(resolveDist(distDir), { port: Number(process.env.E2E_PORT ?? 0) });
  browser = await launchBrowser();
  app = await PlaygroundPage.create(browser);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

core('page loads cross-origin isolated', async () => {
  await app.open(server.url);
  assert.equal(await app.page.evaluate(() => crossOriginIsolated), true);
  assert.equal(await app.byTestId('isolation-banner').count(), 0);
  await app.screenshot('home');
  assert.deepEqual(app.errors, []);
});

core('share link with run=1 runs on load', async () => {
  await app.open(server.url, 'lesson=crawler&n=10&k=10&latency=fixed&ms=100&run=1');
  await app.waitStatus('done', 30_000);
  assert.equal(await app.byTestId('param-n').inputValue(), '10');
  assert.equal(await app.number('max-in-flight'), 10);
  assert.equal(await app.number('tasks-done'), 10);
  // All 10 at once (counted above, not timed); timers are late, never early.
  const makespan = await app.number('makespan-ms');
  assert.ok(makespan >= 100 - 1, `makespan-ms ${makespan}`);
  assert.deepEqual(app.errors, []);
});

core('bad input is reported, not crashed on', async () => {
  // Invalid parameter: error shown, Run disabled, app still alive.
  await app.open(server.url, 'lesson=crawler&k=0');
  const paramError = app.byTestId('param-error');
  await paramError.waitFor({ state: 'visible', timeout: 5_000 });
  assert.notEqual((await paramError.innerText()).trim(), '');
  assert.equal(await app.byTestId('run-button').isDisabled(), true);
  assert.equal(await app.byTestId('app-ready').count(), 1);

  // Unknown lesson: URL error shown, lesson picker still rendered.
  await app.open(server.url, 'lesson=nope');
  await app.byTestId('url-error').waitFor({ state: 'visible', timeout: 5_000 });
  await app.byTestId('lesson-select').waitFor({ state: 'visible', timeout: 5_000 });
  assert.deepEqual(app.errors.filter((e) => e.startsWith('pageerror')), []);
});

core('stop cancels a running crawl', async () => {
  // 50 requests one at a time at 200 ms would take 10 s.
  await app.open(server.url, 'lesson=crawler&n=50&k=1&latency=fixed&ms=200');
  await app.run();
  await app.page.waitForTimeout(500);
  await app.stop();
  await app.waitStatus('stopped', 2_000);
  assert.deepEqual(app.errors, []);
});

core('stop ends a CPU run promptly and the pool stays usable', { timeout: 120_000 }, async () => {
  // Primes below 50,000,000 on 1..N threads takes many seconds.
  await app.open(server.url, 'lesson=primes&bound=50000000&reps=1');
  await app.run();
  await app.waitStatus('running', 5_000);
  await app.page.waitForTimeout(1_500);
  const t0 = Date.now();
  await app.stop();
  await app.waitStatus('stopped', 1_000);
  console.log(`primes: stop took ${Date.now() - t0} ms`);
  // The pool takes the next run.
  await app.open(server.url, 'lesson=primes&bound=100000&chunk=5000&run=1');
  await app.waitStatus('done', 60_000);
  assert.equal(await app.number('primes-found'), 9592); // pi(100,000)
  assert.deepEqual(app.errors, []);
});

core('without the service worker a run says so on the page', async () => {
  const blocked = await PlaygroundPage.create(browser, { serviceWorkers: 'block' });
  try {
    await blocked.open(server.url, 'lesson=crawler&n=3&k=3&latency=fixed&ms=30&run=1');
    await blocked.waitStatus('done', 30_000);
    assert.equal(await blocked.number('tasks-done'), 3);
    const note = blocked.byTestId('endpoint-fallback');
    await note.waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await note.innerText(), /did not go through the built-in endpoint/);
    await blocked.screenshot('endpoint-fallback');
    // And a normal page has no such note.
    await app.open(server.url, 'lesson=crawler&n=3&k=3&latency=fixed&ms=30&run=1');
    await app.waitStatus('done', 30_000);
    assert.equal(await app.byTestId('endpoint-fallback').count(), 0);
    assert.deepEqual(await app.swStats(), { received: 3, answered: 3 });
  } finally {
    await blocked.close();
  }
});

core('Content-Security-Policy: sent, strict, and nothing violates it', { timeout: 180_000 }, async () => {
  const res = await fetch(server.url);
  const csp = res.headers.get('content-security-policy') ?? '';
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.split(/\s+/)[0] === name) ?? '';
  assert.equal(directive('script-src'), "script-src 'self' 'wasm-unsafe-eval'", csp);
  assert.equal(directive('object-src'), "object-src 'none'", csp);
  assert.match(directive('worker-src'), /^worker-src 'self' blob:$/, csp);
  assert.doesNotMatch(directive('style-src'), /unsafe-inline/, 'no <style> elements, only style attributes');
  // trunk serve sends the same policy (Trunk.toml [serve.headers]).
  const { REPO_ROOT } = await import('./lib.mjs');
  const toml = await readFile(join(REPO_ROOT, 'Trunk.toml'), 'utf8');
  assert.equal(toml.match(/^"Content-Security-Policy" = "(.*)"$/m)?.[1], csp, 'Trunk.toml and serve_dist.py agree');
  // The built page has no inline script for the policy to forbid.
  const html = await res.text();
  assert.doesNotMatch(html, /<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/, 'an inline <script> is left in index.html');
  // An async run through the service worker and a CPU run on the pool workers: no violation.
  await app.open(server.url, 'lesson=crawler&n=4&k=2&latency=fixed&ms=20&run=1');
  await app.waitStatus('done', 30_000);
  assert.deepEqual(await app.cspViolations(), []);
  await app.open(server.url, 'lesson=primes&bound=100000&chunk=5000&reps=1&run=1');
  await app.waitStatus('done', 120_000);
  assert.equal(await app.number('primes-found'), 9592);
  assert.deepEqual(await app.cspViolations(), []);
  assert.deepEqual(app.errors, []);
});

core('download trace is Chrome trace JSON', async () => {
  // Uses the run left on the page by the primes test; if that did not finish,
  // make a small run of our own so this test stands on its own.
  if ((await app.status().catch(() => null)) !== 'done') {
    await app.open(server.url, 'lesson=crawler&n=5&k=5&latency=fixed&ms=50&run=1');
    await app.waitStatus('done', 30_000);
  }
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 15_000 }),
    app.byTestId('download-trace').click(),
  ]);
  const trace = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(Array.isArray(trace.traceEvents), 'traceEvents is not an array');
  assert.ok(trace.traceEvents.length > 0, 'traceEvents is empty');

  // The same run as CSV (one row per span, as the timeline counts them) and PNG.
  const save = async (testid) => {
    const [d] = await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId(testid).click()]);
    return readFile(await d.path());
  };
  const csv = (await save('download-csv')).toString('utf8').trim().split('\n');
  assert.equal(csv[0].split(',')[0], 'lane');
  assert.equal(csv.length - 1, (await app.timeline()).spans);
  const png = await save('download-png');
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG" signature
});

core('chinese UI', async () => {
  await app.open(server.url, 'lesson=crawler&lang=zh');
  assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await app.byTestId('run-button').innerText(), /[\u4e00-\u9fff]/);
  await app.screenshot('zh');
  assert.deepEqual(app.errors, []);
});

core('without cross-origin isolation: CPU lessons explain, async lessons run', async () => {
  const plain = await startServer(resolveDist(distDir), { isolated: false });
  try {
    await app.open(plain.url, 'lesson=primes&coi=0'); // coi=0: without sim-sw.js's isolation headers
    assert.equal(await app.page.evaluate(() => crossOriginIsolated), false);
    await app.byTestId('isolation-banner').waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await app.byTestId('isolation-banner').innerText(), /Cross-Origin-Embedder-Policy/);
    assert.equal(await app.byTestId('run-button').isDisabled(), true);
    await app.screenshot('not-isolated');

    await app.open(plain.url, 'lesson=crawler&n=6&k=3&latency=fixed&ms=50&coi=0');
    assert.equal(await app.byTestId('isolation-banner').count(), 0);
    await app.run();
    await app.waitStatus('done', 30_000);
    assert.equal(await app.number('tasks-done'), 6);
    assert.equal(await app.number('max-in-flight'), 3);
  } finally {
    await plain.close();
  }
});

core('embedded in a tutorial page: driven by postMessage, reports back', async () => {
  // A tutorial page on another origin (another loopback port: Chrome blocks
  // public pages such as about:blank from framing loopback) embeds the app.
  const hostDir = await mkdtemp(join(tmpdir(), 'playground-host-'));
  await writeFile(join(hostDir, 'index.html'), `<!doctype html><title>Tutorial</title><script>
    window.__msgs = [];
    window.addEventListener('message', (e) => window.__msgs.push(e.data));
  </script><iframe src="${server.url}?lesson=crawler&n=4&k=2&latency=fixed&ms=40&embed=1"
    width="1000" height="800"></iframe>`);
  const host = await startServer(hostDir, { isolated: false, csp: false });
  after(async () => {
    await host.close();
    await rm(hostDir, { recursive: true, force: true });
  });
  await app.page.goto(host.url);
  const frame = app.page.frameLocator('iframe');
  await frame.locator('[data-testid=app-ready]').waitFor({ state: 'attached', timeout: 60_000 });
  const waitFor = (status) => app.page.waitForFunction(
    (s) => window.__msgs.some((m) => m && m.type === 'playground:status' && m.status === s), status, { timeout: 30_000 });
  await waitFor('idle');

  // The host changes a parameter and starts the run.
  await app.page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    w.postMessage({ type: 'playground:set', params: { k: '4' } }, '*');
    w.postMessage({ type: 'playground:run' }, '*');
  });
  await waitFor('done');
  const done = await app.page.evaluate(() => window.__msgs.find((m) => m.status === 'done'));
  assert.equal(done.lesson, 'crawler');
  assert.equal(done.params.k, '4');
  assert.equal(done.summary.done, 4);
  assert.equal(done.summary.max_in_flight, 4);
  assert.equal(await frame.locator('[data-testid=param-k]').inputValue(), '4');

  // A user URL set by the host: its run command is refused, with the reason reported.
  await app.page.evaluate(() => {
    window.__msgs.length = 0;
    const w = document.querySelector('iframe').contentWindow;
    w.postMessage({ type: 'playground:set', params: { url: 'http://127.0.0.1:9/', n: '3' } }, '*');
    w.postMessage({ type: 'playground:run' }, '*');
  });
  await app.page.waitForFunction(() => window.__msgs.some((m) => m?.refused === 'err.user_url_autorun'), null, { timeout: 10_000 });
  await frame.locator('[data-testid=run-refused]').waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await frame.locator('[data-testid=run-refused]').innerText(), /127\.0\.0\.1:9/);
  assert.equal(await frame.locator('[data-testid=run-status]').getAttribute('data-status'), 'done', 'the earlier run stays; nothing started');
  // A malformed command is answered with a typed, translated error.
  await app.page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'playground:fly' }, '*'));
  await app.page.waitForFunction(() => window.__msgs.some((m) => m?.type === 'playground:error' && m.error === 'embed.err.unknown_type'), null, { timeout: 10_000 });

  // origins= names another origin: this host's commands are refused.
  await app.page.evaluate((src) => {
    window.__msgs.length = 0;
    document.querySelector('iframe').src = src;
  }, `${server.url}?lesson=crawler&n=2&k=2&latency=fixed&ms=10&clock=virtual&embed=1&origins=${encodeURIComponent('https://tutorial.example')}`);
  await frame.locator('[data-testid=app-ready]').waitFor({ state: 'attached', timeout: 60_000 });
  await waitFor('idle');
  await app.page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'playground:run' }, '*'));
  await app.page.waitForFunction(() => window.__msgs.some((m) => m?.type === 'playground:error' && m.error === 'embed.err.origin'), null, { timeout: 10_000 });
  assert.equal(await frame.locator('[data-testid=run-status]').getAttribute('data-status'), 'idle');
  // ... and the same app embedded with this host's origin obeys it.
  const hostOrigin = new URL(host.url).origin;
  await app.page.evaluate((src) => {
    window.__msgs.length = 0;
    document.querySelector('iframe').src = src;
  }, `${server.url}?lesson=crawler&n=2&k=2&latency=fixed&ms=10&clock=virtual&embed=1&origins=${encodeURIComponent(hostOrigin)}`);
  await frame.locator('[data-testid=app-ready]').waitFor({ state: 'attached', timeout: 60_000 });
  await waitFor('idle');
  await app.page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'playground:run' }, '*'));
  await waitFor('done');
});

// Per-lesson end-to-end checks: tests/e2e/lessons/<lesson>.mjs, registered by
// lesson_specs.mjs; they run after the tests above, on the same page.
await lessonSpecs({ site: () => ({ app, server }), selected });

// Suites in their own files (each runnable alone as `node tests/e2e/<file> DIST_DIR`).
// Imported after the tests above so they run after them; a missing file fails the run.
if (!FIREFOX) {
  for (const f of ['static_host.mjs', 'split.mjs', 'a11y.mjs', 'tutorial.mjs', 'presets.mjs', 'as_written.mjs', 'max_sizes.mjs', 'screenshots.mjs', 'pyodide.mjs']) await import(`./${f}`);
} else {
  await import('./py_editor.mjs');
  await import('./pyodide.mjs'); // its tests marked for Firefox: the browser clock
}
