// What thread basics cost: the threadbasics lesson on the page's real I/O
// threads (Web Workers) next to CPython 3.11 running python/threadbasics.py
// with the same parameters, on this machine, in one run.
//
//   node tests/e2e/bench_threads.mjs dist [reps]
//
// Each figure is a median over `reps` runs (default 5) of what a run took
// beyond what its parameters say (the lesson's own numbers, both sides):
// - join: `join(timeout=1000)` of a thread working 200 ms returns at 200 + x;
// - set → stop: the worker steps 100 ms at a time and checks the flag between
//   steps; stop is set 250 ms after go, mid-step: the time from the set to the
//   worker's end (50 ms on the virtual clock; on real time the steps drift, so
//   this is the measured latency itself, not an overhead over 50);
// - get(timeout) overshoot: the last get(timeout=200) gave up after 200 + x;
// - thread start: browser, `t.start()` → the Web Worker begins its request
//   (a postMessage hop; start_handoff_ms); CPython, `t.start()` → the target's
//   first line (200 threads, python3 -c below). A cold page also pays for the
//   Workers themselves once (threads_start_ms, first run only).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, PlaygroundPage, REPO_ROOT, resolveDist, startServer } from './lib.mjs';

const reps = Number(process.argv[3] ?? 5);
const PARTS = {
  join: { part: 'join_timeout', work: 200, timeout: 1000, over: (r) => r.join_returned_ms - 200 },
  stop: { part: 'stop_event', work: 100, main: 250, tick: 100, over: (r) => r.stop_latency_ms },
  get: { part: 'get_timeout', items: 2, tick: 100, timeout: 200, over: (r) => r.get_waited_ms - 200 },
};
const args = (p) => Object.entries(p).filter(([k]) => k !== 'over');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer(resolveDist(process.argv[2] ?? 'dist'), { port: Number(process.env.E2E_PORT ?? 0) });
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  const b = { cold_start: null, handoff: [] };
  const c = {};
  for (const [name, p] of Object.entries(PARTS)) {
    b[name] = [];
    c[name] = [];
    const query = `lesson=threadbasics&${args(p).map(([k, v]) => `${k}=${v}`).join('&')}`;
    for (let i = 0; i < reps; i++) {
      await app.open(server.url, query);
      await app.run();
      await app.waitStatus('done', 60_000);
      const keys = ['join_returned_ms', 'stop_latency_ms', 'get_waited_ms'];
      const r = {};
      for (const k of keys) r[k] = await app.optionalNumber(k.replaceAll('_', '-'));
      b[name].push(p.over(r));
      b.handoff.push(await app.number('start-handoff-ms'));
      const cold = await app.optionalNumber('threads-start-ms');
      if (cold !== null && b.cold_start === null) b.cold_start = cold;
      const py = JSON.parse(execFileSync('python3', [path.join(REPO_ROOT, 'python', 'threadbasics.py'),
        ...args(p).flatMap(([k, v]) => [`--${k}`, String(v)]), '--json'], { encoding: 'utf8' }));
      c[name].push(p.over(py.results));
    }
  }
  const pyStart = execFileSync('python3', ['-c', `
import threading, time, statistics
xs = []
for _ in range(200):
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("t", time.perf_counter()))
    t0 = time.perf_counter(); t.start(); t.join()
    xs.append((box["t"] - t0) * 1000)
print(statistics.median(xs))`], { encoding: 'utf8' });
  const row = (what, bv, cv) => console.log(`| ${what} | ${bv} | ${cv} |`);
  console.log('| cost (median of ' + reps + ' runs, ms) | browser (Web Workers) | CPython 3.11 |');
  console.log('|---|---:|---:|');
  row('thread start: `t.start()` → thread running', median(b.handoff).toFixed(2), Number(pyStart).toFixed(3));
  row('starting the I/O threads, cold page (once)', b.cold_start === null ? 'n/a' : b.cold_start.toFixed(1), '–');
  row('`join()` of a 200 ms thread: returned after 200 +', median(b.join).toFixed(1), median(c.join).toFixed(1));
  row('`stop.set()` → worker ended (virtual clock: 50)', median(b.stop).toFixed(1), median(c.stop).toFixed(1));
  row('`get(timeout=200)` gave up after 200 +', median(b.get).toFixed(1), median(c.get).toFixed(1));
  console.log(JSON.stringify({ browser: b, cpython: c, cpython_start_ms: Number(pyStart) }));
} finally {
  await browser.close();
  await server.close();
}
