// Lesson "crawler" against the overloadable server (server=capacity): the
// service worker slows requests past the capacity and refuses them past
// capacity + queue, so K = N is slower than K = capacity and gets 503s.
import assert from 'node:assert/strict';

const Q = 'lesson=crawler&n=20&latency=fixed&ms=100&server=capacity&capacity=5&queue=10';

export const tests = [
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
      const points = await app.byTestId('k-sweep-point').evaluateAll((els) =>
        els.map((e) => [Number(e.dataset.k), Number(e.dataset.ms)]));
      const best = points.reduce((a, b) => (b[1] < a[1] ? b : a));
      assert.equal(best[0], 5, `best K on the chart: ${JSON.stringify(points)}`);
      await app.screenshot('crawler-server');
    },
  },
];
