// Fork-join fib lesson: the swept subtrees and the rayon::join run both give fib(n).
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'fib(n) from subtrees and from rayon::join',
    timeout: 90_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=fib&n=24&depth=3&cutoff=12&reps=1&run=1');
      await app.waitStatus('done', 60_000);
      let [a, b] = [0, 1];
      for (let i = 0; i < 24; i++) [a, b] = [b, a + b];
      assert.equal(await app.number('fib'), a); // 46368
      assert.equal(await app.number('subtrees'), 8);
      assert.ok((await app.number('join-ms')) > 0, 'rayon::join of fib(24) takes measurable time');
      await app.byTestId('speedup-chart').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await app.byTestId('speedup-point').count(), await app.number('pool-threads'));
      await app.screenshot('fib');
    },
  },
];
