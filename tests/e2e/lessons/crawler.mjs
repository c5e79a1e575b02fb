// The crawler: N requests, at most K in flight. On the virtual clock every
// number follows from the parameters exactly; on the browser clock (real
// timers, real fetch() through the service worker) only one-sided bounds hold.
import assert from 'node:assert/strict';
import { log } from '../lib.mjs';
import { close, crawlerPlan } from '../plan.mjs';

const Q = 'lesson=crawler&n=20&latency=fixed&ms=100&server=capacity&capacity=5&queue=10';

export const tests = [
  {
    name: 'virtual clock: ⌈N/K⌉ waves of the fixed latency, K in flight, the K sweep',
    async run({ app, server }) {
      const [n, k, ms] = [20, 5, 150];
      await app.open(server.url, `lesson=crawler&n=${n}&k=${k}&latency=fixed&ms=${ms}&fail=0&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      const waves = Math.ceil(n / k);
      assert.equal(await app.number('makespan-ms'), waves * ms);
      assert.equal(await app.number('max-in-flight'), k);
      assert.equal(await app.number('tasks-done'), n);
      assert.equal(await app.number('tasks-failed'), 0);
      for (const p of ['p50-ms', 'p95-ms', 'p99-ms']) assert.equal(await app.number(p), ms, p);
      assert.ok(close(await app.number('throughput'), n / ((waves * ms) / 1000)));
      assert.deepEqual(await app.timeline().then((t) => t.lanes), n);
      // Makespan vs K, each replayed on the virtual clock: ⌈N/K⌉ · ms.
      const sweep = await app.byTestId('makespan-sweep-point').evaluateAll((els) => els.map((e) => [Number(e.dataset.value), Number(e.dataset.ms)]));
      assert.deepEqual(sweep.map(([kk]) => kk), [1, 2, 5, 10, 20]);
      for (const [kk, t] of sweep) assert.equal(t, Math.ceil(n / kk) * ms, `K=${kk}`);
    },
  },
  {
    name: 'virtual clock: seeded uniform latencies and failures, exactly as planned',
    async run({ app, server }) {
      const p = { n: 12, k: 12, latency: 'uniform', ms: 80, fail: 30, seed: 5 };
      await app.open(server.url, `lesson=crawler&n=${p.n}&k=${p.k}&latency=${p.latency}&ms=${p.ms}&fail=${p.fail}&seed=${p.seed}&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      const plan = crawlerPlan(p);
      const failed = plan.filter((r) => r.status >= 400).length;
      assert.ok(failed > 0 && failed < p.n, `the seed gives a mix (${failed} failures)`);
      assert.equal(await app.number('tasks-failed'), failed);
      assert.equal(await app.number('tasks-done'), p.n - failed);
      // All in flight at once: the run lasts as long as the slowest request.
      assert.equal(await app.number('makespan-ms'), Math.max(...plan.map((r) => r.latency)));
      assert.equal(await app.number('max-in-flight'), p.n);
    },
  },
  {
    name: 'browser clock through the UI: K in flight, never faster than the waves, tooltip',
    async run({ app, server }) {
      const [n, k, ms] = [20, 5, 150];
      await app.open(server.url, 'lesson=crawler');
      await app.setParam('n', n);
      await app.setParam('k', k);
      await app.setParam('latency', 'fixed');
      await app.setParam('ms', ms);
      await app.run();
      await app.waitStatus('done', 30_000);
      assert.equal(await app.number('max-in-flight'), k);
      assert.equal(await app.number('tasks-done'), n);
      // Every request was a real fetch() the service worker received and answered.
      assert.deepEqual(await app.swStats(), { received: n, answered: n });
      assert.equal(await app.byTestId('endpoint-fallback').count(), 0);
      // Timers are late, never early: at least ⌈N/K⌉ waves, each request at least ms.
      const makespan = await app.number('makespan-ms');
      assert.ok(makespan >= Math.ceil(n / k) * ms - 1, `makespan-ms ${makespan}`);
      assert.ok((await app.number('p50-ms')) >= ms - 1);
      const { lanes, spans } = await app.timeline();
      assert.equal(lanes, n);
      assert.ok(spans >= n, `timeline spans ${spans}`);
      await app.screenshot('crawler');
      // The K sweep is replayed on the virtual clock even for a browser run.
      const msAt = async (kk) => Number(await app.page.locator(`[data-testid=makespan-sweep-point][data-value="${kk}"]`).getAttribute('data-ms'));
      assert.equal(await msAt(1), n * ms);
      assert.equal(await msAt(k), Math.ceil(n / k) * ms);
      assert.equal(await app.byTestId('makespan-sweep-measured').count(), 1);
      // Hover over the first lane's span: the tooltip names the request.
      await app.byTestId('timeline').hover({ position: { x: 140, y: 33 } });
      const tip = app.page.locator('.tooltip');
      await tip.waitFor({ state: 'visible', timeout: 5_000 });
      assert.match(await tip.innerText(), /request 0/);
    },
  },
  {
    name: 'the service worker answers the page and worker scripts; the site\'s other files go to the network untouched',
    async run({ app, server }) {
      // A request the worker answers and the page then aborts (it navigates away
      // while the rest of the wasm still loads) made Firefox log "Failed to load
      // ''. A ServiceWorker intercepted the request and encountered an unexpected
      // error." (static/sim-sw.js). The worker marks what it answers (X-Playground-Sw).
      await app.open(server.url, 'lesson=crawler&n=2&k=2&latency=fixed&ms=10&run=1');
      await app.waitStatus('done', 30_000);
      const marks = await app.page.evaluate(async () => {
        const mark = async (url) => (await fetch(url, { cache: 'no-store' })).headers.get('X-Playground-Sw');
        const rest = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm'));
        return { controlled: !!navigator.serviceWorker.controller, wasm: await mark(rest), texts: await mark('i18n-later.json'), probe: await mark('io-worker.js?sw-probe') };
      });
      assert.deepEqual(marks, { controlled: true, wasm: null, texts: null, probe: '1' });
      // The page and its workers still have their isolation (the page: from the worker's headers or the server's).
      assert.equal(await app.page.evaluate(() => crossOriginIsolated), true);
    },
  },
  {
    name: 'server=capacity: K = N overloads the server; the chart puts the best K at the capacity',
    async run({ app, server }) {
      await app.open(server.url, `${Q}&k=5`);
      await app.run();
      await app.waitStatus('done');
      const atCapacity = await app.number('makespan-ms');
      assert.equal(await app.number('tasks-failed'), 0);
      assert.ok(atCapacity >= 400, `K = 5: ${atCapacity} ms, 4 rounds of 100 ms`);
      await app.open(server.url, `${Q}&k=20`);
      await app.run();
      await app.waitStatus('done');
      const all = await app.number('makespan-ms');
      // 15 admitted (C + queue), the 15th at (15/5)² = 9 times the latency; 5 refused with 503.
      assert.equal(await app.number('tasks-failed'), 5);
      assert.ok(all >= 900, `K = 20: ${all} ms`);
      assert.ok(all > atCapacity);
      const points = await app.byTestId('makespan-sweep-point').evaluateAll((els) =>
        els.map((e) => [Number(e.dataset.value), Number(e.dataset.ms)]));
      const best = points.reduce((a, b) => (b[1] < a[1] ? b : a));
      assert.equal(best[0], 5, `best K on the chart: ${JSON.stringify(points)}`);
      await app.screenshot('crawler-server');
    },
  },
  {
    name: 'virtual clock, 10,000 lanes: the run yields in slices (no task over 50 ms), Stop answers mid-run',
    timeout: 120_000,
    async run({ app, server }) {
      const [n, k, ms] = [10_000, 100, 50];
      const q = `lesson=crawler&n=${n}&k=${k}&latency=fixed&ms=${ms}&fail=0&clock=virtual`;
      // Clicks Run in the page and waits there until the run is done (the status of a
      // previous run must not count); returns the page's performance.now() at the click.
      const runInPage = () => app.page.evaluate(async () => {
        const el = (id) => document.querySelector(`[data-testid="${id}"]`);
        const clicked = performance.now();
        el('run-button').click();
        while (el('run-status')?.getAttribute('data-status') !== 'done') {
          if (performance.now() - clicked > 60_000) throw new Error('the run did not finish in 60 s');
          await new Promise((r) => setTimeout(r, 20));
        }
        return clicked;
      });
      // The first run on a fresh page compiles the code that draws a large result (V8
      // compiles wasm functions on first call): one task of 100–250 ms at the end of that
      // run on this loaded machine, absent from the runs after it. That cost is the page's,
      // once, not the run's size: the same run goes once first, then is measured.
      await app.open(server.url, q);
      await runInPage();
      await app.observeLongTasks();
      const t0 = await runInPage();
      // A long task is reported once it ends: give the result's rendering time to land too.
      await app.page.waitForTimeout(500);
      // From the click to the drawn result; 'longtask' lists every task over 50 ms (Firefox,
      // which has none: the probe's gaps, each by the page's thread's time on a CPU; page.mjs).
      const longest = await app.maxLongTask(t0);
      log(`crawler: 10,000 lanes on the virtual clock, longest task ${longest} ms (0: none over 50 ms)`);
      assert.ok(longest <= 50, `longest main-thread task during the run: ${longest} ms`);
      assert.equal(await app.number('makespan-ms'), Math.ceil(n / k) * ms);
      assert.equal(await app.number('tasks-done'), n);
      assert.equal((await app.timeline()).lanes, n);

      // Stop, clicked from the page as soon as the run has yielded once (Stop enabled).
      await app.open(server.url, q);
      const stop = await app.page.evaluate(async () => {
        const el = (id) => document.querySelector(`[data-testid="${id}"]`);
        const tick = () => new Promise((r) => setTimeout(r, 0));
        el('run-button').click();
        const started = performance.now();
        while (el('stop-button').disabled) {
          // A run that never yields is over before Stop can be clicked.
          if (performance.now() - started > 10_000) return { status: el('run-status')?.getAttribute('data-status'), answeredMs: NaN };
          await tick();
        }
        const clicked = performance.now();
        el('stop-button').click();
        while (el('run-status')?.getAttribute('data-status') === 'running') await tick();
        return { status: el('run-status')?.getAttribute('data-status'), answeredMs: performance.now() - clicked };
      });
      log(`crawler: Stop answered after ${stop.answeredMs.toFixed(1)} ms (${stop.status})`);
      assert.equal(stop.status, 'stopped', `status after Stop: ${stop.status}`);
      // The slice under way (8 ms) and the stopped trace's drawing, within Stop's 250 ms bound (poolsize).
      assert.ok(stop.answeredMs < 250, `Stop answered after ${stop.answeredMs} ms`);
      const done = await app.number('tasks-done');
      log(`crawler: stopped with ${done} of ${n} requests done`);
      assert.ok(done < n, `stopped mid-run, yet ${done} of ${n} requests done`);
      assert.equal((await app.timeline()).lanes, n);
    },
  },
];
