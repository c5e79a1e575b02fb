// End-to-end tests of the built playground in headless Chromium.
//
//   node tests/e2e/e2e.mjs DIST_DIR        (e.g. dist)
//
// One static server and one browser page are shared by all tests, which run
// in order (node:test runs top-level tests sequentially). Each test opens its
// own URL; only the download test reuses the previous (primes) run.
// Screenshots land in tests/e2e/screenshots/. E2E_VERBOSE=1 echoes the page's
// console to stderr.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { after, before } from 'node:test';
import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const distDir = process.argv[2];

/** @type {{url: string, close: () => Promise<void>}} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {PlaygroundPage} */
let app;

before(async () => {
  server = await startServer(resolveDist(distDir));
  browser = await launchBrowser();
  app = await PlaygroundPage.create(browser);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('page loads cross-origin isolated', async () => {
  await app.open(server.url);
  assert.equal(await app.page.evaluate(() => crossOriginIsolated), true);
  assert.equal(await app.byTestId('isolation-banner').count(), 0);
  await app.screenshot('home');
  assert.deepEqual(app.errors, []);
});

test('crawler lesson through the UI', async () => {
  const ms = 150;
  await app.open(server.url, 'lesson=crawler');
  await app.setParam('n', 20);
  await app.setParam('k', 5);
  await app.setParam('latency', 'fixed');
  await app.setParam('ms', ms);
  await app.run();
  await app.waitStatus('done', 30_000);

  const maxInFlight = await app.number('max-in-flight');
  assert.ok(maxInFlight <= 5, `max-in-flight ${maxInFlight} exceeds k=5`);
  assert.equal(maxInFlight, 5);
  assert.equal(await app.number('tasks-done'), 20);
  // 20 requests, 5 at a time, 150 ms each: 4 waves, about 600 ms.
  const makespan = await app.number('makespan-ms');
  assert.ok(makespan >= 4 * ms * 0.9 && makespan <= 4 * ms * 3, `makespan-ms ${makespan}`);
  const p50 = await app.number('p50-ms');
  assert.ok(p50 >= ms * 0.9, `p50-ms ${p50}`);
  const { lanes, spans } = await app.timeline();
  assert.equal(lanes, 20);
  assert.ok(spans >= 20, `timeline spans ${spans}`);
  await app.screenshot('crawler');

  // Makespan vs K, replayed on the virtual clock: ⌈20/K⌉ waves of 150 ms.
  const sweep = app.byTestId('k-sweep-point');
  assert.deepEqual(await sweep.evaluateAll((els) => els.map((e) => Number(e.dataset.k))), [1, 2, 5, 10, 20]);
  const msAt = async (k) => Number(await app.page.locator(`[data-testid=k-sweep-point][data-k="${k}"]`).getAttribute('data-ms'));
  assert.equal(await msAt(1), 3000);
  assert.equal(await msAt(5), 600);
  assert.equal(await app.byTestId('k-sweep-measured').count(), 1);

  // Hover over the first lane's span: the tooltip names the request and its state.
  await app.byTestId('timeline').hover({ position: { x: 140, y: 33 } });
  const tip = app.page.locator('.tooltip');
  await tip.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await tip.innerText(), /request 0/);
  assert.deepEqual(app.errors, []);
});

test('gather lesson: the loop takes the sum, gather about the max', async () => {
  await app.open(server.url, 'lesson=gather&n=5&latency=fixed&ms=100&run=1');
  await app.waitStatus('done', 30_000);
  const sequential = await app.number('await-loop-ms');
  const gathered = await app.number('gather-ms');
  assert.ok(sequential >= 5 * 100 - 1, `await-loop-ms ${sequential} < 500`);
  assert.ok(gathered >= 100 - 1 && gathered < 3 * 100, `gather-ms ${gathered}`);
  assert.ok((await app.number('speedup-x')) > 1.6);
  assert.equal(await app.number('max-in-flight'), 5);
  assert.equal((await app.timeline()).lanes, 10);
  await app.screenshot('gather');
  assert.deepEqual(app.errors, []);
});

test('share link with run=1 runs on load', async () => {
  await app.open(server.url, 'lesson=crawler&n=10&k=10&latency=fixed&ms=100&run=1');
  await app.waitStatus('done', 30_000);
  assert.equal(await app.byTestId('param-n').inputValue(), '10');
  assert.equal(await app.number('max-in-flight'), 10);
  assert.equal(await app.number('tasks-done'), 10);
  // All 10 at once: ~100 ms, far below the sequential sum of 1000 ms.
  const makespan = await app.number('makespan-ms');
  assert.ok(makespan < 100 * 5, `makespan-ms ${makespan} looks sequential`);
  assert.deepEqual(app.errors, []);
});

test('bad input is reported, not crashed on', async () => {
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

test('stop cancels a running crawl', async () => {
  // 50 requests one at a time at 200 ms would take 10 s.
  await app.open(server.url, 'lesson=crawler&n=50&k=1&latency=fixed&ms=200');
  await app.run();
  await app.page.waitForTimeout(500);
  await app.stop();
  await app.waitStatus('stopped', 2_000);
  assert.deepEqual(app.errors, []);
});

test('primes lesson through the UI', { timeout: 180_000 }, async () => {
  await app.open(server.url, 'lesson=primes&bound=2000000');
  await app.observeLongTasks(); // main-thread responsiveness during the run
  await app.run();
  await app.waitStatus('done', 120_000);

  assert.equal(await app.number('primes-found'), 148933); // pi(2,000,000)
  const speedup = await app.number('speedup-max');
  assert.ok(speedup > 0, `speedup-max ${speedup}`);
  const chart = app.byTestId('speedup-chart');
  await chart.waitFor({ state: 'visible', timeout: 5_000 });
  const points = await chart.locator('[data-testid="speedup-point"]').count();
  const poolThreads = await app.number('pool-threads');
  assert.equal(points, poolThreads, 'one speedup point per thread count');
  assert.ok((await app.number('t1-ms')) > 0);
  const { lanes, spans } = await app.timeline();
  assert.ok(lanes >= 1, `timeline lanes ${lanes}`);
  assert.ok(spans >= 1, `timeline spans ${spans}`);
  await app.screenshot('primes');
  console.log(`primes: max long task during run = ${await app.maxLongTask()} ms`);
  assert.deepEqual(app.errors, []);
});

test('Monte Carlo pi lesson: same estimate on every thread count', { timeout: 120_000 }, async () => {
  await app.open(server.url, 'lesson=pi&samples=4000000&run=1');
  await app.waitStatus('done', 90_000);
  const est = await app.number('pi-estimate');
  assert.ok(Math.abs(est - Math.PI) < 0.005, `pi-estimate ${est}`);
  assert.equal(await app.number('pi-estimate-error'), Math.abs(est - Math.PI));
  const points = await app.byTestId('speedup-point').count();
  assert.equal(points, await app.number('pool-threads'));
  await app.screenshot('pi');
  assert.deepEqual(app.errors, []);
});

test('stop ends a CPU run promptly and the pool stays usable', { timeout: 120_000 }, async () => {
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

test('download trace is Chrome trace JSON', async () => {
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

test('chinese UI', async () => {
  await app.open(server.url, 'lesson=crawler&lang=zh');
  assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await app.byTestId('run-button').innerText(), /[\u4e00-\u9fff]/);
  await app.screenshot('zh');
  assert.deepEqual(app.errors, []);
});

test('without cross-origin isolation: CPU lessons explain, async lessons run', async () => {
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

test('embedded in a tutorial page: driven by postMessage, reports back', async () => {
  // A tutorial page on another origin (another loopback port: Chrome blocks
  // public pages such as about:blank from framing loopback) embeds the app.
  const hostDir = await mkdtemp(join(tmpdir(), 'playground-host-'));
  await writeFile(join(hostDir, 'index.html'), `<!doctype html><title>Tutorial</title><script>
    window.__msgs = [];
    window.addEventListener('message', (e) => window.__msgs.push(e.data));
  </script><iframe src="${server.url}?lesson=crawler&n=4&k=2&latency=fixed&ms=40&embed=1"
    width="1000" height="800"></iframe>`);
  const host = await startServer(hostDir, { isolated: false });
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
});

// Per-lesson end-to-end checks live in tests/e2e/lessons/<lesson>.mjs, one file
// per lesson, each exporting `tests`: [{ name, timeout?, run({ app, server }) }].
// They run after the tests above, in file-name order, on the same page.
{
  const { readdir } = await import('node:fs/promises');
  const { E2E_DIR } = await import('./lib.mjs');
  const dir = join(E2E_DIR, 'lessons');
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.mjs')).sort();
  for (const f of files) {
    const mod = await import(join(dir, f));
    for (const t of mod.tests ?? []) {
      test(`${f.replace(/\.mjs$/, '')}: ${t.name}`, { timeout: 2 * (t.timeout ?? 60_000) }, async () => {
        // Lesson specs run on real timers and real workers: on a busy 2-core machine a
        // timer can be tens of ms late. A spec gets one more attempt; the first
        // failure stays in the log so a real regression (failing twice) is still caught.
        try {
          await t.run({ app, server });
        } catch (err) {
          log(`${f}: ${t.name}: first attempt failed, retrying: ${err.message}`);
          await t.run({ app, server });
        }
        assert.deepEqual(app.errors, [], 'no console errors or page errors');
      });
    }
  }
}

// Suites in their own files (each runnable alone as `node tests/e2e/<file> DIST_DIR`).
for (const f of ['static_host.mjs', 'a11y.mjs', 'tutorial.mjs', 'screenshots.mjs']) {
  const { existsSync } = await import('node:fs');
  const { E2E_DIR } = await import('./lib.mjs');
  if (existsSync(join(E2E_DIR, f))) await import(`./${f}`);
}
