// The GIL lesson: threads under one lock show no speedup, every mode computes
// the same checksum (the run fails otherwise), and processes are real: Web
// Workers with their own wasm memory, sent one range and sending back one
// number, as python/gil.py's ProcessPoolExecutor.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'gil: threads under the GIL do not speed up; processes share nothing and pay start-up',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=gil&items=20000&rounds=2000&switch=2000&run=1');
      await app.waitStatus('done', 90_000);
      const seq = await app.number('seq-ms');
      const gil = await app.number('gil-ms');
      assert.ok(seq > 0 && gil > 0);
      const gilX = await app.number('gil-x');
      assert.ok(Math.abs(gilX - gil / seq) < 1e-9 * Math.max(1, gilX), `gil-x ${gilX}`);
      // Under one lock the threads never compute at once, so their time is at
      // least the sequential work: a ratio below 1 is noise in the sequential
      // best-of-2, which the 20% tolerance bounds.
      assert.ok(gilX >= 0.8, `GIL threads / sequential = ${gilX}`);
      // Each ratio is that mode's time over the sequential time.
      for (const [x, t] of [['free-x', 'free-ms'], ['process-x', 'process-ms']]) {
        const [vx, vt] = [await app.number(x), await app.number(t)];
        assert.ok(Math.abs(vx - vt / seq) < 1e-9 * Math.max(1, vx), `${x} ${vx} vs ${t}/seq-ms`);
      }
      const threads = await app.number('pool-threads');
      // One range (21 bytes) in and one u64 (8 bytes) out per process, exactly.
      assert.equal(await app.number('bytes-copied'), threads * (21 + 8), 'what python/gil.py sends');
      // The processes are separate: the page's memory holds a mark (non-zero,
      // read here through the app's own bindings), and no process could read it
      // (each reads its own fresh memory), yet each had a memory of its own.
      const pageMark = await app.page.evaluate(() => window.wasmBindings.proc_mark());
      assert.ok(pageMark > 0, `the page's mark ${pageMark}`);
      assert.equal(await app.number('procs-saw-page'), 0, 'a process read the page memory');
      assert.ok((await app.number('proc-memory-mb')) > 1, 'each process has its own wasm memory');
      // Start-up was paid for real and is the bigger cost (a module worker
      // loads the app and instantiates it; copying 29 bytes is next to nothing).
      const [start, copy] = [await app.number('proc-start-ms'), await app.number('proc-copy-ms')];
      assert.ok(start > copy && start > 1, `start-up ${start} ms, copy ${copy} ms`);
      assert.ok((await app.number('gil-switches')) >= threads);
      const { lanes } = await app.timeline();
      assert.equal(lanes, 1 + 2 * threads, 'main, threads, processes');
      // Browser threads have no GIL, CPython's do: said next to the numbers.
      assert.match(await app.byTestId('gil-notice').innerText(), /GIL/);
      await app.screenshot('gil');
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'gil: Stop while the processes compute terminates them; the next run works',
    timeout: 180_000,
    async run({ app, server }) {
      const procs = () => app.page.workers().filter((w) => w.url().endsWith('/process-worker.js'));
      // Heavy items: the processes mode computes for a second or more.
      await app.open(server.url, 'lesson=gil&items=100000&rounds=20000&reps=1&run=1');
      const t0 = Date.now();
      while (procs().length === 0) {
        assert.ok(Date.now() - t0 < 120_000, 'the processes mode never started its workers');
        await app.page.waitForTimeout(20);
      }
      await app.stop();
      await app.waitStatus('stopped', 5_000);
      const t1 = Date.now();
      while (procs().length > 0) {
        assert.ok(Date.now() - t1 < 5_000, `${procs().length} process workers still alive after Stop`);
        await app.page.waitForTimeout(20);
      }
      await app.open(server.url, 'lesson=gil&items=2000&rounds=200&run=1');
      await app.waitStatus('done', 60_000);
      assert.equal(await app.number('procs-saw-page'), 0);
      assert.equal(procs().length, 0, 'a finished run shuts its processes down');
      assert.deepEqual(app.errors, []);
    },
  },
];
