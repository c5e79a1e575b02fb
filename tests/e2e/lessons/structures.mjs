// Concurrent data structures: every design finishes in a correct state (the
// run fails otherwise) and reports a throughput.
import assert from 'node:assert/strict';

const DESIGNS = ['counter-mutex', 'counter-atomic', 'list-mutex', 'cache-mutex', 'cache-rwlock', 'cache-sharded'];

export const tests = [
  {
    name: 'structures: a throughput for every design',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=structures&ops=50000&read=90&shards=8&run=1');
      await app.waitStatus('done', 90_000);
      for (const d of DESIGNS) {
        const v = await app.number(`${d}-per-s`);
        assert.ok(v > 0 && Number.isFinite(v), `${d}: ${v}`);
      }
      const { spans } = await app.timeline();
      assert.equal(spans, DESIGNS.length * (await app.number('pool-threads')), 'one span per thread per design');
      await app.screenshot('structures');
      assert.deepEqual(app.errors, []);
    },
  },
];
