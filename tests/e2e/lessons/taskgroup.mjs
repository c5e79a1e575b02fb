// Lesson "taskgroup": a failing child cancels its siblings, which clean up;
// nested groups cascade the cancellation outwards one cleanup later.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'virtual clock: the group raises at fail_at + cleanup (flat) and + 2·cleanup (nested)',
    async run({ app, server }) {
      const [failAt, cleanup] = [100, 150];
      await app.open(server.url, `lesson=taskgroup&n=3&latency=fixed&ms=400&fail_at=${failAt}&cleanup=${cleanup}&nested=flat&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      assert.equal(await app.number('group-raised-ms'), failAt + cleanup);
      assert.equal(await app.number('makespan-ms'), failAt + cleanup);
      assert.equal(await app.number('children-cancelled'), 3);
      assert.equal(await app.number('exceptions'), 1);
      assert.equal(await app.number('tasks-failed'), 1);
      assert.equal(await app.number('tasks-done'), 0);
      // Nested: the inner siblings clean up, then the outer children do.
      await app.open(server.url, `lesson=taskgroup&n=2&latency=fixed&ms=500&fail_at=${failAt}&cleanup=${cleanup}&nested=nested&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      assert.equal(await app.number('group-raised-ms'), failAt + 2 * cleanup);
      assert.equal(await app.number('children-cancelled'), 4);
    },
  },
  {
    name: 'taskgroup: siblings are cancelled and the group waits for their cleanup',
    timeout: 60_000,
    async run({ app, server }) {
      // Every sibling takes 400 ms; the failure comes at 100 ms, cleanup takes 150 ms.
      await app.open(server.url, 'lesson=taskgroup&n=3&latency=fixed&ms=400&fail_at=100&cleanup=150&nested=flat&run=1');
      await app.waitStatus('done', 30_000);
      assert.equal(await app.number('children-cancelled'), 3);
      assert.equal(await app.number('exceptions'), 1);
      assert.equal(await app.number('tasks-failed'), 1);
      assert.equal(await app.number('tasks-done'), 0);
      const raised = await app.number('group-raised-ms');
      // Timers are late, never early: at least 100 ms + 150 ms cleanup (exact on the virtual clock above).
      assert.ok(raised >= 250 - 1, `group-raised-ms ${raised}`);
      assert.equal((await app.timeline()).lanes, 4);
      await app.screenshot('taskgroup');
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'taskgroup: a nested group failure cancels the outer children after the inner cleanup',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=taskgroup&n=2&latency=fixed&ms=500&fail_at=100&cleanup=100&nested=nested&run=1');
      await app.waitStatus('done', 30_000);
      assert.equal(await app.number('children-cancelled'), 4, 'two inner siblings, then two outer children');
      assert.equal(await app.number('exceptions'), 1);
      const raised = await app.number('group-raised-ms');
      assert.ok(raised >= 300 - 1, `group-raised-ms ${raised}: 100 + 100 (inner cleanup) + 100 (outer cleanup)`);
      assert.equal((await app.timeline()).lanes, 5);
      await app.screenshot('taskgroup-nested');
      assert.deepEqual(app.errors, []);
    },
  },
];
