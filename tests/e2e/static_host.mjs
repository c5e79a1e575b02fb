// Any static host: dist/ served by `python3 -m http.server` (no COOP, no COEP,
// no CORP: what GitHub Pages or a plain file server sends) still runs CPU
// lessons: the service worker (static/sim-sw.js) adds the isolation headers
// and static/coi.js reloads the page once when the worker first takes control.
//
//   node tests/e2e/static_host.mjs DIST_DIR      (also run by e2e.mjs)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, PlaygroundPage, resolveDist } from './lib.mjs';

/** `python3 -m http.server` on a free port (the stdlib's, no extra headers). */
async function plainHttpServer(dir) {
  const proc = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  process.once('exit', () => proc.kill());
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('http.server printed no port')), 15_000);
    proc.once('exit', (code) => reject(new Error(`http.server exited (${code})`)));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const m = /port (\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}/`);
      }
    });
  });
  return { url, close: () => proc.kill() };
}

/** The response headers the server itself sends for `url`. */
const headersOf = (url) => new Promise((resolve, reject) => {
  get(url, (res) => { res.resume(); resolve(res.headers); }).on('error', reject);
});

/** Polls crossOriginIsolated across the automatic reload (which destroys the page's context). */
async function waitIsolated(page, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await page.evaluate(() => window.crossOriginIsolated).catch(() => false)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`not cross-origin isolated after ${timeoutMs} ms`);
}

describe('any static host (python3 -m http.server, no special headers)', () => {
  let server;
  let browser;
  let app;
  before(async () => {
    server = await plainHttpServer(resolveDist(process.argv[2]));
    browser = await launchBrowser();
    app = await PlaygroundPage.create(browser);
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('the server sends no isolation headers', async () => {
    const h = await headersOf(server.url);
    for (const name of ['cross-origin-opener-policy', 'cross-origin-embedder-policy', 'cross-origin-resource-policy']) {
      assert.equal(h[name], undefined, `${name} from the server`);
    }
  });

  it('one automatic reload makes the page isolated; a CPU lesson runs', { timeout: 120_000 }, async () => {
    const loads = [];
    // Document loads: navigation requests of the main frame (history.replaceState is none).
    const count = (r) => { if (r.isNavigationRequest() && r.frame() === app.page.mainFrame()) loads.push(r.url()); };
    app.page.on('request', count);
    await app.page.goto(`${server.url}?lesson=primes&bound=100000&chunk=5000`, { waitUntil: 'commit' });
    await waitIsolated(app.page);
    await app.byTestId('app-ready').waitFor({ state: 'attached', timeout: 60_000 });
    app.page.off('request', count);
    assert.equal(loads.length, 2, `one reload (loads: ${loads.join(', ')})`);
    assert.equal(await app.byTestId('isolation-banner').count(), 0);
    app.errors.length = 0;
    await app.run();
    await app.waitStatus('done', 90_000);
    assert.equal(await app.number('primes-found'), 9592); // pi(100,000)
    assert.ok((await app.number('pool-threads')) >= 1);
    assert.deepEqual(app.errors, []);
  });

  it('later visits are isolated from the first load, and async lessons use the endpoint', { timeout: 60_000 }, async () => {
    const loads = [];
    const count = (r) => { if (r.isNavigationRequest() && r.frame() === app.page.mainFrame()) loads.push(r.url()); };
    app.page.on('request', count);
    await app.open(server.url, 'lesson=crawler&n=6&k=3&latency=fixed&ms=50');
    assert.equal(await app.page.evaluate(() => crossOriginIsolated), true);
    app.page.off('request', count);
    assert.equal(loads.length, 1, 'no reload once the worker controls the site');
    await app.run();
    await app.waitStatus('done', 30_000);
    assert.equal(await app.number('tasks-done'), 6);
    assert.equal(await app.number('max-in-flight'), 3);
    assert.deepEqual(app.errors, []);
  });

  it('coi=0 opts out: not isolated, CPU lessons explain why', async () => {
    await app.open(server.url, 'lesson=primes&coi=0');
    assert.equal(await app.page.evaluate(() => crossOriginIsolated), false);
    await app.byTestId('isolation-banner').waitFor({ state: 'visible', timeout: 5_000 });
  });
});
