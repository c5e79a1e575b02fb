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
  {
    name: 'a long sweep shows how far it is: step i of n (n = repetitions × thread counts) and the time so far',
    timeout: 180_000,
    async run({ app, server }) {
      const reps = 5;
      await app.open(server.url, `lesson=primes&bound=8000000&chunk=100000&reps=${reps}`);
      await app.run();
      // Polled while the pool works (the page updates it 4 times a second).
      const seen = [];
      while ((await app.status()) === 'running') {
        const p = await app.page.evaluate(() => {
          const el = document.querySelector('[data-testid="run-progress"]');
          return el && { done: Number(el.dataset.done), total: Number(el.dataset.total), text: el.textContent };
        });
        if (p) seen.push(p);
        await app.page.waitForTimeout(100);
      }
      assert.equal(await app.status(), 'done');
      const pool = await app.number('pool-threads');
      assert.ok(seen.length >= 2, `progress shown while running (${seen.length} readings)`);
      const counted = seen.filter((p) => p.total > 0);
      assert.ok(counted.length > 0, 'the sweep reported its steps');
      assert.ok(counted.every((p) => p.total === reps * pool), `total = ${reps} × ${pool}: ${JSON.stringify(counted.at(-1))}`);
      counted.forEach((p, i) => assert.ok(p.done <= p.total && (i === 0 || p.done >= counted[i - 1].done), 'never backwards'));
      assert.match(counted.at(-1).text, new RegExp(`^step \\d+ of ${reps * pool} · \\d+\\.\\d s$`));
      assert.equal(await app.byTestId('run-progress').count(), 0, 'gone once the run is done');
    },
  },
];
