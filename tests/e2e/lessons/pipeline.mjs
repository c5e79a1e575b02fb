// The pipeline in the real browser: per-stage counts add up, failures reach the error queue.
import assert from 'node:assert/strict';
import { pipelineFailures } from '../plan.mjs';

export const tests = [
  {
    name: 'pipeline: every item is produced, processed, and either stored or logged as an error',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=pipeline&n=16&workers=3&maxsize=2&produce=10&process=60&store=15&fail=25&seed=1&run=1');
      await app.waitStatus('done');
      assert.equal(await app.number('produced'), 16);
      assert.equal(await app.number('processed'), 16);
      const errors = await app.number('errors');
      const stored = await app.number('stored');
      assert.equal(stored + errors, 16);
      // Which items fail is drawn from the seed, not from the clock: exact on real time too.
      assert.equal(errors, pipelineFailures({ n: 16, fail: 25, seed: 1 }), 'the seeded failures reach the error queue');
      // Real timers only overshoot: a stage's mean is at least about its planned mean.
      assert.ok((await app.number('process-mean-ms')) > 40);
      assert.ok((await app.number('max-in-flight')) <= 3);
      assert.equal(await app.number('tasks-done'), 6); // producer, 3 processors, consumer, error handler
      assert.equal((await app.timeline()).lanes, 6);
      await app.screenshot('pipeline');
    },
  },
  {
    name: 'pipeline: no failures means nothing reaches the error queue',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=pipeline&n=10&workers=2&fail=0&process=40&run=1');
      await app.waitStatus('done');
      assert.equal(await app.number('errors'), 0);
      assert.equal(await app.number('stored'), 10);
    },
  },
];
