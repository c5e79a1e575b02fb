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
      // Ten rounds (reps, the lesson's best of N, 2 by default): more chances of a
      // round the machine did not slow, for the figures the page shows.
      const items = 20000;
      await app.open(server.url, `lesson=gil&items=${items}&rounds=2000&switch=2000&reps=10&run=1`);
      await app.waitStatus('done', 90_000);
      const seq = await app.number('seq-ms');
      const gil = await app.number('gil-ms');
      assert.ok(seq > 0 && gil > 0);
      const gilX = await app.number('gil-x');
      assert.ok(Math.abs(gilX - gil / seq) < 1e-9 * Math.max(1, gilX), `gil-x ${gilX}`);
      const threads = await app.number('pool-threads');
      const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId('download-csv').click()]);
      const rows = (await readFile(await download.path(), 'utf8')).split('\n');
      // Under one lock the threads never compute at once, so their time is at least
      // the sequential work, which a busy machine can only stretch. So the bound
      // (GIL threads / sequential >= 0.8, the 20%) is taken against the
      // sequential work's floor: the fastest of its 16 equal slices (every round)
      // per item, times the items. Against the sequential best (gil-x) it failed
      // under load, a wall time over another: a slice took 2 to 5 times the fastest
      // (the thread not running; not tier-up, the fastest came in the first round
      // too), and the sequential best of 2 rounds, or of 10, was slow in every round
      // while the GIL threads' was not: 0.61 (Firefox, load 20), 0.80 (Firefox, load
      // 7), 0.798 and 0.78 (Chromium, best of 10, load 6-8; 2026-12-07 13:00-13:36
      // UTC); 4x the items did not help (0.79, load 10.6). The floor held: the
      // fastest slice was 4.3-4.4 ms at load 6-11 (Firefox), and against it the
      // ratio was 1.12 to 1.39 in 10 pages at load 6.7-8.4 (13:41-13:44 UTC).
      const perItem = Math.min(...rows
        .map((line) => line.match(/^\d+,main,running,,([\d.]+),([\d.]+),[^"]*"sequential · items \[(\d+), (\d+)\)"/))
        .filter(Boolean).map(([, a, b, lo, hi]) => (Number(b) - Number(a)) / (Number(hi) - Number(lo))));
      const seqFloor = perItem * items;
      assert.ok(seqFloor > 0 && seqFloor <= seq, `sequential floor ${seqFloor} ms, best ${seq} ms`);
      assert.ok(gil / seqFloor >= 0.8, `GIL threads ${gil} ms / sequential floor ${seqFloor} ms = ${gil / seqFloor}`);
      // One lock: no two threads ever hold it at once, whatever the load (every
      // round's spans; 0.1 ms of slack for the clocks of two workers, a thread
      // holds it for the 2 ms switch interval). A GIL that let both threads in
      // failed this at any load, and the ratio whenever a second core was free
      // (0.55, 0.56 at load 5).
      const held = rows
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
      log(`gil: GIL threads ${gil.toFixed(1)} ms, sequential best ${seq.toFixed(1)} ms (gil-x ${gilX.toFixed(3)}), floor ${seqFloor.toFixed(1)} ms `
        + `(ratio ${(gil / seqFloor).toFixed(3)}); ${held.length} GIL holding spans, the closest two ${closest.toFixed(3)} ms apart`);
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
