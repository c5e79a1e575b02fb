// State shared between processes: a Value in a SharedArrayBuffer every Web
// Worker process maps vs a Manager worker answering each access. Browser
// clock: real; the lock keeps every update (exact), a proxy access costs a
// message round trip (far above a memory access). Virtual clock: the model,
// exact from the parameters and the costs in crates/lessons/src/scenarios/mpshared.rs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

function costs() {
  const read = (file, k) => {
    const src = readFileSync(new URL(`../../../crates/lessons/src/scenarios/${file}`, import.meta.url), 'utf8');
    const m = src.slice(src.indexOf('pub const COSTS: Costs = Costs {')).match(new RegExp(`${k}: ([0-9.]+),`));
    assert.ok(m, `${file} COSTS.${k}`);
    return Number(m[1]);
  };
  return {
    fork: read('mpqueue.rs', 'start_fork_ms'),
    managerStart: read('mpshared.rs', 'manager_start_ms'),
    sharedLocked: read('mpshared.rs', 'shared_locked_ms'),
    managerUnlocked: read('mpshared.rs', 'manager_unlocked_ms'),
    plainUnlocked: read('mpshared.rs', 'plain_unlocked_ms'),
  };
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a}, derived ${b}`);

export const tests = [
  {
    name: 'mpshared: real processes on one SharedArrayBuffer; the lock keeps every update',
    timeout: 120_000,
    async run({ app, server }) {
      const [procs, n] = [4, 20_000];
      await app.open(server.url, `lesson=mpshared&mode=shared_memory&lock=locked&procs=${procs}&increments=${n}&run=1`);
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('expected'), procs * n);
      assert.equal(await app.number('final-value'), procs * n, 'with the lock no update is lost');
      assert.equal(await app.number('lost-updates'), 0);
      assert.equal((await app.timeline()).lanes, procs + 1);
      await app.screenshot('mpshared');
      // Without it: never more than every update, and what is missing is what was lost.
      await app.open(server.url, `lesson=mpshared&mode=shared_memory&lock=unlocked&procs=${procs}&increments=${n}&run=1`);
      await app.waitStatus('done', 60_000);
      const unlocked = await app.number('final-value');
      assert.ok(unlocked <= procs * n, `final ${unlocked}`);
      assert.equal(await app.number('lost-updates'), procs * n - unlocked);
      const sharedAccess = await app.number('access-us');
      console.log(`mpshared unlocked shared memory: ${procs * n - unlocked} of ${procs * n} lost, ${sharedAccess} µs per access`);
      // Through a manager: every access a message round trip; the manager's lock keeps every update.
      await app.open(server.url, 'lesson=mpshared&mode=manager&lock=locked&procs=2&increments=300&run=1');
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('final-value'), 600);
      assert.equal(await app.number('lost-updates'), 0);
      await app.open(server.url, `lesson=mpshared&mode=manager&lock=unlocked&procs=${procs}&increments=500&run=1`);
      await app.waitStatus('done', 60_000);
      const managerAccess = await app.number('access-us');
      console.log(`mpshared unlocked manager: ${await app.number('lost-updates')} of ${procs * 500} lost, ${managerAccess} µs per access`);
      // A postMessage there and back against a load or a store of shared memory.
      assert.ok(managerAccess > 10 * sharedAccess, `manager ${managerAccess} µs vs shared ${sharedAccess} µs per access`);
    },
  },
  {
    name: 'mpshared: on the virtual clock the model follows from the parameters',
    timeout: 60_000,
    async run({ app, server }) {
      const C = costs();
      const [procs, n] = [4, 10_000];
      await app.open(server.url, `lesson=mpshared&clock=virtual&mode=shared_memory&lock=locked&procs=${procs}&increments=${n}&run=1`);
      await app.waitStatus('done');
      assert.equal(await app.number('final-value'), procs * n);
      near(await app.number('makespan-ms'), C.fork + procs * n * C.sharedLocked, 'locked makespan');
      await app.open(server.url, `lesson=mpshared&clock=virtual&mode=manager&lock=unlocked&procs=${procs}&increments=${n}&run=1`);
      await app.waitStatus('done');
      assert.equal(await app.number('lost-updates'), (procs - 1) * n, 'lockstep loses all but one process worth');
      near(await app.number('makespan-ms'), C.fork + C.managerStart + procs * n * C.managerUnlocked, 'manager makespan');
      assert.equal(await app.optionalNumber('cpython-access-us'), null, 'the virtual clock lists no measured run');
      await app.screenshot('mpshared-virtual');
    },
  },
  {
    name: 'mpshared: a plain global and dict are each process own; the parent keeps its copies',
    timeout: 120_000,
    async run({ app, server }) {
      // Real processes: each Web Worker adds to the global of its own wasm memory.
      for (const [procs, n, lock] of [[1, 100, 'unlocked'], [3, 5_000, 'locked']]) {
        await app.open(server.url, `lesson=mpshared&mode=plain&lock=${lock}&procs=${procs}&increments=${n}&run=1`);
        await app.waitStatus('done', 60_000);
        assert.equal(await app.number('child-value'), n, 'each child reads its own global: n');
        assert.equal(await app.number('final-value'), 0, "the parent's global after join()");
        assert.equal(await app.number('parent-dict-keys'), 0, "the parent's dict after join()");
        assert.equal(await app.number('lost-updates'), procs * n, 'none reaches the parent');
        assert.equal((await app.timeline()).lanes, procs + 1);
      }
      await app.screenshot('mpshared-plain');
      // The model: the same numbers, and the makespan from the parameters.
      const C = costs();
      const [procs, n] = [4, 10_000];
      await app.open(server.url, `lesson=mpshared&clock=virtual&mode=plain&lock=unlocked&procs=${procs}&increments=${n}&run=1`);
      await app.waitStatus('done');
      assert.equal(await app.number('child-value'), n);
      assert.equal(await app.number('final-value'), 0);
      assert.equal(await app.number('parent-dict-keys'), 0);
      near(await app.number('makespan-ms'), C.fork + n * C.plainUnlocked, 'plain makespan');
    },
  },
  {
    name: 'mpshared: Stop ends the processes and the manager',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=mpshared&mode=manager&lock=locked&procs=8&increments=200000');
      await app.run();
      await app.waitStatus('running');
      await app.page.waitForTimeout(1_500);
      const t0 = Date.now();
      await app.stop();
      await app.waitStatus('stopped', 5_000);
      assert.ok(Date.now() - t0 < 2_000, `stopped after ${Date.now() - t0} ms`);
    },
  },
];
