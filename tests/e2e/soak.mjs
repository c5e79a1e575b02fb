// Soak benchmark: many consecutive runs across every lesson in ONE page (no
// reload), sampling the JS heap (after a forced GC, through the DevTools
// protocol) and the wasm memory (every WebAssembly.Memory's buffer byteLength)
// after each run; prints the curve summary and the growth.
//
//   node tests/e2e/soak.mjs DIST_DIR [RUNS]        (RUNS default 200)
//
// Async lessons run on the virtual clock (instant, deterministic), CPU lessons
// at small sizes. The last stdout line is the JSON summary. Exit code 1 if
// the JS heap grew by more than SOAK_MAX_HEAP_GROWTH_MB (default 20) from the
// first lap to the last, or wasm memory by more than SOAK_MAX_WASM_GROWTH_MB
// (default 64): the bound BENCHMARKS.md states.

import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const distDir = process.argv[2];
const RUNS = Number(process.argv[3] ?? 200);
const MAX_HEAP_MB = Number(process.env.SOAK_MAX_HEAP_GROWTH_MB ?? 20);
const MAX_WASM_MB = Number(process.env.SOAK_MAX_WASM_GROWTH_MB ?? 64);

// Small, quick settings per lesson (the catalogue's order is taken from the page).
const SMALL = {
  crawler: { n: 20, k: 5, ms: 50 },
  gather: { n: 8, ms: 50 },
  coordination: { n: 6, ms: 30 },
  deadlock: { n: 3, ms: 20 },
  results: { n: 8, ms: 50 },
  taskgroup: { n: 4, ms: 100 },
  resilience: { n: 10 },
  ratelimit: { n: 20 },
  prodcons: { items: 5 },
  pipeline: { n: 10 },
  actors: { clients: 3, messages: 4 },
  blocking: { cpu_ms: 50, n: 5, mode: 'block' },
  primes: { bound: 200000, chunk: 20000, reps: 1 },
  pi: { samples: 200000, chunk: 50000, reps: 1 },
  sumsq: { n: 200000, chunk: 20000, reps: 1 },
  fib: { n: 20, depth: 3, cutoff: 12, reps: 1 },
  mandelbrot: { width: 80, height: 60, max_iter: 100, rows: 6, reps: 1 },
  mapreduce: { records: 5000, chunk: 1000, reps: 1 },
  sha256: { blocks: 16, chunk: 4, reps: 1 },
  poolsize: { items: 5000, work: 4, chunk: 500, reps: 1 },
  race: { increments: 10000 },
  sharing: { items: 20000, chunk: 2000, rounds: 1 },
  stealing: { tasks: 40, size: 20 },
  structures: { ops: 5000 },
  gil: { items: 1000, rounds: 100, switch: 200, reps: 1 },
  hybrid: { n: 4, ms: 20, work: 2000 },
  threadpool: { jobs: 8, workers: 4, ms: 50 },
  gilio: { n: 4, threads: 2, io: 20, cpu: 5 },
  chooser: { n: 4, io: 20, cpu: 10, kb: 10 },
  interleave: { model: 'lost_update_2x3' },
};

/** Page init: remember every WebAssembly.Memory the page creates. */
function hookWasmMemory() {
  const Original = WebAssembly.Memory;
  window.__wasmMemories = [];
  function Tracked(desc) {
    const m = new Original(desc);
    window.__wasmMemories.push(m);
    return m;
  }
  Tracked.prototype = Original.prototype;
  WebAssembly.Memory = Tracked;
}

const mb = (b) => b / 1048576;

async function main() {
  const server = await startServer(resolveDist(distDir), { port: Number(process.env.E2E_PORT ?? 0) });
  const browser = await launchBrowser();
  const app = await PlaygroundPage.create(browser);
  await app.page.addInitScript(hookWasmMemory);
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('HeapProfiler.enable');
  const samples = [];
  try {
    await app.open(server.url);
    const lessons = await app.byTestId('lesson-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
    const missing = lessons.filter((id) => !SMALL[id]);
    if (missing.length) throw new Error(`soak: no small settings for ${missing.join(', ')}`);
    const t0 = Date.now();
    for (let i = 0; i < RUNS; i++) {
      const id = lessons[i % lessons.length];
      await app.selectLesson(id); // a different lesson each time: the status starts idle
      for (const [k, v] of Object.entries(SMALL[id])) await app.setParam(k, v);
      if ((await app.byTestId('clock-select').count()) > 0) await app.byTestId('clock-select').selectOption('virtual');
      await app.run();
      await app.waitStatus('done', 120_000);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const wasm = await app.page.evaluate(() => (window.__wasmMemories ?? []).reduce((a, m) => a + m.buffer.byteLength, 0));
      samples.push({ run: i + 1, lesson: id, heap: usedSize, wasm });
      if ((i + 1) % 25 === 0) log(`soak: ${i + 1}/${RUNS} runs, heap ${mb(usedSize).toFixed(1)} MB, wasm ${mb(wasm).toFixed(1)} MB`);
      if (app.errors.length) throw new Error(`page errors: ${app.errors.join('; ')}`);
    }
    const seconds = (Date.now() - t0) / 1000;
    // Lap means: the first lap of every lesson vs the last, so lesson mix does not bias it.
    const lap = lessons.length;
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = samples.slice(0, lap);
    const last = samples.slice(-lap);
    const heapGrowth = mb(mean(last.map((s) => s.heap)) - mean(first.map((s) => s.heap)));
    const wasmGrowth = mb(last.at(-1).wasm - first.at(-1).wasm);
    console.log('| runs | JS heap after GC (MB) | wasm memory (MB) |');
    console.log('|---:|---:|---:|');
    for (const s of samples.filter((x) => x.run === 1 || x.run % 25 === 0)) {
      console.log(`| ${s.run} | ${mb(s.heap).toFixed(2)} | ${mb(s.wasm).toFixed(1)} |`);
    }
    const summary = {
      runs: RUNS,
      lessons: lessons.length,
      seconds: Number(seconds.toFixed(1)),
      heap_mb: { first: mb(samples[0].heap), min: mb(Math.min(...samples.map((s) => s.heap))), max: mb(Math.max(...samples.map((s) => s.heap))), last: mb(samples.at(-1).heap) },
      wasm_mb: { first: mb(samples[0].wasm), max: mb(Math.max(...samples.map((s) => s.wasm))), last: mb(samples.at(-1).wasm) },
      heap_growth_first_to_last_lap_mb: Number(heapGrowth.toFixed(2)),
      wasm_growth_first_to_last_lap_mb: Number(wasmGrowth.toFixed(2)),
      bounds_mb: { heap: MAX_HEAP_MB, wasm: MAX_WASM_MB },
    };
    console.log(JSON.stringify(summary));
    if (heapGrowth > MAX_HEAP_MB || wasmGrowth > MAX_WASM_MB) {
      log(`soak: growth over the bound (heap ${heapGrowth.toFixed(1)} MB > ${MAX_HEAP_MB}? wasm ${wasmGrowth.toFixed(1)} MB > ${MAX_WASM_MB}?)`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
