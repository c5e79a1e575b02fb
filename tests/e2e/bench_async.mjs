// Browser benchmark of the async side at scale: the crawler with 10,000 real
// fetch() requests (K = 100, 50 ms fixed latency, through the service worker),
// then frames per second while the learner pans its timeline (≈20,000 spans).
//
//   node tests/e2e/bench_async.mjs DIST_DIR [n]     (n defaults to 10000)
//
// Prints one JSON line: {"n", "k", "latency_ms", "crawl_ms", "requests_per_s",
// "bound_ms", "over_bound_x", "overhead_per_request_ms", "endpoint_js_ms",
// "endpoint_js_rps", "spans", "pan_frames", "pan_fps", "frame_p95_ms",
// "max_long_task_ms"}. Logs go to stderr.
//
// The physics bound of the crawl is ⌈n/k⌉ × latency (every request waits its
// 50 ms, k at a time); over_bound_x = crawl_ms / bound_ms, and the overhead per
// request is (crawl_ms − bound_ms) / n: the makespan is the bound plus n times
// that, when, as measured, the requests queue for one serial resource (the
// page's main thread) rather than for the lanes. endpoint_js_* is the same n requests, k at a time, made
// by a plain JavaScript loop in the same page through the same service worker
// (fetch + text(), nothing recorded): the browser's own bound for the endpoint
// on this machine, so the app's share of the overhead is the difference.
//
// Panning: the wheel zooms in 4 steps at the centre, then one mousemove per
// animation frame drags the view for 3 s, exactly as a held mouse button does;
// fps = frames drawn / seconds, from requestAnimationFrame timestamps.

import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const [distArg, nArg = '10000'] = process.argv.slice(2);
const n = Number.parseInt(nArg, 10);
if (!Number.isInteger(n) || n < 1 || n > 10000) {
  console.error(`bench_async: bad n '${nArg}' (1..10000)`);
  process.exit(2);
}
const k = 100;
const latencyMs = 50;

const server = await startServer(resolveDist(distArg));
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  await app.observeLongTasksFromLoad();
  log(`crawler n=${n} k=${k} at ${server.url}`);
  await app.open(server.url, `lesson=crawler&n=${n}&k=${k}&latency=fixed&ms=${latencyMs}&run=1`);
  await app.waitStatus('done', 600_000);
  const crawlMs = await app.number('makespan-ms');
  const { spans } = await app.timeline();
  const maxLongTask = await app.maxLongTask();
  const boundMs = Math.ceil(n / k) * latencyMs;
  // The same requests from a plain JS loop in the same page, same service worker.
  const endpointJsMs = await app.page.evaluate(
    async ([count, lanes, ms]) => {
      let next = 0;
      const t0 = performance.now();
      const lane = async () => {
        while (next < count) {
          const id = next++;
          const r = await fetch(`sim/delay?ms=${ms}&status=200&id=${id}`);
          await r.text();
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return performance.now() - t0;
    },
    [n, k, latencyMs],
  );

  const canvas = app.byTestId('timeline');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + Math.min(box.height / 2, 200)];
  await app.page.mouse.move(cx, cy);
  for (let i = 0; i < 4; i++) {
    await app.page.mouse.wheel(0, -100);
    await app.page.waitForTimeout(50);
  }
  const frames = await app.page.evaluate(async () => {
    const c = document.querySelector('[data-testid="timeline"]');
    const r = c.getBoundingClientRect();
    const y = r.top + Math.min(r.height / 2, 200);
    const fire = (type, x) => c.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, buttons: 1 }));
    const times = [];
    let x = r.left + r.width * 0.8;
    fire('mousedown', x);
    await new Promise((done) => {
      const t0 = performance.now();
      let dir = -1;
      const step = (t) => {
        times.push(t);
        x += dir * 6;
        if (x < r.left + r.width * 0.2 || x > r.left + r.width * 0.8) dir = -dir;
        fire('mousemove', x);
        if (t - t0 < 3000) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    fire('mouseup', x);
    return times;
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const result = {
    n,
    k,
    latency_ms: latencyMs,
    crawl_ms: crawlMs,
    requests_per_s: Math.round((n / crawlMs) * 1000),
    bound_ms: boundMs,
    over_bound_x: Number((crawlMs / boundMs).toFixed(2)),
    overhead_per_request_ms: Number(((crawlMs - boundMs) / n).toFixed(2)),
    endpoint_js_ms: Math.round(endpointJsMs),
    endpoint_js_rps: Math.round((n / endpointJsMs) * 1000),
    spans,
    pan_frames: frames.length,
    pan_fps: Number(((frames.length - 1) / seconds).toFixed(1)),
    frame_p95_ms: Number(gaps[Math.floor(gaps.length * 0.95)].toFixed(1)),
    max_long_task_ms: maxLongTask,
  };
  if (app.errors.length) log('page errors:', app.errors);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  await server.close();
}
