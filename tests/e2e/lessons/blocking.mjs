// Lesson "blocking" (async 9): a CPU job on the event loop vs on the worker pool.
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO_ROOT, startServer } from '../lib.mjs';
import { blockingLate } from '../plan.mjs';

const PARAMS = { cpu_ms: 300, n: 6, every: 20, ms: 60 };
const QUERY = `lesson=blocking&${Object.entries(PARAMS).map(([k, v]) => `${k}=${v}`).join('&')}`;

// The same parameters on the virtual clock: exactly the derived late requests (../plan.mjs).
async function lateOnVirtualClock(app, server, mode) {
  const want = blockingLate({ mode, ...PARAMS });
  await app.open(server.url, `${QUERY}&mode=${mode}&clock=virtual`);
  await app.run();
  await app.waitStatus('done');
  assert.equal(await app.number('requests-late'), want, `${mode}: requests late on the virtual clock`);
  return want;
}

export const tests = [
  {
    name: 'block: the busy loop stalls the page, every request is late, the page warns',
    async run({ app, server }) {
      await app.open(server.url, `${QUERY}&mode=block`);
      assert.equal(await app.byTestId('loop-blocked-warning').count(), 0, 'no warning before a run');
      // An independent probe of the main thread (the Long Tasks API reported no
      // entry for this busy loop in headless Chromium, so it is not used here).
      await app.startTimerProbe();
      await app.run();
      await app.waitStatus('done');
      const maxGap = await app.stopTimerProbe();
      assert.equal(await app.number('requests-late'), 6);
      const lag = await app.number('max-loop-lag-ms');
      assert.ok(lag >= 250 && lag < 2_000, `loop lag ${lag} ms`);
      assert.ok(await app.number('cpu-job-ms') >= 299);
      assert.ok(maxGap >= 250, `the page's own timer stalled too (longest gap ${maxGap.toFixed(0)} ms)`);
      await app.byTestId('loop-blocked-warning').waitFor({ state: 'visible', timeout: 5_000 });
      assert.ok(Math.abs(await app.number('loop-blocked-warning') - lag) < 1e-6);
      assert.match(await app.byTestId('loop-blocked-warning').innerText(), /blocked the event loop/);
      const { lanes } = await app.timeline();
      assert.equal(lanes, 7, 'six requests and the job');
      await app.screenshot('blocking-block');
    },
  },
  {
    name: 'offload: the loop keeps ticking while a worker spins, no warning',
    async run({ app, server }) {
      await app.open(server.url, `${QUERY}&mode=offload`);
      await app.startTimerProbe();
      await app.run();
      await app.waitStatus('done');
      const maxGap = await app.stopTimerProbe();
      const lag = await app.number('max-loop-lag-ms');
      assert.ok(lag < 100, `loop lag ${lag} ms`);
      assert.ok(await app.number('cpu-job-ms') >= 299, 'the job still took its time, on a worker');
      assert.ok(maxGap < 250, `the page's own timer kept ticking (longest gap ${maxGap.toFixed(0)} ms)`);
      assert.equal(await app.byTestId('loop-blocked-warning').count(), 0);
      const { lanes } = await app.timeline();
      assert.equal(lanes, 8, 'six requests, the job and the worker that ran it');
      await app.screenshot('blocking-offload');
      // Late requests on real time come from late timers (the endpoint's too),
      // which only the real clock has; what offloading decides is the virtual
      // clock's count: none late, where blocking makes all six late.
      assert.equal(await lateOnVirtualClock(app, server, 'offload'), 0);
      assert.equal(await lateOnVirtualClock(app, server, 'block'), 6);
    },
  },
  {
    name: 'offload without cross-origin isolation: a clear, translated message, block still runs',
    async run({ app }) {
      const plain = await startServer(path.resolve(REPO_ROOT, process.argv[2] ?? 'dist'), { isolated: false });
      try {
        await app.open(plain.url, `${QUERY}&mode=offload&lang=zh&coi=0`); // coi=0: no isolation from sim-sw.js
        assert.equal(await app.page.evaluate(() => crossOriginIsolated), false);
        assert.equal(await app.byTestId('isolation-banner').count(), 0, 'an async lesson: runnable');
        await app.run();
        await app.waitStatus('failed');
        const msg = await app.byTestId('run-error').innerText();
        assert.match(msg, /offload/);
        assert.match(msg, /跨源隔离/);
        assert.doesNotMatch(msg, /err\.offload/);
        await app.setParam('mode', 'block');
        await app.run();
        await app.waitStatus('done');
        assert.equal(await app.number('requests-late'), 6);
        await app.byTestId('loop-blocked-warning').waitFor({ state: 'visible', timeout: 5_000 });
      } finally {
        await plain.close();
      }
    },
  },
  {
    name: 'sync: a blocking request on the loop stalls it like CPU; sync_to_thread parks a worker instead',
    async run({ app, server }) {
      await app.open(server.url, `${QUERY}&mode=sync`);
      await app.startTimerProbe();
      await app.run();
      await app.waitStatus('done');
      const maxGap = await app.stopTimerProbe();
      assert.equal(await app.number('requests-late'), 6);
      const lag = await app.number('max-loop-lag-ms');
      assert.ok(lag >= 250 && lag < 2_000, `loop lag ${lag} ms`);
      assert.ok(await app.number('cpu-job-ms') >= 300, 'the request itself took its latency');
      assert.ok(maxGap >= 250, `the page's own timer stalled (longest gap ${maxGap.toFixed(0)} ms)`);
      await app.byTestId('loop-blocked-warning').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal((await app.timeline()).lanes, 7, 'six requests and the job');
      await app.screenshot('blocking-sync');
      await app.open(server.url, `${QUERY}&mode=sync_to_thread`);
      await app.startTimerProbe();
      await app.run();
      await app.waitStatus('done');
      const gap = await app.stopTimerProbe();
      assert.ok(await app.number('max-loop-lag-ms') < 100);
      assert.ok(await app.number('cpu-job-ms') >= 300);
      assert.ok(gap < 250, `the loop kept ticking (longest gap ${gap.toFixed(0)} ms)`);
      assert.equal((await app.timeline()).lanes, 8, 'six requests, the job and the I/O thread');
      assert.equal(await lateOnVirtualClock(app, server, 'sync_to_thread'), 0);
      assert.equal(await lateOnVirtualClock(app, server, 'sync'), 6);
    },
  },
];
