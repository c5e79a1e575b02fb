// Pool-size lesson: repeated thread sweep with statistics, the Amdahl fit,
// the chunk-size chart, an injected failing task, and Stop.
import assert from 'node:assert/strict';

const SMALL = 'lesson=poolsize&items=50000&work=4&chunk=500&reps=3';

export const tests = [
  {
    name: 'poolsize: per-thread statistics, best pool size, Amdahl fit and the chunk-size chart',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, SMALL);
      await app.run();
      await app.waitStatus('done', 90_000);
      const pool = await app.number('pool-threads');
      const table = app.byTestId('sweep-stats');
      await table.waitFor({ timeout: 5_000 });
      for (let t = 1; t <= pool; t++) {
        const row = app.byTestId(`sweep-row-${t}`);
        const [mean, median, stdev, best] = await Promise.all(
          ['data-mean', 'data-median', 'data-stdev', 'data-best'].map(async (a) => Number.parseFloat(await row.getAttribute(a))),
        );
        assert.equal(await row.getAttribute('data-runs'), '3', `3 repetitions at ${t} threads`);
        assert.ok(best > 0 && best <= median && best <= mean, `row ${t}: best ${best}, median ${median}, mean ${mean}`);
        assert.ok(stdev >= 0, `row ${t}: stdev ${stdev}`);
      }
      const bestThreads = await app.number('best-threads');
      assert.ok(bestThreads >= 1 && bestThreads <= pool);
      assert.equal(await table.getAttribute('data-best-threads'), String(bestThreads));
      if (pool >= 2) {
        const f = await app.number('serial-fraction');
        assert.ok(f >= 0 && f <= 1, `serial fraction ${f}`);
        // Attached, not 'visible': with f = 1 (no speedup on a busy machine) the curve is a
        // flat line, which has no height and so counts as hidden.
        const curve = app.byTestId('amdahl-curve');
        await curve.waitFor({ state: 'attached', timeout: 5_000 });
        assert.equal(Number.parseFloat(await curve.getAttribute('data-serial-fraction')), f);
      }
      // Chunk sizes 1, 10, 100, 1k, 10k at 1 thread and at the pool size.
      const lanes = pool >= 2 ? 2 : 1;
      assert.equal(await app.byTestId('param-sweep-point').count(), 5 * lanes);
      assert.equal(await app.byTestId('param-sweep-chart').getAttribute('data-param'), 'chunk');
      const best = await app.number('best-chunk');
      assert.ok([1, 10, 100, 1000, 10000].includes(best), `best chunk ${best}`);
      assert.ok((await app.number('tiny-chunk-slowdown-x')) >= 1);
      await app.screenshot('poolsize');
    },
  },
  {
    name: 'poolsize: a failing task shows its error and the pool runs the next job',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, `${SMALL}&fail_at=7`);
      await app.run();
      await app.waitStatus('failed', 60_000);
      const msg = await app.byTestId('run-error').textContent();
      assert.match(msg, /chunk 7/);
      await app.setParam('fail_at', '-1');
      await app.run();
      await app.waitStatus('done', 90_000);
      assert.ok((await app.number('pool-threads')) >= 1);
      await app.byTestId('sweep-stats').waitFor({ timeout: 5_000 });
    },
  },
  {
    name: 'poolsize: Stop ends a long run within 250 ms',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=poolsize&items=5000000&work=200&chunk=5000&reps=20');
      await app.run();
      await app.waitStatus('running', 30_000);
      await app.page.waitForTimeout(500);
      const t0 = Date.now();
      await app.stop();
      await app.waitStatus('stopped', 5_000);
      const took = Date.now() - t0;
      assert.ok(took < 250 + 100, `Stop took ${took} ms (250 ms + polling slack)`);
    },
  },
];
