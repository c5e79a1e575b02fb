// What a process costs: the page's process pool (Web Workers, each with its own
// instance of the app and its own wasm memory, fed by postMessage) next to
// CPython's ProcessPoolExecutor (python/chooser.py --measure), in the same run.
//
//   node tests/e2e/bench_procs.mjs dist [reps]
//
// Browser figures are per process, best of `reps` pools (default 5): start-up
// (create the worker, import the app's JS, instantiate the module with a fresh
// memory, init) and the copy of one item in (page memory → structured clone →
// the worker's memory) and out, with 0, 100 and 1000 KB inputs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, PlaygroundPage, REPO_ROOT, resolveDist, startServer } from './lib.mjs';

const reps = Number(process.argv[3] ?? 5);
const server = await startServer(resolveDist(process.argv[2] ?? 'dist'), { port: Number(process.env.E2E_PORT ?? 0) });
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  await app.open(server.url);
  const best = async (n, kb) => {
    const out = { start: Infinity, copyIn: Infinity, copyOut: Infinity, memory: 0 };
    for (let i = 0; i < reps; i++) {
      const runs = await app.page.evaluate(([n, kb]) => window.wasmBindings.proc_bench(n, kb), [n, kb]);
      const mean = (k) => runs.reduce((a, r) => a + r[k], 0) / runs.length;
      for (const k of ['start', 'copyIn', 'copyOut']) out[k] = Math.min(out[k], mean(k));
      out.memory = mean('memory');
    }
    return out;
  };
  const rows = [];
  for (const n of [1, 2, 4]) rows.push({ n, kb: 0, ...(await best(n, 0)) });
  for (const kb of [100, 1000]) rows.push({ n: 2, kb, ...(await best(2, kb)) });
  const py = JSON.parse(execFileSync('python3', [path.join(REPO_ROOT, 'python', 'chooser.py'), '--measure', '--json'], { encoding: 'utf8' }));
  console.log('| processes | input KB | start-up ms (each) | copy in ms | copy out ms | memory MB (each) |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.n} | ${r.kb} | ${r.start.toFixed(1)} | ${r.copyIn.toFixed(2)} | ${r.copyOut.toFixed(2)} | ${(r.memory / 1e6).toFixed(1)} |`);
  }
  const kbIn = (rows.find((r) => r.kb === 1000).copyIn - rows.find((r) => r.kb === 0 && r.n === 2).copyIn) / 1000;
  console.log(`browser: copy in ${kbIn.toFixed(4)} ms a KB`);
  console.log(`CPython (${py.start_method}): pools of 1/2/4 ${py.pool_1_ms.toFixed(1)}/${py.pool_2_ms.toFixed(1)}/${py.pool_4_ms.toFixed(1)} ms, `
    + `${py.spawn_ms.toFixed(1)} ms a process, ${py.item_ms.toFixed(3)} ms an item, ${py.kb_ms.toFixed(4)} ms a KB`);
  console.log(JSON.stringify({ browser: rows, browser_kb_ms: kbIn, cpython: py }));
} finally {
  await browser.close();
  await server.close();
}
