// Rate limiting in the real browser: real timers, real fetch() to the service worker.
import assert from 'node:assert/strict';
import { close, crawlerPlan } from '../plan.mjs';

/**
 * The token bucket with delay (crates/engine/src/primitives/rate_limit.rs), replayed on exact
 * times: arrivals every 1000/arrive ms; a caller takes the turn (FIFO), refills at
 * rate/s up to burst, passes at once with ≥ 1 token, else sleeps until there is one.
 * Returns [{ at, delayed }] admissions in arrival order.
 */
function tokenBucket({ n, rate, burst, arrive }) {
  let [level, refilled, turnFree] = [burst, 0, 0];
  const out = [];
  for (let i = 0; i < n; i++) {
    const arrival = (i * 1000) / arrive;
    const start = Math.max(arrival, turnFree);
    level = Math.min(burst, level + ((start - refilled) * rate) / 1000);
    refilled = start;
    let at = start;
    if (level < 1 - 1e-9) {
      at = start + ((1 - level) * 1000) / rate;
      level = 1;
      refilled = at;
    }
    level -= 1;
    turnFree = at;
    out.push({ at, delayed: at > arrival });
  }
  return out;
}


export const tests = [
  {
    name: 'virtual clock: token bucket admissions, delays, rate and makespan as the rule says',
    async run({ app, server }) {
      const p = { n: 20, rate: 20, burst: 5, arrive: 200, ms: 50, seed: 1 };
      await app.open(server.url, `lesson=ratelimit&n=${p.n}&limiter=token_bucket&overflow=delay&rate=${p.rate}&burst=${p.burst}&arrive=${p.arrive}&ms=${p.ms}&seed=${p.seed}&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      const adm = tokenBucket(p);
      const delayed = adm.filter((a) => a.delayed).length;
      assert.equal(delayed, 15, 'the burst of 5 passes, the rest wait');
      assert.equal(await app.number('admitted'), p.n - delayed);
      assert.equal(await app.number('delayed'), delayed);
      assert.equal(await app.number('rejected'), 0);
      const times = adm.map((a) => a.at);
      const span = Math.max(...times, ((p.n - 1) * 1000) / p.arrive) - times[0];
      assert.ok(close(await app.number('achieved-rate'), ((p.n - 1) * 1000) / span));
      // Each request then takes its seeded uniform latency.
      const lat = crawlerPlan({ n: p.n, latency: 'uniform', ms: p.ms, seed: p.seed }).map((r) => r.latency);
      assert.ok(close(await app.number('makespan-ms'), Math.max(...times.map((t, i) => t + lat[i]))));
    },
  },
  {
    name: 'virtual clock: sliding window admits exactly `limit` while the window is full',
    async run({ app, server }) {
      // 30 arrivals every 10 ms (last at 290 ms); a 300 ms window of 5: the first five pass,
      // and the oldest admission (0 ms) leaves the window only at 300 ms, after the last arrival.
      await app.open(server.url, 'lesson=ratelimit&n=30&limiter=sliding_window&overflow=reject&limit=5&window=300&arrive=100&ms=40&clock=virtual&run=1');
      await app.waitStatus('done', 10_000);
      assert.equal(await app.number('admitted'), 5);
      assert.equal(await app.number('rejected'), 25);
      assert.equal(await app.number('tasks-failed'), 25);
      // Admissions at 0–40 ms, demand until 290 ms: 4 intervals over 290 ms.
      assert.ok(close(await app.number('achieved-rate'), (4 * 1000) / 290));
    },
  },
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
      // Late arrivals only give the bucket more time to refill: at least the burst passes.
      assert.ok(admitted >= 5, `admitted ${admitted}, delayed ${delayed}`);
      assert.equal(await app.number('configured-rate'), 20);
      const achieved = await app.number('achieved-rate');
      // Never above what the bucket allows: burst + rate·(time since the bucket was filled).
      // The rate is measured from the first admission, and the bucket was full from its
      // creation, at most one loop turn earlier (FIRST_ADMISSION_MS: a timer turn, which
      // Chromium clamps to 4 ms), so the span gets that much refill on top.
      const FIRST_ADMISSION_MS = 4;
      const span = (19 * 1000) / achieved;
      assert.ok(20 <= 5 + (20 * (span + FIRST_ADMISSION_MS)) / 1000, `achieved rate ${achieved}: more than the bucket holds`);
      assert.equal(await app.number('tasks-done'), 20);
      // The last of 20 admissions needs 15 tokens beyond the burst: ≥ 15 × 50 ms, plus its request.
      assert.ok((await app.number('makespan-ms')) >= 15 * 50, 'the bucket cannot refill faster than its rate');
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
      // Late arrivals spread over more time: at least one window's worth passes (exactly 5 on
      // the virtual clock), and never more than `limit` within any window.
      assert.ok(admitted >= 5, `admitted ${admitted}`);
      assert.equal(await app.number('tasks-failed'), rejected);
      assert.equal(await app.number('tasks-done'), admitted);
      assert.deepEqual(await app.swStats(), { received: admitted, answered: admitted }, 'rejected requests never go out');
      await app.screenshot('ratelimit-window');
    },
  },
];
