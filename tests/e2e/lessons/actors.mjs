// The account actor in the real browser: exact final balance, one message at a time.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'actors: the final balance is exactly what the replies acknowledged',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=actors&clients=5&messages=6&initial=100&work=10&think=30&mailbox=2&seed=3&run=1');
      await app.waitStatus('done');
      const final = await app.number('final-balance');
      assert.equal(final, await app.number('expected-balance'));
      assert.ok(final >= 0, `never overdrawn: ${final}`);
      assert.equal(await app.number('messages'), 30);
      // One ledger write at a time, whatever the clients do.
      assert.equal(await app.number('max-in-flight'), 1);
      assert.equal(await app.number('tasks-done'), 6); // the actor and 5 clients
      // 30 messages × 10 ms handled one after another.
      assert.ok((await app.number('makespan-ms')) >= 300);
      assert.equal(await app.number('balance-error'), 0);
      await app.screenshot('actors');
    },
  },
  {
    name: 'actors: without the actor, interleaved read-await-write updates are lost',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=actors&design=shared&clients=6&messages=8&initial=200&work=30&think=40&seed=2&run=1');
      await app.waitStatus('done');
      const final = await app.number('final-balance');
      const expected = await app.number('expected-balance');
      assert.notEqual(final, expected, 'some acknowledged updates were overwritten');
      assert.equal(await app.number('balance-error'), final - expected);
      assert.ok((await app.number('max-in-flight')) > 1, 'ledger writes overlap without the actor');
      assert.equal((await app.timeline()).lanes, 6);
      await app.screenshot('actors-shared');
    },
  },
];
