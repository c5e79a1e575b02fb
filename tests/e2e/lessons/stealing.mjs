// Work stealing: every task runs once per schedule (the run fails otherwise,
// and the timeline has one span per task per schedule); steals are counted.
import assert from 'node:assert/strict';
import { downloadTrace } from '../lib.mjs';

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
      // Each task after the first begins one half that a join queued; the span
      // says which worker queued it and which ran it: they differ exactly for a steal.
      const worker = (label, key) => label.split(' · ').find((p) => p.startsWith(key))?.slice(key.length);
      const stolen = (await downloadTrace(app)).spans
        .filter((s) => s.resource === 'stealing' && !s.label.includes(' · task 0 · '))
        .filter((s) => worker(s.label, 'queued on ') !== worker(s.label, 'ran on ')).length;
      assert.equal(steals, stolen, `steals ${steals}, spans run away from their queuing worker ${stolen}`);
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
