// Primes on the rayon pool: the exact count at every thread count, one point
// per thread count, and the speedup figures consistent with the points.
import assert from 'node:assert/strict';
import { countPrimes } from '../plan.mjs';

export const tests = [
  {
    name: 'π(bound) exactly, speedup points consistent with speedup-max and best-threads',
    timeout: 180_000,
    async run({ app, server }) {
      const bound = 2_000_000;
      await app.open(server.url, `lesson=primes&bound=${bound}`);
      await app.observeLongTasks(); // main-thread responsiveness during the run
      await app.run();
      await app.waitStatus('done', 120_000);
      assert.equal(await app.number('primes-found'), countPrimes(2, bound)); // 148933
      const chart = app.byTestId('speedup-chart');
      await chart.waitFor({ state: 'visible', timeout: 5_000 });
      const points = await chart.locator('[data-testid="speedup-point"]').evaluateAll((els) =>
        els.map((e) => [Number(e.dataset.threads), Number(e.dataset.speedup)]));
      const pool = await app.number('pool-threads');
      assert.deepEqual(points.map(([t]) => t), Array.from({ length: pool }, (_, i) => i + 1), 'one point per thread count');
      assert.equal(points[0][1], 1, 'speedup at 1 thread is 1 by definition');
      const best = Math.max(...points.map(([, s]) => s));
      assert.ok(Math.abs((await app.number('speedup-max')) - best) < 1e-9, 'speedup-max is the best point');
      const bestThreads = await app.number('best-threads');
      assert.ok(Math.abs(points[bestThreads - 1][1] - best) < 1e-9, 'best-threads is where it was reached');
      const t1 = await app.number('t1-ms');
      if (pool >= 2) assert.ok(Math.abs((await app.number('t2-ms')) - t1 / points[1][1]) < 1e-6 * t1, 't2 = t1 / speedup(2)');
      await app.screenshot('primes');
      console.log(`primes: max long task during run = ${await app.maxLongTask()} ms`);
    },
  },
];
