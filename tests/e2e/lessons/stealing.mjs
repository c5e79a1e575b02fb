// Work stealing: every task runs once per schedule (the run fails otherwise,
// and the timeline has one span per task per schedule); steals are counted.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'stealing: every task drawn once per schedule, steals counted',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=stealing&tasks=120&size=200&skew=heavy&seed=3&run=1');
      await app.waitStatus('done', 90_000);
      const { lanes, spans } = await app.timeline();
      assert.equal(spans, 2 * 120);
      assert.equal(lanes, await app.number('pool-threads'));
      const steals = await app.number('steals');
      assert.ok(Number.isInteger(steals) && steals < 120, `steals ${steals}: a task is stolen at most once`);
      if (lanes > 1) assert.ok(steals > 0, 'with more than one worker, idle workers steal');
      for (const id of ['static-ms', 'stealing-ms']) assert.ok((await app.number(id)) > 0, id);
      // Idle time is worker time not in a task: at most the schedule's time on every worker.
      for (const s of ['static', 'stealing']) {
        const [idle, ms] = [await app.number(`${s}-idle-ms`), await app.number(`${s}-ms`)];
        assert.ok(idle <= ms * lanes + 1e-6, `${s}: idle ${idle} ms > ${lanes} × ${ms} ms`);
      }
      await app.screenshot('stealing');
      assert.deepEqual(app.errors, []);
    },
  },
];
