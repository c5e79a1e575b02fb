// The Python runner (static/py/panel.js starts it): a module Web Worker that
// runs the learner's program on Pyodide's CPython, never on the page's thread.
//
// Messages in:  { type: 'init', interrupt }   interrupt: an Int32Array on a
//                 SharedArrayBuffer; the page writes 2 there to stop a run
//                 (Pyodide polls it and raises KeyboardInterrupt).
//               { type: 'run', source, lesson }
// Messages out: { type: 'progress', loaded, total }    downloading Pyodide (bytes)
//               { type: 'ready', version, loadMs, memory }  CPython is up
//               { type: 'out', text }                   the program's output, as it comes
//               { type: 'scope', uses }                 [[line, module]]: threads or
//                 processes, which this CPython cannot start; the program did not run
//               { type: 'done', trace, error, events, ms }  trace: the playground
//                 trace (JSON text); error: { type, message, traceback, line } or null
//               { type: 'failed', message }             Pyodide could not start
//
// The program runs through python/tools/pytrace.py: CPython's own asyncio loop
// with a virtual clock, each task traced (the same file CI runs against CPython
// 3.11, tests/pyodide/compare.mjs).
const BASE = new URL('../', import.meta.url);
const PYODIDE = new URL('pyodide/', BASE);
// Pyodide's big files, kept in the Cache API under this name (the pinned
// version, vendor/pyodide/package.json): the next visit reads them from there,
// whatever cache headers the site sends.
const CACHE = 'pyodide-314.0.8';
const HELPERS = ['python/simnet.py', 'python/tools/pytrace.py', 'python/tools/pytrace_hang.py', 'python/tools/totrace.py', 'python/tools/diffprog.py',
  'python/tools/standin/aiohttp.py', 'python/tools/standin/requests.py'];

let py = null;
let pytrace = null;
let interrupt = null;

// While Pyodide loads, its fetches of pyodide/ files go through here: from the
// cache if there, else from the site, counted for the progress bar and cached.
function progressFetch(realFetch) {
  let loaded = 0;
  let total = 0;
  let last = 0;
  const report = (force) => {
    const now = performance.now();
    if (force || now - last > 100) {
      last = now;
      self.postMessage({ type: 'progress', loaded, total: Math.max(total, loaded) });
    }
  };
  return async (input, init) => {
    const url = String(input?.url ?? input);
    if (!url.startsWith(PYODIDE.href)) return realFetch(input, init);
    const cache = await caches.open(CACHE).catch(() => null);
    const hit = cache && (await cache.match(url));
    if (hit) return hit;
    const r = await realFetch(input, init);
    if (!r.ok || !r.body) return r;
    if (!r.headers.get('content-encoding')) total += Number(r.headers.get('content-length')) || 0;
    const [mine, kept] = r.body.tee();
    cache?.put(url, new Response(kept, { headers: r.headers })).catch(() => {});
    const counted = mine.pipeThrough(new TransformStream({
      transform(chunk, c) {
        loaded += chunk.byteLength;
        report(false);
        c.enqueue(chunk);
      },
      flush() {
        report(true);
      },
    }));
    return new Response(counted, { status: r.status, statusText: r.statusText, headers: r.headers });
  };
}

async function init(data) {
  const t0 = performance.now();
  interrupt = data.interrupt;
  const realFetch = self.fetch.bind(self);
  self.fetch = progressFetch(realFetch);
  try {
    const { loadPyodide } = await import(new URL('pyodide.mjs', PYODIDE).href);
    py = await loadPyodide({ indexURL: PYODIDE.href });
  } finally {
    self.fetch = realFetch;
  }
  py.setInterruptBuffer(interrupt);
  py.setStdout({ batched: (text) => self.postMessage({ type: 'out', text }) });
  py.setStderr({ batched: (text) => self.postMessage({ type: 'out', text, err: true }) });
  py.FS.mkdirTree('/home/pyodide/python/tools/standin');
  await Promise.all(HELPERS.map(async (f) => {
    const r = await fetch(new URL(f, BASE));
    if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
    py.FS.writeFile(`/home/pyodide/${f}`, await r.text());
  }));
  py.runPython(`import sys
sys.path[:0] = ['/home/pyodide/python', '/home/pyodide/python/tools', '/home/pyodide/python/tools/standin']
import pytrace`);
  pytrace = py.globals.get('pytrace');
  const version = py.runPython("import sys; sys.version.split()[0] + ' (' + sys.platform + ')'");
  // The wasm memory Pyodide's CPython has once started (bytes; _module is Pyodide's
  // Emscripten module, undocumented: null if it is not there).
  const memory = py._module?.HEAPU8?.buffer?.byteLength ?? null;
  self.postMessage({ type: 'ready', version, loadMs: performance.now() - t0, memory });
}

function run({ source, lesson }) {
  interrupt[0] = 0;
  let uses = [];
  try {
    uses = pytrace.scope(source).toJs();
  } catch {
    // A syntax error: the run below reports it with its line.
  }
  if (uses.length) {
    self.postMessage({ type: 'scope', uses });
    return;
  }
  const t0 = performance.now();
  const r = pytrace.run_py(source, lesson).toJs({ dict_converter: Object.fromEntries });
  self.postMessage({ type: 'done', trace: r.trace, error: r.error || null, events: r.events, ms: performance.now() - t0 });
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'init') await init(data);
    else if (data.type === 'run') run(data);
  } catch (e) {
    self.postMessage({ type: 'failed', message: String((e && e.message) || e) });
  }
};
