// The coordination lesson in the browser: each primitive on the real event loop.
import assert from 'node:assert/strict';
import { close, uniformLatencies } from '../plan.mjs';

export const tests = [
  {
    name: 'virtual clock: the Lock serialises (makespan = Σ latencies); the pool reuses n − k connections',
    async run({ app, server }) {
      const [n, ms, seed] = [5, 40, 3];
      await app.open(server.url, `lesson=coordination&primitive=lock&n=${n}&ms=${ms}&seed=${seed}&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      const lat = uniformLatencies(seed, n, ms);
      assert.ok(close(await app.number('makespan-ms'), lat.reduce((a, b) => a + b, 0)));
      assert.equal(await app.number('counter'), n);
      assert.equal(await app.number('max-in-flight'), 1);
      await app.open(server.url, 'lesson=coordination&primitive=pool&n=8&k=3&ms=40&seed=36&clock=virtual&run=1');
      await app.waitStatus('done', 10_000);
      assert.equal(await app.number('max-in-flight'), 3);
      assert.equal(await app.number('connections-reused'), 8 - 3);
      assert.equal(await app.number('tasks-done'), 8);
    },
  },
  {
    name: 'coordination: a Lock lets one task in at a time and loses no update',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=coordination&primitive=lock&n=5&ms=40');
      await app.run();
      await app.waitStatus('done');
      assert.equal(await app.number('tasks-done'), 5);
      assert.equal(await app.number('counter'), 5);
      assert.equal(await app.number('max-in-flight'), 1);
      // Five requests one after another: at least their sum (seed 1, uniform around 40 ms).
      const sum = uniformLatencies(1, 5, 40).reduce((a, b) => a + b, 0);
      assert.ok((await app.number('makespan-ms')) >= sum - 1, `makespan below Σ latencies ${sum}`);
      const tl = await app.timeline();
      assert.equal(tl.lanes, 5);
      await app.screenshot('coordination-lock');
    },
  },
  {
    name: 'coordination: a pool of K connections never has more than K in use',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=coordination&primitive=pool&n=8&k=3&ms=40&seed=36');
      await app.run();
      await app.waitStatus('done');
      assert.equal(await app.number('tasks-done'), 8);
      assert.equal(await app.number('max-in-flight'), 3);
      assert.equal(await app.number('connections-reused'), 5);
      await app.screenshot('coordination-pool');
    },
  },
  {
    name: 'coordination: Event wakes every waiter, Barrier opens once, Condition serves each consumer',
    timeout: 90_000,
    async run({ app, server }) {
      for (const [primitive, lanes] of [['event', 5], ['barrier', 4], ['condition', 5]]) {
        await app.open(server.url, `lesson=coordination&primitive=${primitive}&n=4&ms=30`);
        await app.run();
        await app.waitStatus('done');
        assert.equal(await app.number('tasks-done'), lanes, primitive);
        assert.equal((await app.timeline()).lanes, lanes, primitive);
      }
    },
  },
  {
    name: 'coordination: a sleep loop drifts, a deadline schedule does not',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=coordination&primitive=periodic&n=5&ms=60');
      await app.run();
      await app.waitStatus('done');
      const loop = await app.number('loop-drift-ms');
      const sched = await app.number('scheduler-drift-ms');
      // Jobs take 15–45 ms each; four of them come before the last tick.
      assert.ok(loop >= 60, `loop drift ${loop}`);
      assert.ok(sched < loop / 2, `scheduler drift ${sched} vs loop ${loop}`);
      await app.screenshot('coordination-periodic');
    },
  },
];
