// Moving data between processes: a Queue, a Pipe and Pool.map. Virtual clock:
// the schedule exact from the parameters and the modelled costs (read from
// crates/lessons/src/scenarios/mpqueue.rs). Browser clock: real Web Worker processes; counts
// exact, times bounded from below by the work the processes must sleep.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** `mpqueue::COSTS` as the Rust source has them. */
function costs() {
  const src = readFileSync(new URL('../../../crates/lessons/src/scenarios/mpqueue.rs', import.meta.url), 'utf8');
  const body = src.slice(src.indexOf('pub const COSTS: Costs = Costs {'));
  const get = (k) => {
    const m = body.match(new RegExp(`${k}: ([0-9.]+),`));
    assert.ok(m, `COSTS.${k}`);
    return Number(m[1]);
  };
  return {
    start: { spawn: get('start_spawn_ms'), fork: get('start_fork_ms'), forkserver: get('start_forkserver_ms') },
    message: { queue: get('message_queue_ms'), pipe: get('message_pipe_ms'), pool_map: get('message_pool_ms') },
  };
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a}, derived ${b}`);

export const tests = [
  {
    name: 'mpqueue: on the virtual clock the queue, the pipe and Pool.map follow from the parameters',
    timeout: 90_000,
    async run({ app, server }) {
      const C = costs();
      // [mode, method, procs, items, work, kb]: messages, processes, rounds on the busiest process.
      for (const [mode, method, procs, items, work, kb] of [
        ['queue', 'spawn', 3, 10, 100, 1],
        ['pipe', 'fork', 3, 6, 50, 1],
        ['pool_map', 'forkserver', 3, 40, 10, 2],
      ]) {
        await app.open(server.url, `lesson=mpqueue&clock=virtual&mode=${mode}&method=${method}&procs=${procs}&items=${items}&work=${work}&kb=${kb}&run=1`);
        await app.waitStatus('done');
        const chunk = mode === 'pool_map' ? Math.ceil(items / (4 * procs)) : 1;
        const messages = Math.ceil(items / chunk);
        const processes = mode === 'pipe' ? 1 : procs;
        assert.equal(await app.number('messages'), messages, `${mode} messages`);
        assert.equal(await app.number('results'), items, `${mode} results`);
        assert.equal(await app.number('processes'), processes, `${mode} processes`);
        assert.equal(await app.number('chunksize'), chunk, `${mode} chunksize`);
        near(await app.number('proc-start-ms'), C.start[method], `${mode} start-up (${method})`);
        const perMessage = await app.number('per-message-ms');
        // Every message the same size here (items divisible by the chunk), so one round trip each.
        assert.equal(items % chunk, 0);
        near(await app.number('makespan-ms'), C.start[method] + Math.ceil(messages / processes) * (perMessage + chunk * work), `${mode} makespan`);
        assert.equal((await app.timeline()).lanes, processes + 1, `${mode}: main and its processes`);
        assert.equal(await app.optionalNumber('cpython-start-ms'), null, 'the virtual clock lists no measured run');
      }
      await app.screenshot('mpqueue-virtual');
    },
  },
  {
    name: 'mpqueue: real Web Worker processes carry every message; a lambda fails as CPython fails',
    timeout: 120_000,
    async run({ app, server }) {
      const C = costs();
      const [procs, items, work] = [2, 6, 50];
      await app.open(server.url, `lesson=mpqueue&mode=queue&method=fork&procs=${procs}&items=${items}&work=${work}&kb=1&run=1`);
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('messages'), items);
      assert.equal(await app.number('results'), items);
      assert.equal(await app.number('processes'), procs);
      // Some process slept at least ⌈items / procs⌉ items, after it had started.
      const start = await app.number('proc-start-ms');
      assert.ok(start > 0, `a process's start-up is measured: ${start}`);
      const makespan = await app.number('makespan-ms');
      assert.ok(makespan >= Math.ceil(items / procs) * work, `makespan ${makespan}`);
      // CPython's figures for the same method and mode, listed apart (fixed constants).
      near(await app.number('cpython-start-ms'), C.start.fork, 'cpython-start-ms');
      assert.equal((await app.timeline()).lanes, procs + 1);
      await app.screenshot('mpqueue');
      // A pipe: one process, every item one after another.
      await app.open(server.url, `lesson=mpqueue&mode=pipe&procs=${procs}&items=4&work=${work}&kb=1&run=1`);
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('processes'), 1);
      assert.equal(await app.number('results'), 4);
      assert.ok((await app.number('makespan-ms')) >= 4 * work);
      // A lambda sent to a pool: the run fails with CPython's error, named.
      await app.open(server.url, 'lesson=mpqueue&mode=pool_map&func=lambda&run=1');
      await app.waitStatus('failed', 30_000);
      const err = await app.byTestId('run-error').innerText();
      assert.ok(err.includes('PicklingError') && err.includes('<lambda>'), err);
      // In Chinese too.
      await app.open(server.url, 'lesson=mpqueue&mode=queue&method=spawn&func=lambda&lang=zh&run=1');
      await app.waitStatus('failed', 30_000);
      const zh = await app.byTestId('run-error').innerText();
      assert.ok(zh.includes('PicklingError') && zh.includes('进程'), zh);
    },
  },
  {
    name: 'mpqueue: the initializer runs once in each real process; without it only fork has the global; a local def fails',
    timeout: 150_000,
    async run({ app, server }) {
      // Real Web Worker processes: each runs init(2) as it starts, in its own memory, items or not.
      const [procs, items] = [3, 2];
      await app.open(server.url, `lesson=mpqueue&mode=pool_map&method=spawn&procs=${procs}&items=${items}&work=20&kb=0&initializer=set&run=1`);
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('processes'), procs, 'Pool(procs) starts every process');
      assert.equal(await app.number('init-calls'), procs, 'one initializer call per process');
      assert.equal(await app.number('init-total'), items * (items - 1), 'Σ i × MULT with MULT = 2 from init()');
      assert.equal((await app.timeline()).lanes, procs + 1);
      await app.screenshot('mpqueue-initializer');
      // No initializer, fork: each process starts with a copy of the parent's MULT.
      await app.open(server.url, 'lesson=mpqueue&mode=pool_map&method=fork&procs=2&items=8&work=10&kb=0&initializer=none&run=1');
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('init-calls'), 0);
      assert.equal(await app.number('init-total'), 8 * 7, "fork's copy of MULT");
      // No initializer, spawn: a fresh process has no MULT, and says so itself.
      await app.open(server.url, 'lesson=mpqueue&mode=pool_map&method=spawn&procs=2&items=4&initializer=none&run=1');
      await app.waitStatus('failed', 60_000);
      const nameErr = await app.byTestId('run-error').innerText();
      assert.ok(nameErr.includes("NameError: name 'MULT' is not defined"), nameErr);
      // The same on the virtual clock, and the model's count.
      await app.open(server.url, 'lesson=mpqueue&clock=virtual&mode=pool_map&method=forkserver&procs=4&items=12&initializer=set&run=1');
      await app.waitStatus('done');
      assert.equal(await app.number('init-calls'), 4);
      assert.equal(await app.number('init-total'), 12 * 11);
      await app.open(server.url, 'lesson=mpqueue&clock=virtual&mode=pool_map&method=forkserver&initializer=none&lang=zh&run=1');
      await app.waitStatus('failed');
      const zh = await app.byTestId('run-error').innerText();
      assert.ok(zh.includes('NameError') && zh.includes('进程'), zh);
      // A def inside run(): CPython's AttributeError, named.
      await app.open(server.url, 'lesson=mpqueue&mode=pool_map&func=inner&run=1');
      await app.waitStatus('failed', 30_000);
      const local = await app.byTestId('run-error').innerText();
      assert.ok(local.includes("AttributeError: Can't pickle local object 'run.<locals>.local_work'"), local);
      await app.screenshot('mpqueue-local');
    },
  },
  {
    name: 'mpqueue: Stop ends a long run of real processes',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=mpqueue&mode=queue&procs=4&items=200&work=2000');
      await app.run();
      await app.waitStatus('running');
      await app.page.waitForTimeout(1_000);
      const t0 = Date.now();
      await app.stop();
      await app.waitStatus('stopped', 5_000);
      assert.ok(Date.now() - t0 < 2_000, `stopped after ${Date.now() - t0} ms`);
    },
  },
];
