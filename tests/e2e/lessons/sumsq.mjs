// Sum of squares: the page's answer equals n(n+1)(2n+1)/6, and the sweep is charted.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'sum of squares equals the closed form on every thread count',
    timeout: 90_000,
    async run({ app, server }) {
      const n = 2_000_000n;
      await app.open(server.url, `lesson=sumsq&n=${n}&chunk=100000&reps=1&run=1`);
      await app.waitStatus('done', 60_000);
      const s = (n * (n + 1n) * (2n * n + 1n)) / 6n;
      assert.equal(await app.number('sum-squares'), Number(s));
      assert.equal(await app.number('sum-squares-last9'), Number(s % 1_000_000_000n));
      await app.byTestId('speedup-chart').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await app.byTestId('speedup-point').count(), await app.number('pool-threads'));
      assert.ok((await app.timeline()).spans >= 20, 'one span per chunk');
      await app.screenshot('sumsq');
    },
  },
];
