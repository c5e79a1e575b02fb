// Lesson "hybrid" (CPU 7): requests on the event loop, each answer processed on the pool.
import assert from 'node:assert/strict';
import { countPrimes } from '../plan.mjs';

// crates/lessons/src/scenarios/hybrid.rs: response `id` is processed as the primes in
// [BODY_BASE + id·work, BODY_BASE + (id + 1)·work).
const BODY_BASE = 1_000_000;

export const tests = [
  {
    name: 'every response is processed once on the pool while the loop stays free',
    async run({ app, server }) {
      await app.open(server.url, 'lesson=hybrid&n=8&latency=uniform&ms=150&work=100000&seed=3');
      assert.equal(await app.byTestId('isolation-banner').count(), 0);
      await app.run();
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('responses-processed'), 8);
      assert.equal(await app.number('primes-found'), countPrimes(BODY_BASE, BODY_BASE + 8 * 100000));
      assert.ok(await app.number('cpu-total-ms') > 0);
      assert.ok(await app.number('max-loop-lag-ms') < 100);
      assert.equal(await app.byTestId('loop-blocked-warning').count(), 0);
      const { lanes, spans } = await app.timeline();
      assert.ok(lanes >= 9, `${lanes} lanes: 8 requests and at least one worker`);
      assert.ok(spans >= 8 * 2 + 8, `${spans} spans: I/O and waiting per request, one processing span each`);
      await app.screenshot('hybrid');
    },
  },
  {
    name: 'the same run gives the same count',
    async run({ app, server }) {
      const q = 'lesson=hybrid&n=5&latency=fixed&ms=50&work=20000&seed=1&run=1';
      await app.open(server.url, q);
      await app.waitStatus('done', 60_000);
      const first = await app.number('primes-found');
      assert.equal(first, countPrimes(BODY_BASE, BODY_BASE + 5 * 20000));
      await app.open(server.url, q);
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('primes-found'), first);
    },
  },
];
