// The chooser: 3 job types × 6 models as bars, a verdict computed from them,
// a click on a bar shows that run; and the "what would Python do" view of a
// speedup lesson.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const GROUPS = ['io_bound', 'cpu_bound', 'io_then_cpu'];

async function bars(app) {
  return app.page.$$eval('[data-testid="bar"]', (els) => els.map((e) => ({
    group: e.dataset.group, series: e.dataset.series, ms: Number(e.dataset.ms), source: e.dataset.source,
    fastest: e.dataset.fastest === 'true', shown: e.dataset.shown === 'true',
  })));
}

/** CPython's costs as the model has them: `pymodel::CPYTHON` is read from data/cpython_costs.json at compile time. */
function cpythonCosts() {
  const costs = JSON.parse(readFileSync(new URL('../../../data/cpython_costs.json', import.meta.url), 'utf8')).values;
  for (const k of ['spawn_ms', 'item_ms', 'kb_ms']) assert.ok(Number.isFinite(costs[k]), `CPYTHON.${k}`);
  return costs;
}

/** The page's parameter `key` as a number. */
async function param(app, key) {
  return Number(await app.byTestId(`param-${key}`).inputValue());
}

/** Per job type, the models within 10% of the fastest among `mine` (sorted). */
function fastestOf(all, group) {
  const mine = all.filter((b) => b.group === group);
  const best = Math.min(...mine.map((b) => b.ms));
  return mine.filter((b) => b.ms <= best * 1.1 + 1e-9).map((b) => b.series).sort();
}

// Numbers over the whole trace (every run the lesson made, not the one the
// timeline shows): not the chooser's. Its makespan is the shown run's bar.
const OVER_EVERY_RUN = ['max-in-flight', 'throughput', 'tasks-done', 'tasks-failed', 'p50-ms'];

async function onlyTheShownRunsNumbers(app) {
  for (const id of OVER_EVERY_RUN) assert.equal(await app.byTestId(id).count(), 0, `${id} spans every run`);
}

async function verdictModels(app, group) {
  return (await app.byTestId(`verdict-${group.replaceAll('_', '-')}`).getAttribute('data-models')).split(',').sort();
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
      await onlyTheShownRunsNumbers(app);
      assert.equal((await app.timeline()).lanes, 14);
      // Start-up and pickling of the shown run (asyncio + process pool, the
      // mixed job), from CPython's costs: P processes started, each of the n
      // jobs' input pickled over (item + kb × per-KB) and its result back.
      const C = cpythonCosts();
      const [n, kb, procs] = [await param(app, 'n'), await param(app, 'kb'), await param(app, 'processes')];
      const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a}, derived ${b}`);
      near(await app.number('start-up-ms'), procs * C.spawn_ms, 'start-up-ms');
      near(await app.number('pickling-ms'), n * (C.item_ms + kb * C.kb_ms), 'pickling-ms');
      assert.ok(all.every((b) => b.source === 'modelled'), 'the virtual clock measures nothing');
      await app.screenshot('chooser');
      // A click on a bar runs that model: CPU-bound on the process pool, 2 lanes.
      await app.page.click('[data-testid="bar"][data-group="cpu_bound"][data-series="process_pool"]');
      await app.page.waitForSelector('[data-testid="bar"][data-group="cpu_bound"][data-series="process_pool"][data-shown="true"]', { timeout: 10_000 });
      await app.waitStatus('done');
      assert.equal((await app.timeline()).lanes, 2);
      const cpuProc = (await bars(app)).find((b) => b.group === 'cpu_bound' && b.series === 'process_pool');
      assert.ok(Math.abs((await app.number('makespan-ms')) - cpuProc.ms) < 1e-6);
      await onlyTheShownRunsNumbers(app);
      // Each process gets a small task (it has its input): no per-KB copy.
      near(await app.number('start-up-ms'), procs * C.spawn_ms, 'start-up-ms, CPU-bound processes');
      near(await app.number('pickling-ms'), n * C.item_ms, 'pickling-ms, CPU-bound processes');
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
      assert.equal(all.length, 18 + 6, '18 modelled bars, 6 measured');
      // Real processes: each is busy from its start-up on (s_w) and computes
      // its jobs one after the other (cpu each: busy loops end late, never
      // early), all inside the bar; so P × bar ≥ Σ s_w + n × cpu. The shown
      // run is this one, and start-up-ms is its Σ s_w.
      const startAll = await app.number('start-up-ms');
      const cpuProc = all.find((b) => b.group === 'cpu_bound' && b.series === 'process_pool' && b.source === 'measured');
      assert.ok(cpuProc.shown, 'the timeline shows the measured run');
      assert.ok(cpuProc.ms * procs >= startAll + n * cpu, `process pool ${cpuProc.ms} ms, start-ups ${startAll} ms in all`);
      assert.ok((await app.number('proc-start-ms')) > 0);
      // What CPython pays here (python/chooser.py --measure) is on screen next to it.
      assert.equal(await app.number('cpython-start-ms'), cpythonCosts().spawn_ms);
      assert.ok((await app.number('proc-copy-ms')) > 0 && (await app.number('cpython-copy-ms')) > 0);
      // The shown run: 2 processes, each: start-up, then per job copy in, compute, copy out.
      const { lanes, spans } = await app.timeline();
      assert.equal(lanes, procs);
      assert.equal(spans, procs + 3 * n);
      // The makespan on screen is the shown (measured) run's, not the whole trace's.
      assert.ok(Math.abs((await app.number('makespan-ms')) - cpuProc.ms) < 1e-6, 'makespan-ms is the shown run\'s bar');
      await onlyTheShownRunsNumbers(app);
      // The verdict follows from the modelled bars on screen alone.
      const modelled = all.filter((b) => b.source === 'modelled');
      for (const group of GROUPS) assert.deepEqual(await verdictModels(app, group), fastestOf(modelled, group), `${group} verdict`);
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
    name: 'chooser on the default (browser) clock: the verdict is the model\'s, what this browser measured stands apart',
    timeout: 240_000,
    async run({ app, server }) {
      // The virtual clock's answer for the default job sizes, CPU-bound job shown.
      await app.open(server.url, 'lesson=chooser&clock=virtual&job=cpu_bound&model=process_pool&run=1');
      await app.waitStatus('done');
      const virtual = await bars(app);
      const virtualVerdict = Object.fromEntries(await Promise.all(GROUPS.map(async (g) => [g, await verdictModels(app, g)])));
      // No clock in the link: the page's default, which is the browser clock.
      await app.open(server.url, 'lesson=chooser&job=cpu_bound&model=process_pool&run=1');
      assert.equal(await app.byTestId('clock-select').inputValue(), 'browser');
      await app.waitStatus('done', 200_000);
      const all = await bars(app);
      for (const b of all) assert.ok(['modelled', 'measured'].includes(b.source), `${b.group}/${b.series}: data-source ${b.source}`);
      const modelled = all.filter((b) => b.source === 'modelled');
      const measured = all.filter((b) => b.source === 'measured');
      // The modelled bars are the virtual clock's, number for number (one model, one set of parameters) ...
      const key = (b) => `${b.group}/${b.series}/${b.ms}`;
      assert.deepEqual(modelled.map(key), virtual.map(key));
      // ... and the measured ones are the two pool models on every job, never starred.
      assert.deepEqual(measured.map((b) => `${b.group}/${b.series}`).sort(),
        GROUPS.flatMap((g) => ['process_pool', 'asyncio_procs'].map((s) => `${g}/${s}`)).sort());
      assert.ok(measured.every((b) => !b.fastest), 'a measured bar is never part of the verdict');
      // What CPython would do: from the modelled bars, the virtual clock's answer.
      for (const group of GROUPS) {
        assert.deepEqual(await verdictModels(app, group), fastestOf(modelled, group), `${group} verdict from the modelled bars`);
        assert.deepEqual(await verdictModels(app, group), virtualVerdict[group], `${group} verdict as on the virtual clock`);
      }
      assert.ok(virtualVerdict.cpu_bound.includes('process_pool'), `CPU-bound: ${virtualVerdict.cpu_bound}`);
      // What this browser measured: its own table, one row per measured bar, outside the verdict's.
      const rows = await app.page.$$eval('[data-testid="measured-row"]', (els) => els.map((e) => ({
        group: e.dataset.group, series: e.dataset.series, ms: Number(e.dataset.ms), modelled: Number(e.dataset.modelledMs),
      })));
      assert.deepEqual(rows.map(key), measured.map(key));
      for (const r of rows) assert.equal(r.modelled, modelled.find((b) => b.group === r.group && b.series === r.series).ms);
      assert.equal(await app.page.locator('[data-testid="verdict-table"] [data-testid="measured-row"]').count(), 0);
      // The numbers are the shown run's: the measured CPU-bound process pool.
      const shown = all.filter((b) => b.shown);
      assert.deepEqual(shown.map((b) => `${b.group}/${b.series}/${b.source}`), ['cpu_bound/process_pool/measured']);
      assert.equal(await app.number('makespan-ms'), shown[0].ms);
      assert.equal(await app.byTestId('max-in-flight').count(), 0, 'numbers over the whole run are not shown');
      // This run's processes: start-up per process is its start-up over its processes.
      const perProc = (await app.number('proc-start-ms')) * (await param(app, 'processes'));
      assert.ok(Math.abs(perProc - (await app.number('start-up-ms'))) < 1e-6, `${perProc} vs start-up-ms`);
      // A model without a measured run shows its modelled bar; the numbers follow it.
      await app.page.click('[data-testid="bar"][data-group="cpu_bound"][data-series="threads_gil"]');
      await app.page.waitForSelector('[data-testid="bar"][data-group="cpu_bound"][data-series="threads_gil"][data-shown="true"]', { timeout: 200_000 });
      await app.waitStatus('done', 200_000);
      const gil = (await bars(app)).filter((b) => b.shown);
      assert.deepEqual(gil.map((b) => `${b.group}/${b.series}/${b.source}`), ['cpu_bound/threads_gil/modelled']);
      assert.equal(await app.number('makespan-ms'), gil[0].ms);
      assert.equal(await app.byTestId('proc-start-ms').count(), 0, 'a modelled run shows no measured process numbers');
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
