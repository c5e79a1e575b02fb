// The GIL lesson: threads under one lock show no speedup, every mode computes
// the same checksum (the run fails otherwise), and processes are real: Web
// Workers with their own wasm memory, sent one range and sending back one
// number, as python/gil.py's ProcessPoolExecutor.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { log } from '../lib.mjs';

export const tests = [
  {
    name: 'gil: threads under the GIL do not speed up; processes share nothing and pay start-up',
    timeout: 120_000,
    async run({ app, server }) {
      // Ten rounds (reps, the lesson's best of N). Each mode is ~70 ms of work in
      // 16 equal slices; on 2 busy cores a slice took 2 to 5 times the fastest
      // (the thread not running; not tier-up: the fastest came in the first round
      // too), so with 2 rounds the sequential best was up to 52% over its floor and
      // GIL threads / sequential 0.80 (Firefox, load 7; 0.61 once at load 20).
      // Larger rounds did not help (4x the items, 4 rounds: 0.79 at load 10.6: the
      // thread ran slowly for whole rounds); more short ones do, each a chance of a
      // clean one: in 6 Firefox pages at load 9-11 the sequential best of 10 was
      // 68.8 to 70.6 ms (16 x the fastest slice, 4.3) and the ratio 1.03 to 1.16
      // (2026-12-07 13:00 UTC). A GIL that let both threads in: 0.55, 0.56.
      await app.open(server.url, 'lesson=gil&items=20000&rounds=2000&switch=2000&reps=10&run=1');
      await app.waitStatus('done', 90_000);
      const seq = await app.number('seq-ms');
      const gil = await app.number('gil-ms');
      assert.ok(seq > 0 && gil > 0);
      const gilX = await app.number('gil-x');
      assert.ok(Math.abs(gilX - gil / seq) < 1e-9 * Math.max(1, gilX), `gil-x ${gilX}`);
      // Under one lock the threads never compute at once, so their time is at
      // least the sequential work: a ratio below 1 is noise in the sequential
      // best-of-10, which the 20% tolerance bounds.
      assert.ok(gilX >= 0.8, `GIL threads / sequential = ${gilX}`);
      const threads = await app.number('pool-threads');
      // One lock: no two threads ever hold it at once, whatever the load (every
      // round's spans, from the trace's CSV; 0.1 ms of slack for the clocks of two
      // workers, a thread holds it for the 2 ms switch interval).
      const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId('download-csv').click()]);
      const held = (await readFile(await download.path(), 'utf8')).split('\n')
        .map((line) => line.match(/^\d+,(thread \d+),running,GIL,([\d.]+),([\d.]+),/))
        .filter(Boolean).map(([, lane, start, end]) => ({ lane, start: Number(start), end: Number(end) }))
        .sort((a, b) => a.start - b.start);
      assert.ok(held.length >= 2 * threads, `${held.length} GIL holding spans`);
      let closest = Infinity;
      for (let i = 1; i < held.length; i++) {
        const [a, b] = [held[i - 1], held[i]];
        closest = Math.min(closest, b.start - a.end);
        assert.ok(b.start >= a.end - 0.1, `${a.lane} held the GIL until ${a.end} ms, ${b.lane} from ${b.start} ms`);
      }
      log(`gil: ${held.length} GIL holding spans, the closest two ${closest.toFixed(3)} ms apart; gil-x ${gilX.toFixed(3)}, seq ${seq.toFixed(1)} ms`);
      // Each ratio is that mode's time over the sequential time.
      for (const [x, t] of [['free-x', 'free-ms'], ['process-x', 'process-ms']]) {
        const [vx, vt] = [await app.number(x), await app.number(t)];
        assert.ok(Math.abs(vx - vt / seq) < 1e-9 * Math.max(1, vx), `${x} ${vx} vs ${t}/seq-ms`);
      }
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
