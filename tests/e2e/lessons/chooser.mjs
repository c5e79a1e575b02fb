// The chooser: 3 job types × 6 models as bars, a verdict computed from them,
// a click on a bar shows that run; and the "what would Python do" view of a
// speedup lesson.
import assert from 'node:assert/strict';

async function bars(app) {
  return app.page.$$eval('[data-testid="bar"]', (els) => els.map((e) => ({
    group: e.dataset.group, series: e.dataset.series, ms: Number(e.dataset.ms),
    fastest: e.dataset.fastest === 'true', shown: e.dataset.shown === 'true',
  })));
}

export const tests = [
  {
    name: 'chooser: every model on every job, the verdict follows from the bars',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=chooser&clock=virtual&run=1');
      await app.waitStatus('done');
      const all = await bars(app);
      assert.equal(all.length, 18);
      for (const group of ['io_bound', 'cpu_bound', 'io_then_cpu']) {
        const mine = all.filter((b) => b.group === group);
        const best = Math.min(...mine.map((b) => b.ms));
        const fast = mine.filter((b) => b.ms <= best * 1.1 + 1e-9).map((b) => b.series);
        assert.deepEqual(mine.filter((b) => b.fastest).map((b) => b.series).sort(), [...fast].sort());
        const row = app.byTestId(`verdict-${group.replaceAll('_', '-')}`);
        const models = (await row.getAttribute('data-models')).split(',');
        assert.deepEqual([...models].sort(), [...fast].sort(), `${group} verdict`);
      }
      // The tutorials' answers, for the default parameters.
      const verdict = async (g) => (await app.byTestId(`verdict-${g}`).getAttribute('data-models')).split(',');
      const io = await verdict('io-bound');
      assert.ok(io.includes('asyncio_loop') && io.includes('threads_gil') && !io.includes('process_pool'), io.join());
      assert.ok((await verdict('cpu-bound')).includes('process_pool'));
      const mixed = await verdict('io-then-cpu');
      assert.ok(mixed.includes('asyncio_procs') && !mixed.includes('threads_gil') && !mixed.includes('asyncio_loop'), mixed.join());
      // The timeline shows the default run (mixed, asyncio + process pool): 2 processes + 12 tasks.
      const shown = all.find((b) => b.shown);
      assert.deepEqual([shown.group, shown.series], ['io_then_cpu', 'asyncio_procs']);
      assert.ok(Math.abs((await app.number('makespan-ms')) - shown.ms) < 1e-6);
      assert.equal((await app.timeline()).lanes, 14);
      assert.ok((await app.number('start-up-ms')) > 0 && (await app.number('pickling-ms')) > 0);
      await app.screenshot('chooser');
      // A click on a bar runs that model: CPU-bound on the process pool, 2 lanes.
      await app.page.click('[data-testid="bar"][data-group="cpu_bound"][data-series="process_pool"]');
      await app.page.waitForSelector('[data-testid="bar"][data-group="cpu_bound"][data-series="process_pool"][data-shown="true"]', { timeout: 10_000 });
      await app.waitStatus('done');
      assert.equal((await app.timeline()).lanes, 2);
      const cpuProc = (await bars(app)).find((b) => b.group === 'cpu_bound' && b.series === 'process_pool');
      assert.ok(Math.abs((await app.number('makespan-ms')) - cpuProc.ms) < 1e-6);
      await app.open(server.url, 'lesson=chooser&clock=virtual&lang=zh&run=1');
      await app.waitStatus('done');
      assert.match(await app.byTestId('verdict-table').innerText(), /进程池/);
      await app.screenshot('chooser-zh');
    },
  },
  {
    name: 'python view: browser threads next to CPython threads (~1x) and processes',
    timeout: 90_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=sumsq&n=2000000&chunk=100000&reps=1&run=1');
      await app.waitStatus('done', 60_000);
      await app.byTestId('python-view').waitFor({ state: 'visible', timeout: 5_000 });
      const threads = await app.number('python-threads-x');
      assert.ok(threads > 0.9 && threads <= 1.0 + 1e-9, `CPython threads ${threads}`);
      const procs = await app.number('python-processes-x');
      const workers = await app.number('pool-threads');
      assert.ok(procs > 0 && procs < workers, `CPython processes ${procs} on ${workers}`);
      assert.ok((await app.number('python-wasm-x')) > 0);
      assert.match(await app.byTestId('gil-notice').innerText(), /GIL/);
      await app.screenshot('python-view');
      await app.open(server.url, 'lesson=sumsq&n=2000000&chunk=100000&reps=1&lang=zh&run=1');
      await app.waitStatus('done', 60_000);
      assert.match(await app.byTestId('gil-notice').innerText(), /GIL/);
      await app.screenshot('python-view-zh');
    },
  },
  {
    name: 'chooser on the browser clock: the process rows run on real processes, start-up and copies paid',
    timeout: 120_000,
    async run({ app, server }) {
      const [n, cpu, kb, procs] = [4, 50, 100, 2];
      await app.open(server.url, `lesson=chooser&clock=browser&n=${n}&io=100&cpu=${cpu}&kb=${kb}&processes=${procs}&job=cpu_bound&model=process_pool&run=1`);
      await app.waitStatus('done', 90_000);
      const all = await bars(app);
      assert.equal(all.length, 18);
      // Real processes: each is busy from its start-up on (s_w) and computes
      // its jobs one after the other (cpu each: busy loops end late, never
      // early), all inside the bar; so P × bar ≥ Σ s_w + n × cpu. The shown
      // run is this one, and start-up-ms is its Σ s_w.
      const startAll = await app.number('start-up-ms');
      const cpuProc = all.find((b) => b.group === 'cpu_bound' && b.series === 'process_pool');
      assert.ok(cpuProc.ms * procs >= startAll + n * cpu, `process pool ${cpuProc.ms} ms, start-ups ${startAll} ms in all`);
      assert.ok((await app.number('proc-start-ms')) > 0);
      // What CPython pays here (python/chooser.py --measure) is on screen next to it.
      assert.equal(await app.number('cpython-start-ms'), 5.3);
      assert.ok((await app.number('proc-copy-ms')) > 0 && (await app.number('cpython-copy-ms')) > 0);
      // The shown run: 2 processes, each: start-up, then per job copy in, compute, copy out.
      const { lanes, spans } = await app.timeline();
      assert.equal(lanes, procs);
      assert.equal(spans, procs + 3 * n);
      // The verdict still follows from the bars on screen.
      for (const group of ['io_bound', 'cpu_bound', 'io_then_cpu']) {
        const mine = all.filter((b) => b.group === group);
        const best = Math.min(...mine.map((b) => b.ms));
        const fast = mine.filter((b) => b.ms <= best * 1.1 + 1e-9).map((b) => b.series);
        const models = (await app.byTestId(`verdict-${group.replaceAll('_', '-')}`).getAttribute('data-models')).split(',');
        assert.deepEqual([...models].sort(), [...fast].sort(), `${group} verdict`);
      }
      assert.equal(app.page.workers().filter((w) => w.url().endsWith('/process-worker.js')).length, 0, 'the pools were shut down');
      await app.screenshot('chooser-real');
      await app.open(server.url, `lesson=chooser&clock=browser&n=${n}&io=100&cpu=${cpu}&kb=${kb}&processes=${procs}&job=io_then_cpu&model=asyncio_procs&lang=zh&run=1`);
      await app.waitStatus('done', 90_000);
      assert.equal((await app.timeline()).lanes, 1 + procs, 'the event loop and the processes');
      await app.screenshot('chooser-real-zh');
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'chooser on the browser clock: Stop while a pool runs terminates its processes',
    timeout: 120_000,
    async run({ app, server }) {
      const procs = () => app.page.workers().filter((w) => w.url().endsWith('/process-worker.js'));
      // Long jobs: each pool run lasts seconds.
      await app.open(server.url, 'lesson=chooser&clock=browser&n=8&io=500&cpu=500&kb=10&processes=2&run=1');
      const t0 = Date.now();
      while (procs().length === 0) {
        assert.ok(Date.now() - t0 < 60_000, 'no process pool started');
        await app.page.waitForTimeout(20);
      }
      await app.stop();
      await app.waitStatus('stopped', 5_000);
      const t1 = Date.now();
      while (procs().length > 0) {
        assert.ok(Date.now() - t1 < 5_000, `${procs().length} process workers alive after Stop`);
        await app.page.waitForTimeout(20);
      }
      assert.deepEqual(app.errors, []);
    },
  },
];
