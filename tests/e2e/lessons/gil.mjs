// The GIL lesson: threads under one lock show no speedup, every mode computes
// the same checksum (the run fails otherwise), and processes copy bytes.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'gil: threads under the GIL do not speed up; processes copy',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=gil&items=8000&rounds=2000&switch=2000&run=1');
      await app.waitStatus('done', 90_000);
      const seq = await app.number('seq-ms');
      const gil = await app.number('gil-ms');
      assert.ok(seq > 0 && gil > 0);
      const gilX = await app.number('gil-x');
      assert.ok(Math.abs(gilX - gil / seq) < 1e-9 * Math.max(1, gilX), `gil-x ${gilX}`);
      // A busy 2-core machine can slow any one mode; no speedup is the robust claim.
      assert.ok(gilX >= 0.8, `GIL threads / sequential = ${gilX}`);
      // Each ratio is that mode's time over the sequential time.
      for (const [x, t] of [['free-x', 'free-ms'], ['process-x', 'process-ms']]) {
        const [vx, vt] = [await app.number(x), await app.number(t)];
        assert.ok(Math.abs(vx - vt / seq) < 1e-9 * Math.max(1, vx), `${x} ${vx} vs ${t}/seq-ms`);
      }
      assert.ok((await app.number('bytes-copied')) > 8000 * 2, 'inputs and results were copied');
      assert.ok((await app.number('gil-switches')) >= await app.number('pool-threads'));
      const { lanes } = await app.timeline();
      assert.equal(lanes, 1 + 2 * (await app.number('pool-threads')), 'main, threads, processes');
      // Browser threads have no GIL, CPython's do: said next to the numbers.
      assert.match(await app.byTestId('gil-notice').innerText(), /GIL/);
      await app.screenshot('gil');
      assert.deepEqual(app.errors, []);
    },
  },
];
