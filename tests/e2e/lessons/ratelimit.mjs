// Rate limiting in the real browser: real timers, real fetch() to the service worker.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'ratelimit: token bucket delays the overflow and keeps close to the configured rate',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=ratelimit&n=20&limiter=token_bucket&overflow=delay&rate=20&burst=5&arrive=200&ms=50&run=1');
      await app.waitStatus('done');
      const admitted = await app.number('admitted');
      const delayed = await app.number('delayed');
      assert.equal(admitted + delayed, 20);
      assert.equal(await app.number('rejected'), 0);
      assert.ok(admitted >= 5 && delayed >= 10, `admitted ${admitted}, delayed ${delayed}`);
      assert.equal(await app.number('configured-rate'), 20);
      const achieved = await app.number('achieved-rate');
      // 19 admissions after the first; the burst of 5 passes at once, the rest at 20/s.
      assert.ok(achieved > 18 && achieved < 32, `achieved rate ${achieved}`);
      assert.equal(await app.number('tasks-done'), 20);
      // 15 requests wait one token (50 ms) each after the burst: at least ~700 ms.
      assert.ok((await app.number('makespan-ms')) > 650);
      await app.screenshot('ratelimit-bucket');
    },
  },
  {
    name: 'ratelimit: sliding window rejects what does not fit',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=ratelimit&n=30&limiter=sliding_window&overflow=reject&limit=5&window=300&arrive=100&ms=40&run=1');
      await app.waitStatus('done');
      const admitted = await app.number('admitted');
      const rejected = await app.number('rejected');
      assert.equal(await app.number('delayed'), 0);
      assert.equal(admitted + rejected, 30);
      // 30 arrivals over ~290 ms: one or two windows' worth pass, the rest are turned away.
      assert.ok(admitted >= 5 && admitted <= 10, `admitted ${admitted}`);
      assert.equal(await app.number('tasks-failed'), rejected);
      // Measured to the last arrival: near the configured 5 per 300 ms (16.7/s), not the burst's pace.
      const achieved = await app.number('achieved-rate');
      assert.ok(achieved > 5 && achieved < 25, `achieved rate ${achieved}`);
      assert.equal(await app.number('tasks-done'), admitted);
      await app.screenshot('ratelimit-window');
    },
  },
];
