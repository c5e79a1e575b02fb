// Race conditions: the mutex and the atomic lose nothing; the unsynchronized
// count plus its lost updates is the expected total. Lost updates are likely
// on a multi-core machine but not guaranteed, so they are only bounded.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'race: safe variants lose nothing, the books balance',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=race&increments=100000&run=1');
      await app.waitStatus('done', 90_000);
      const pool = await app.number('pool-threads');
      const expected = await app.number('expected-count');
      assert.equal(expected, 100000 * pool);
      assert.equal(await app.number('mutex-count'), expected);
      assert.equal(await app.number('atomic-count'), expected);
      const unsync = await app.number('unsync-count');
      const lost = await app.number('lost-updates');
      assert.ok(unsync >= 100000 && unsync <= expected, `unsync-count ${unsync}`);
      assert.equal(unsync + lost, expected);
      for (const id of ['unsync-ms', 'mutex-ms', 'atomic-ms']) assert.ok((await app.number(id)) > 0, id);
      const { spans } = await app.timeline();
      assert.equal(spans, 3 * pool, 'one span per thread per variant');
      await app.screenshot('race');
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'race: more threads than the pool is explained, not run',
    async run({ app, server }) {
      await app.open(server.url, 'lesson=race&threads=64&run=1');
      await app.waitStatus('failed', 30_000);
    },
  },
];
