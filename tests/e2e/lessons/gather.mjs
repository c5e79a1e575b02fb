// gather: the await loop takes the sum of the latencies, gather the longest.
import assert from 'node:assert/strict';
import { close, crawlerPlan } from '../plan.mjs';

export const tests = [
  {
    name: 'virtual clock: the loop takes exactly the sum, gather exactly the max',
    async run({ app, server }) {
      const p = { n: 6, latency: 'uniform', ms: 100, seed: 9 };
      await app.open(server.url, `lesson=gather&n=${p.n}&latency=${p.latency}&ms=${p.ms}&seed=${p.seed}&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      const lat = crawlerPlan(p).map((r) => r.latency);
      const sum = lat.reduce((a, b) => a + b, 0);
      const max = Math.max(...lat);
      assert.ok(close(await app.number('await-loop-ms'), sum));
      assert.ok(close(await app.number('gather-ms'), max));
      assert.ok(close(await app.number('speedup-x'), sum / max));
      assert.ok(close(await app.number('makespan-ms'), sum + max));
      assert.equal(await app.number('max-in-flight'), p.n);
      assert.equal((await app.timeline()).lanes, 2 * p.n);
    },
  },
  {
    name: 'browser clock: the loop is at least the sum, gather at least the max and overlaps',
    async run({ app, server }) {
      const [n, ms] = [5, 100];
      await app.open(server.url, `lesson=gather&n=${n}&latency=fixed&ms=${ms}&run=1`);
      await app.waitStatus('done', 30_000);
      const sequential = await app.number('await-loop-ms');
      const gathered = await app.number('gather-ms');
      assert.ok(sequential >= n * ms - 1, `await-loop-ms ${sequential} < ${n * ms}`);
      assert.ok(gathered >= ms - 1, `gather-ms ${gathered}`);
      // All N in flight at once is what makes gather fast; counted, not timed.
      assert.equal(await app.number('max-in-flight'), n);
      assert.ok(close(await app.number('speedup-x'), sequential / gathered));
      assert.equal((await app.timeline()).lanes, 2 * n);
      assert.deepEqual(await app.swStats(), { received: 2 * n, answered: 2 * n }, 'both phases fetched through the service worker');
      await app.screenshot('gather');
    },
  },
];
