// Time to first run on a cold load under throttled networks (a benchmark, not a test).
//
//   node tests/e2e/coldload.mjs DIST_DIR
//
// For each network profile: a fresh browser context (empty cache, no service
// worker), Chromium's network emulation (CDP Network.emulateNetworkConditions),
// then `?lesson=crawler&clock=virtual&run=1` is opened and timed from the
// navigation until run-status says done. The site is served the way static
// hosts serve it: gzip when the browser asks for it (COLDLOAD_GZIP=0: plain,
// as scripts/serve_dist.py does), with COOP/COEP so the page is isolated from
// the first load. Prints one JSON line on stdout:
//   {"gzip":true, "profiles":[{"name", "down_kbit", "latency_ms", "ms", "bytes"}, …]}
// where bytes is what crossed the (emulated) network. Logs go to stderr.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, log, resolveDist } from './lib.mjs';

const dist = resolveDist(process.argv[2]);
const GZIP = process.env.COLDLOAD_GZIP !== '0';
const PROFILES = [
  { name: '9 Mbit/s, 60 ms', down_kbit: 9000, latency_ms: 60 },
  { name: '1.6 Mbit/s, 150 ms', down_kbit: 1600, latency_ms: 150 },
  { name: '750 kbit/s, 300 ms', down_kbit: 750, latency_ms: 300 },
];
const QUERY = 'lesson=crawler&clock=virtual&run=1';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.py': 'text/plain; charset=utf-8' };

const cache = new Map();
const server = createServer(async (req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html');
  const file = path.join(dist, path.normalize(rel));
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  let body;
  try {
    body = await readFile(file);
  } catch {
    return res.writeHead(404).end();
  }
  const headers = {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  };
  if (GZIP && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    if (!cache.has(file)) cache.set(file, gzipSync(body, { level: 9 }));
    body = cache.get(file);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchBrowser();
const profiles = [];
try {
  for (const p of PROFILES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: p.latency_ms,
      downloadThroughput: (p.down_kbit * 1000) / 8,
      uploadThroughput: (p.down_kbit * 1000) / 8,
    });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    const t0 = Date.now();
    await page.goto(`${url}?${QUERY}`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'done',
      null, { timeout: 120_000, polling: 20 });
    const ms = Date.now() - t0;
    log(`coldload ${p.name}: ${ms} ms, ${bytes} bytes`);
    profiles.push({ ...p, ms, bytes });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify({ gzip: GZIP, profiles }));
