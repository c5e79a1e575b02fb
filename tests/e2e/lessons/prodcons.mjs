// Producers/consumers with a bounded queue in the real browser.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'prodcons: backpressure keeps the queue at most maxsize, sentinels end the consumers',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=prodcons&producers=3&consumers=2&maxsize=3&items=5&produce=20&consume=60&queue=fifo&shutdown=sentinel&run=1');
      await app.waitStatus('done');
      assert.equal(await app.number('items'), 15);
      assert.equal(await app.number('max-queue-depth'), 3);
      assert.ok((await app.number('producer-blocked-ms')) > 0, 'producers waited on a full queue');
      assert.equal(await app.number('tasks-done'), 5); // 3 producers + 2 consumers
      assert.ok((await app.number('max-in-flight')) <= 2);
      // 15 items of ~60 ms on 2 consumers: at least ~7 × 30 ms of handling each.
      assert.ok((await app.number('makespan-ms')) > 300);
      assert.equal((await app.timeline()).lanes, 5);
      await app.screenshot('prodcons');
    },
  },
  {
    name: 'prodcons: priority queue with join-then-cancel shutdown',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=prodcons&producers=2&consumers=3&maxsize=2&items=4&produce=20&consume=50&queue=priority&shutdown=cancel&run=1');
      await app.waitStatus('done');
      assert.equal(await app.number('items'), 8);
      assert.ok((await app.number('max-queue-depth')) <= 2);
      assert.equal(await app.number('tasks-done'), 2); // the producers; consumers end cancelled
      await app.screenshot('prodcons-priority-cancel');
    },
  },
];
