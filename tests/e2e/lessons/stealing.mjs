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
      assert.ok(Number.isInteger(steals) && steals >= 0 && steals < 120, `steals ${steals}`);
      if (lanes > 1) assert.ok(steals > 0, 'with more than one worker, idle workers steal');
      for (const id of ['static-ms', 'stealing-ms']) assert.ok((await app.number(id)) > 0, id);
      for (const id of ['static-idle-ms', 'stealing-idle-ms']) assert.ok((await app.number(id)) >= 0, id);
      await app.screenshot('stealing');
      assert.deepEqual(app.errors, []);
    },
  },
];
