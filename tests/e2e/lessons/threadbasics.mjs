// Lesson "threadbasics": join(timeout), daemon threads at exit, threading.local,
// an Event as a stop flag and queue.get(timeout), each thread's work a blocking
// request on one of the page's real I/O threads (Web Workers). On the browser
// clock timers and requests are late, never early: times are bounded from
// below by what the parameters say, and counts are checked with margins of
// half a step or more, so they do not depend on how late the machine is.
import assert from 'node:assert/strict';
import { log } from '../lib.mjs';

const q = (part, params) => `lesson=threadbasics&part=${part}&${Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&')}`;
// A time is never earlier than derived (1 ms: the clock's rounding).
const notEarly = (got, want, what) => assert.ok(got >= want - 1, `${what}: ${got} ms, earlier than ${want} ms`);

async function runPart(app, server, query, clock = '') {
  await app.open(server.url, query + clock);
  await app.run();
  await app.waitStatus('done', 60_000);
}

export const tests = [
  {
    name: 'join(timeout) returns after its timeout with the thread alive; exit still waits for it',
    timeout: 90_000,
    async run({ app, server }) {
      // Tutorial example 12 as a plain thread: work 2 s, join(timeout=1 s).
      const p = { work: 2000, timeout: 1000 };
      await runPart(app, server, q('join_timeout', p), '&clock=virtual');
      assert.equal(await app.number('join-returned-ms'), 1000);
      assert.equal(await app.number('alive-after-join'), 1);
      assert.equal(await app.number('exit-ms'), 2000);
      await runPart(app, server, q('join_timeout', p));
      notEarly(await app.number('join-returned-ms'), p.timeout, 'join(timeout)');
      assert.equal(await app.number('alive-after-join'), 1, 'is_alive() after the timed-out join');
      notEarly(await app.number('exit-ms'), p.work, 'exit waits for the non-daemon thread');
      const handoff = await app.number('start-handoff-ms');
      await app.screenshot('threadbasics');
      // Example 5: work 2 s, join(timeout=5 s): the thread ends first.
      await runPart(app, server, q('join_timeout', { work: 2000, timeout: 5000 }));
      assert.equal(await app.number('alive-after-join'), 0);
      notEarly(await app.number('join-returned-ms'), 2000, 'join after the thread ended');
      log(`threadbasics: t.start() → thread running ${handoff} ms`);
    },
  },
  {
    name: 'a daemon heartbeat is cut off at exit; a non-daemon thread is waited for',
    timeout: 90_000,
    async run({ app, server }) {
      // Example 6 without its tie: beats at 0, 1, 2 s; exit at 2.5 s (the next beat, 3 s, never comes).
      await runPart(app, server, q('daemon_exit', { work: 0, tick: 1000, main: 2500 }));
      assert.equal(await app.number('beats'), 3);
      notEarly(await app.number('exit-ms'), 2500, 'exit');
      // A non-daemon thread of 3.5 s holds the exit: beats at 0, 1, 2, 3 s.
      await runPart(app, server, q('daemon_exit', { work: 3500, tick: 1000, main: 1000 }));
      assert.equal(await app.number('beats'), 4);
      notEarly(await app.number('exit-ms'), 3500, 'exit waits for the non-daemon thread');
      assert.equal(await app.number('max-in-flight'), 2, 'heartbeat and worker were both parked in I/O');
    },
  },
  {
    name: 'threading.local: each thread reads its own value; a shared object gives the last one written',
    timeout: 60_000,
    async run({ app, server }) {
      const p = { threads: 5, work: 300 };
      await runPart(app, server, q('thread_local', { ...p, storage: 'local' }));
      assert.equal(await app.number('own-values'), 5);
      assert.equal(await app.number('mixed-values'), 0);
      assert.equal(await app.number('max-in-flight'), 5);
      await runPart(app, server, q('thread_local', { ...p, storage: 'global' }));
      assert.equal(await app.number('own-values'), 1, 'only the last writer reads its own id');
      assert.equal(await app.number('mixed-values'), 4);
    },
  },
  {
    name: 'an Event as a stop flag: the worker ends at its first poll after the set',
    timeout: 60_000,
    async run({ app, server }) {
      // Example 93 without its tie: initialise 2 s, run 2.75 s, steps of 500 ms.
      const p = { work: 2000, main: 2750, tick: 500 };
      const steps = Math.ceil(p.main / p.tick); // 6: the one under way at the set finishes, no other starts
      await runPart(app, server, q('stop_event', p), '&clock=virtual');
      assert.equal(await app.number('ticks'), steps);
      assert.equal(await app.number('stop-latency-ms'), steps * p.tick - p.main);
      await runPart(app, server, q('stop_event', p));
      assert.equal(await app.number('ticks'), steps);
      assert.equal(await app.number('ticks-after-stop'), 1, 'exactly the step under way');
      notEarly(await app.number('stop-set-ms'), p.work + p.main, 'stop.set()');
      notEarly(await app.number('stopped-ms'), p.work + steps * p.tick, 'the worker ended');
    },
  },
  {
    name: 'queue.get(timeout) raises Empty a full timeout after the last item',
    timeout: 60_000,
    async run({ app, server }) {
      const p = { items: 5, tick: 300, timeout: 1000 };
      await runPart(app, server, q('get_timeout', p));
      assert.equal(await app.number('got'), 5);
      notEarly(await app.number('get-waited-ms'), p.timeout, 'get(timeout) gave up');
      notEarly(await app.number('empty-ms'), p.items * p.tick + p.timeout, 'queue.Empty');
      // Items slower than the timeout: Empty before the first one.
      await runPart(app, server, q('get_timeout', { items: 2, tick: 1500, timeout: 500 }));
      assert.equal(await app.number('got'), 0);
      notEarly(await app.number('exit-ms'), 3000, 'exit waits for the producer thread');
    },
  },
  {
    name: 'Stop while a daemon and a worker are parked in I/O; the next run works (中文)',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, `${q('daemon_exit', { work: 60000, tick: 500, main: 60000 })}&lang=zh`);
      await app.run();
      await app.waitStatus('running');
      await app.page.waitForTimeout(1_200);
      await app.stop();
      await app.waitStatus('stopped', 5_000);
      await runPart(app, server, `${q('thread_local', { threads: 3, work: 200 })}&lang=zh`);
      assert.equal(await app.number('own-values'), 3);
      await app.screenshot('threadbasics-zh');
    },
  },
];
