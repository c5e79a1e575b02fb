// Chromium and Firefox side by side, from one run, on what a learner sees
// (BENCHMARKS.md, "Per browser"):
//
//   node tests/e2e/bench_browsers.mjs DIST_DIR
//
// For each browser (Debian's Chromium through playwright-core, Debian's Firefox
// ESR through puppeteer-core, tests/e2e/firefox.mjs), on one served copy of the
// site: the first load (a fresh browser context: navigation to app-ready, and
// the page's own navigation-to-load time), the crawler on the browser clock (20
// requests, K = 5, fixed 200 ms: the ideal is ⌈20/5⌉ × 200 = 800 ms; REPS runs,
// each browser's makespans listed), and the CPU speedup at 2 threads (the page's
// own speedup points, best of the lesson's repetitions) for two workloads.
// Browsers take turns per round, so load on the machine hits both alike.
// Prints a markdown table to stdout.

import { launchBrowser, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const REPS = Number(process.env.BENCH_REPS ?? 5);
const CRAWL = 'lesson=crawler&n=20&k=5&latency=fixed&ms=200';
const IDEAL_MS = Math.ceil(20 / 5) * 200;
const CPU = [
  ['primes', 'lesson=primes&bound=5000000&reps=3'],
  ['mandelbrot', 'lesson=mandelbrot&width=640&height=480&max_iter=2000&reps=3'],
];

async function withBrowser(name, fn) {
  process.env.E2E_BROWSER = name;
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

async function firstLoad(browser, url) {
  const app = await PlaygroundPage.create(browser);
  try {
    const t0 = Date.now();
    await app.open(url, 'lesson=crawler');
    const ready = Date.now() - t0;
    const load = await app.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return nav ? nav.loadEventEnd - nav.startTime : null;
    });
    return { ready, load };
  } finally {
    await app.close();
  }
}

async function crawl(app, url) {
  await app.open(url, `${CRAWL}&run=1`);
  await app.waitStatus('done', 30_000);
  return app.number('makespan-ms');
}

async function speedup2(app, url, query) {
  await app.open(url, `${query}&run=1`);
  await app.waitStatus('done', 300_000);
  const points = await app.byTestId('speedup-point').evaluateAll((els) =>
    els.map((e) => [Number(e.dataset.threads), Number(e.dataset.speedup)]));
  return { s2: points.find(([t]) => t === 2)?.[1] ?? null, t1: await app.number('t1-ms') };
}

const fmt = (xs, d = 0) => xs.map((x) => (x === null ? 'n/a' : x.toFixed(d))).join(', ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer(resolveDist(process.argv[2]));
const names = ['chromium', 'firefox'];
const out = Object.fromEntries(names.map((n) => [n, { ready: [], load: [], crawl: [], cpu: {} }]));
try {
  for (const name of names) {
    await withBrowser(name, async (browser) => {
      // First load: fresh contexts (no HTTP cache, no service worker yet).
      for (let i = 0; i < 3; i++) {
        const f = await firstLoad(browser, server.url);
        out[name].ready.push(f.ready);
        out[name].load.push(f.load);
      }
      const app = await PlaygroundPage.create(browser);
      await crawl(app, server.url); // the service worker takes control first
      for (let i = 0; i < REPS; i++) out[name].crawl.push(await crawl(app, server.url));
      for (const [w, q] of CPU) out[name].cpu[w] = await speedup2(app, server.url, q);
      await app.close();
    });
  }
} finally {
  await server.close();
}

const c = out.chromium;
const f = out.firefox;
const row = (what, a, b) => console.log(`| ${what} | ${a} | ${b} |`);
console.log(`| measured (this run; REPS = ${REPS}) | Chromium | Firefox ESR |`);
console.log('|---|---|---|');
row('first load: navigation to app-ready, ms (3 fresh contexts)', fmt(c.ready), fmt(f.ready));
row('first load: navigation start to load event end, ms', fmt(c.load), fmt(f.load));
row(`crawler 20 req, K = 5, 200 ms: makespan, ms (ideal ${IDEAL_MS})`, fmt(c.crawl, 1), fmt(f.crawl, 1));
row('crawler: median overhead over the ideal, ms', (median(c.crawl) - IDEAL_MS).toFixed(1), (median(f.crawl) - IDEAL_MS).toFixed(1));
for (const [w] of CPU) {
  row(`${w}: speedup at 2 threads (1-thread time, ms)`, `${c.cpu[w].s2?.toFixed(2)}× (${c.cpu[w].t1.toFixed(0)})`,
    `${f.cpu[w].s2?.toFixed(2)}× (${f.cpu[w].t1.toFixed(0)})`);
}
