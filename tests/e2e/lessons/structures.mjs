// Concurrent data structures: every design finishes in a correct state (the
// run fails otherwise) and reports a throughput.
import assert from 'node:assert/strict';
import { downloadTrace } from '../lib.mjs';

const DESIGNS = ['counter-mutex', 'counter-atomic', 'list-mutex', 'cache-mutex', 'cache-rwlock', 'cache-sharded'];

export const tests = [
  {
    name: 'structures: a throughput for every design',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=structures&ops=50000&read=90&shards=8&run=1');
      await app.waitStatus('done', 90_000);
      // Throughput = ops × threads / the design's time, which lies between its
      // longest thread span and the time from its event to the next design's
      // (or the end): the trace brackets it on the real clock.
      const trace = await downloadTrace(app);
      const ops = 50_000 * (await app.number('pool-threads'));
      const starts = DESIGNS.map((d) => trace.events.find((e) => e.name === `structures_${d.replace('-', '_')}`).t_ms);
      for (const [i, d] of DESIGNS.entries()) {
        const v = await app.number(`${d}-per-s`);
        const longest = Math.max(...trace.spans.filter((s) => s.resource === d.replace('-', '_')).map((s) => s.end_ms - s.start_ms));
        const window = (starts[i + 1] ?? trace.meta.makespan_ms) - starts[i];
        const [lo, hi] = [(ops * 1000) / window, (ops * 1000) / longest];
        assert.ok(v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9), `${d}: ${v}/s outside [${lo}, ${hi}] (ops ${ops}, span ${longest} ms, window ${window} ms)`);
      }
      const { spans } = await app.timeline();
      assert.equal(spans, DESIGNS.length * (await app.number('pool-threads')), 'one span per thread per design');
      await app.screenshot('structures');
      assert.deepEqual(app.errors, []);
    },
  },
];
