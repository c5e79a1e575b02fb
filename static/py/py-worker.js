// The Python runner (static/py/panel.js starts it): a module Web Worker that
// runs the learner's program on Pyodide's CPython, never on the page's thread.
//
// Messages in:  { type: 'init', interrupt }   interrupt: an Int32Array on a
//                 SharedArrayBuffer; the page writes 2 there to stop a run
//                 (Pyodide polls it and raises KeyboardInterrupt).
//               { type: 'run', source, lesson, clock }  clock: 'virtual' or 'browser'
//               { type: 'stop' }   Stop, for a run on the browser clock: it
//                 waits (suspended by JSPI) with no Python running to see the
//                 interrupt buffer, so its tasks are cancelled from here
// Messages out: { type: 'progress', loaded, total }    downloading Pyodide (bytes)
//               { type: 'ready', version, loadMs, memory, jspi }  CPython is up;
//                 jspi: whether a run on the browser clock can block on
//                 Pyodide's WebLoop here (asked of Pyodide itself, below)
//               { type: 'out', text }                   the program's output, as it comes
//               { type: 'scope', uses }                 [[line, module]]: threads or
//                 processes, which this CPython cannot start; the program did not run
//               { type: 'done', trace, error, events, ms }  trace: the playground
//                 trace (JSON text); error: { type, message, traceback, line } or null
//               { type: 'failed', message }             Pyodide could not start
//
// On the virtual clock the program runs through python/tools/pytrace.py:
// CPython's own asyncio loop with a virtual clock, each task traced (the same
// file CI runs against CPython 3.11, tests/pyodide/compare.mjs). On the browser
// clock, through python/tools/pyreal.py: Pyodide's WebLoop in real time, its
// requests real ones to the site's built-in endpoint (python/tools/realnet.py).
const BASE = new URL('../', import.meta.url);
const PYODIDE = new URL('pyodide/', BASE);
// Pyodide's big files, kept in the Cache API under this name (the pinned
// version, vendor/pyodide/package.json): the next visit reads them from there,
// whatever cache headers the site sends.
const CACHE = 'pyodide-314.0.8';
const HELPERS = ['python/simnet.py', 'python/tools/pytrace.py', 'python/tools/pytrace_hang.py', 'python/tools/pytrace_wait.py', 'python/tools/totrace.py', 'python/tools/diffprog.py',
  'python/tools/pyreal.py', 'python/tools/realnet.py', 'python/tools/standin/aiohttp.py', 'python/tools/standin/requests.py'];

let py = null;
let pytrace = null;
let pyreal = null;
let interrupt = null;
let jspi = false;
let realRun = false; // a run on the browser clock is under way

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
import pytrace, pyreal, realnet`);
  pytrace = py.globals.get('pytrace');
  pyreal = py.globals.get('pyreal');
  py.globals.get('realnet').BASE = new URL('sim/', BASE).href;
  // JSPI, as Pyodide decides it: can Python, entered as a run on the browser
  // clock is (callPromising), block on a promise? A browser without
  // WebAssembly.Suspending makes callPromising throw: that is a no too.
  jspi = await pyreal.available.callPromising().catch(() => false);
  const version = py.runPython("import sys; sys.version.split()[0] + ' (' + sys.platform + ')'");
  // The wasm memory Pyodide's CPython has once started (bytes; _module is Pyodide's
  // Emscripten module, undocumented: null if it is not there).
  const memory = py._module?.HEAPU8?.buffer?.byteLength ?? null;
  self.postMessage({ type: 'ready', version, loadMs: performance.now() - t0, memory, jspi });
}

async function run({ source, lesson, clock }) {
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
  let out;
  if (clock === 'browser' && jspi) {
    realRun = true;
    try {
      out = await pyreal.run.callPromising(source, lesson);
    } finally {
      realRun = false;
    }
  } else {
    out = pytrace.run_py(source, lesson);
  }
  const r = out.toJs({ dict_converter: Object.fromEntries });
  out.destroy();
  self.postMessage({ type: 'done', trace: r.trace, error: r.error || null, events: r.events, ms: performance.now() - t0 });
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'init') await init(data);
    else if (data.type === 'run') await run(data);
    else if (data.type === 'stop' && realRun) {
      // Python is not running (or this message would wait): the run waits on
      // timers or requests. Clear the SIGINT the page also sent, which no
      // Python line has taken, so that it does not land in pyreal.stop().
      interrupt[0] = 0;
      pyreal.stop();
    }
  } catch (e) {
    self.postMessage({ type: 'failed', message: String((e && e.message) || e) });
  }
};
