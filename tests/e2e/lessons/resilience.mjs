// Lesson "resilience": timeouts, retries with backoff, and the circuit breaker.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'resilience: every attempt times out and is retried',
    timeout: 60_000,
    async run({ app, server }) {
      // 300 ms answers, 100 ms timeout, two attempts each, breaker never opens.
      await app.open(server.url, 'lesson=resilience&n=4&interval=0&latency=fixed&ms=300&fail=0&timeout=100&attempts=2&base=20&cap=20&threshold=100&run=1');
      await app.waitStatus('done', 30_000);
      assert.equal(await app.number('attempts'), 8);
      assert.equal(await app.number('timeouts'), 8);
      assert.equal(await app.number('successes'), 0);
      assert.equal(await app.number('rejected-by-breaker'), 0);
      assert.equal(await app.number('tasks-failed'), 4);
      const makespan = await app.number('makespan-ms');
      assert.ok(makespan >= 199 && makespan < 290, `makespan ${makespan}: two 100 ms timeouts and a backoff under 20 ms`);
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'resilience: the breaker opens and rejects calls fast',
    timeout: 60_000,
    async run({ app, server }) {
      // Every request fails; calls arrive every 50 ms; two failures open the breaker for 5 s.
      await app.open(server.url, 'lesson=resilience&n=8&interval=50&latency=fixed&ms=70&fail=100&timeout=1000&attempts=1&threshold=2&open_ms=5000&run=1');
      await app.waitStatus('done', 30_000);
      assert.equal(await app.number('successes'), 0);
      // How many calls land while the breaker is open depends on real timers (the
      // open window's end vs the next arrival); every call is either tried or rejected.
      assert.ok((await app.number('breaker-opens')) >= 1);
      // Calls 0 and 1 fail at 70 and 120 ms (open); call 2 (100 ms) was admitted
      // before that; calls 3–7 arrive while open and are rejected.
      const rejected = await app.number('rejected-by-breaker');
      assert.ok(rejected >= 1, `rejected ${rejected}`);
      assert.equal(rejected + (await app.number('attempts')), 8, 'each of the 8 calls tried or rejected');
      assert.equal(await app.number('tasks-failed'), 8);
      await app.screenshot('resilience');
      assert.deepEqual(app.errors, []);
    },
  },
];
