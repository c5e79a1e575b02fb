// The crawler's real requests through the service worker, measured in a plain
// headless Chromium with no DevTools client attached.
//
//   node tests/e2e/bench_endpoint_raw.mjs DIST_DIR [n]     (n defaults to 10000)
//
// Why: Playwright (bench_async.mjs) drives the browser over the DevTools
// protocol with the Network domain on, so every request also sends its events
// to the driver from the page's main thread, which is where a request through
// the service worker costs most; on this 2-core machine that halved the
// requests/s of a plain fetch loop (207 vs 418 requests/s, same load). A
// learner's browser has no such client. Here Chromium is started directly on a
// page (served with dist/ from a copy, so dist/ stays as built) that embeds the
// app with `?lesson=crawler&…&run=1&embed=1`, takes the run's summary from the
// embed API's `playground:status` message, then makes the same n requests,
// K at a time, from a plain JS loop through the same worker; it logs one line
// to the console, which Chromium writes to stderr (--enable-logging=stderr).
//
// Prints one JSON line: {"n", "k", "latency_ms", "crawl_ms", "requests_per_s",
// "bound_ms", "over_bound_x", "overhead_per_request_ms", "endpoint_js_ms",
// "endpoint_js_rps"}, as bench_async.mjs does. Logs go to stderr.

import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { log, resolveDist, startServer } from './lib.mjs';

const [distArg, nArg = '10000'] = process.argv.slice(2);
const n = Number.parseInt(nArg, 10);
if (!Number.isInteger(n) || n < 1 || n > 10000) {
  console.error(`bench_endpoint_raw: bad n '${nArg}' (1..10000)`);
  process.exit(2);
}
const [k, latencyMs] = [100, 50];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The probe page: a file of its own (the site's CSP allows no inline script).
const PROBE_HTML = `<!doctype html><meta charset="utf-8"><title>endpoint probe</title>
<iframe id="app" allow="cross-origin-isolated" width="1280" height="900"></iframe>
<script src="endpoint-probe.js"></script>`;
const PROBE_JS = `(() => {
  const q = new URLSearchParams(location.search);
  const [n, k, ms] = ['n', 'k', 'ms'].map((p) => Number(q.get(p)));
  window.addEventListener('message', async (e) => {
    const m = e.data;
    if (m?.type !== 'playground:status') return;
    if (m.status === 'failed' || m.status === 'stopped') console.log('PROBE ' + JSON.stringify({ error: m.status }));
    if (m.status !== 'done') return;
    let next = 0;
    const t0 = performance.now();
    const lane = async () => {
      while (next < n) {
        const id = next++;
        const r = await fetch('sim/delay?ms=' + ms + '&status=200&id=' + id);
        await r.text();
      }
    };
    await Promise.all(Array.from({ length: k }, lane));
    const js = performance.now() - t0;
    // The same requests from dedicated workers (each its own thread for its fetch
    // machinery; the service worker answers them too): one with k lanes, then two
    // with k/2 each.
    const inWorkers = async (count) => {
      const t = performance.now();
      await Promise.all(Array.from({ length: count }, (_, i) => new Promise((resolve) => {
        const w = new Worker('endpoint-probe-worker.js');
        w.onmessage = (ev) => { w.terminate(); resolve(ev.data); };
        w.postMessage({ n: Math.ceil(n / count), k: Math.ceil(k / count), ms, from: i * n });
      })));
      return performance.now() - t;
    };
    const w1 = await inWorkers(1);
    const w2 = await inWorkers(2);
    console.log('PROBE ' + JSON.stringify({ crawl_ms: m.summary.makespan_ms, js_ms: js, worker1_ms: w1, workers2_ms: w2, controlled: !!navigator.serviceWorker.controller }));
  });
  document.getElementById('app').src = './?lesson=crawler&n=' + n + '&k=' + k + '&latency=fixed&ms=' + ms + '&run=1&embed=1';
})();`;

const PROBE_WORKER_JS = `onmessage = async ({ data: { n, k, ms, from } }) => {
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const id = from + next++;
      const r = await fetch('sim/delay?ms=' + ms + '&status=200&id=' + id);
      await r.text();
    }
  };
  await Promise.all(Array.from({ length: k }, lane));
  postMessage({ controlled: true });
};`;

const dist = resolveDist(distArg);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'endpoint-probe-'));
const site = path.join(tmp, 'site');
await cp(dist, site, { recursive: true });
await writeFile(path.join(site, 'endpoint-probe.html'), PROBE_HTML);
await writeFile(path.join(site, 'endpoint-probe.js'), PROBE_JS);
await writeFile(path.join(site, 'endpoint-probe-worker.js'), PROBE_WORKER_JS);
const server = await startServer(site);
const url = `${server.url}endpoint-probe.html?n=${n}&k=${k}&ms=${latencyMs}`;
log(`crawler n=${n} k=${k} at ${url} (no DevTools client)`);
const chrome = spawn(CHROMIUM, [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-logging=stderr', '--v=0', `--user-data-dir=${path.join(tmp, 'profile')}`, url,
], { stdio: ['ignore', 'ignore', 'pipe'] });
try {
  const probe = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no result within 300 s')), 300_000);
    createInterface({ input: chrome.stderr }).on('line', (line) => {
      const m = line.match(/"PROBE (\{.*\})"/);
      if (!m) return;
      clearTimeout(timer);
      resolve(JSON.parse(m[1].replace(/\\"/g, '"')));
    });
    chrome.on('exit', (code) => reject(new Error(`chromium exited (${code}) before the result`)));
  });
  if (probe.error) throw new Error(`the crawl ended ${probe.error}`);
  if (!probe.controlled) throw new Error('the probe page was not controlled by the service worker');
  const boundMs = Math.ceil(n / k) * latencyMs;
  const result = {
    n,
    k,
    latency_ms: latencyMs,
    crawl_ms: Math.round(probe.crawl_ms),
    requests_per_s: Math.round((n / probe.crawl_ms) * 1000),
    bound_ms: boundMs,
    over_bound_x: Number((probe.crawl_ms / boundMs).toFixed(2)),
    overhead_per_request_ms: Number(((probe.crawl_ms - boundMs) / n).toFixed(2)),
    endpoint_js_ms: Math.round(probe.js_ms),
    endpoint_js_rps: Math.round((n / probe.js_ms) * 1000),
    worker1_ms: Math.round(probe.worker1_ms),
    worker1_rps: Math.round((n / probe.worker1_ms) * 1000),
    workers2_ms: Math.round(probe.workers2_ms),
    workers2_rps: Math.round((n / probe.workers2_ms) * 1000),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  // Wait for Chromium to exit before removing its profile: it writes there until it does
  // (removing it at once failed with ENOTEMPTY on a quiet run, 2026-12-07).
  const exited = chrome.exitCode !== null || chrome.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => chrome.once('exit', resolve));
  chrome.kill();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
