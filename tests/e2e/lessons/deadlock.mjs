// The deadlock lesson in the browser: the cycle is found on the real event loop
// (no "everything is blocked" signal there) and shown; lock ordering fixes it.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'virtual clock: the cycle closes after ms; ordered, the ring runs in (n + 2)·ms',
    async run({ app, server }) {
      const ms = 50;
      await app.open(server.url, `lesson=deadlock&ordering=opposite&n=2&ms=${ms}&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      assert.equal(await app.number('deadlock-detected'), 1);
      // Each task holds its first lock for ms of work, then asks for the other's: the cycle closes at ms.
      assert.equal(await app.number('makespan-ms'), ms);
      assert.equal(await app.number('tasks-done'), 0);
      // Ordered, n = 4: tasks 0–2 take (i, i+1), task 3 takes (A, D) and waits for A. Task 2
      // gets D at once and ends at 2·ms; task 1 then gets C and ends at 3·ms, task 0 at 4·ms;
      // task 3 gets A at 4·ms and needs two more: (n + 2)·ms.
      await app.open(server.url, `lesson=deadlock&ordering=ordered&n=4&ms=${ms}&clock=virtual&run=1`);
      await app.waitStatus('done', 10_000);
      assert.equal(await app.number('deadlock-detected'), 0);
      assert.equal(await app.number('tasks-done'), 4);
      assert.equal(await app.number('makespan-ms'), (4 + 2) * ms);
    },
  },
  {
    name: 'deadlock: opposite lock order is detected, named, and the run ends',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=deadlock&ordering=opposite&n=2&ms=50');
      await app.run();
      await app.waitStatus('done');
      assert.equal(await app.number('deadlock-detected'), 1);
      assert.equal(await app.number('tasks-done'), 0);
      const cycle = app.byTestId('deadlock-cycle');
      await cycle.waitFor({ state: 'visible', timeout: 5_000 });
      const text = await cycle.innerText();
      assert.match(text, /task 0 holds lock A, waits for lock B; task 1 holds lock B, waits for lock A/);
      // Ended when the cycle closed, after the first 50 ms of work (exactly 50 on the virtual clock).
      assert.ok((await app.number('makespan-ms')) >= 50 - 1);
      await app.screenshot('deadlock-opposite');
    },
  },
  {
    name: 'deadlock: one global lock order lets every task finish',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=deadlock&ordering=ordered&n=4&ms=30');
      await app.run();
      await app.waitStatus('done');
      assert.equal(await app.number('deadlock-detected'), 0);
      assert.equal(await app.number('tasks-done'), 4);
      assert.equal(await app.byTestId('deadlock-cycle').count(), 0);
      await app.screenshot('deadlock-ordered');
    },
  },
  {
    name: 'deadlock: the cycle is shown in Chinese too',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=deadlock&ordering=opposite&n=3&ms=30&lang=zh');
      await app.run();
      await app.waitStatus('done');
      const text = await app.byTestId('deadlock-cycle').innerText();
      assert.match(text, /死锁/);
      assert.match(text, /task 2 holds lock C, waits for lock A/);
    },
  },
];
