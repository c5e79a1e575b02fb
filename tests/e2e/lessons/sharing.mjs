// Shared memory vs message passing: both finish (the run fails if their
// checksums differ), the copies are counted, and with little work per item
// copying costs more than reading in place.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'sharing: message passing copies and is slower with light work',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=sharing&items=400000&chunk=20000&rounds=2&run=1');
      await app.waitStatus('done', 90_000);
      const shared = await app.number('shared-ms');
      const copy = await app.number('copy-ms');
      assert.ok(shared > 0 && copy > 0);
      assert.equal(await app.number('bytes-shared'), 400000 * 8);
      // JSON of scrambled u64s: well over 8 bytes per item.
      assert.ok((await app.number('bytes-copied')) > 400000 * 8, 'every item crossed as text');
      assert.ok(copy > shared, `message passing ${copy} ms vs shared ${shared} ms`);
      const { spans } = await app.timeline();
      assert.equal(spans, 20 + 20 * 5, 'one span per shared chunk, five per message-passing chunk');
      await app.screenshot('sharing');
      assert.deepEqual(app.errors, []);
    },
  },
];
