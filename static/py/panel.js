// The "Edit & run Python" panel, loaded by src/web/components/py_runner.rs on
// the first press of its button (never on first load). It builds an editor, a
// console and Run/Stop/Reset in the host element, runs the program in a module
// Web Worker (py-worker.js: Pyodide's CPython, never the page's thread), and
// hands a finished run to the app as a playground trace (`py-trace` event).
//
// Stop: writes 2 into the interrupt buffer (a SharedArrayBuffer Pyodide polls:
// KeyboardInterrupt in the program); if the worker has not answered within
// KILL_MS (the 250 ms), it is terminated (a fresh one loads Pyodide
// again, from the Cache API), unless the program took the signal and went on
// (asyncio.Runner cancels on the first SIGINT): then a second one goes first.
// The same happens at LIMIT_S of real time, which the panel states.
//
// The panel's DOM and texts: static/py/view.js.
//
// Clock (static/py/clock.js): virtual or browser, the lessons' two clocks. A
// run on the browser clock waits with no Python running (JSPI), so there Stop
// also asks the worker to cancel its tasks.
import { STRINGS, fill } from './strings.js';
import { build as buildPanel, el, texts as panelTexts } from './view.js';
import { encode, fromLink, MAX_CHARS, setLink } from './share.js';

const LIMIT_S = 10;
const KILL_MS = 250;

const host = document.querySelector('[data-py-host]');
const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = new URL('panel.css', import.meta.url).href;
document.head.appendChild(css);

let worker = null;
let ready = null; // Promise of the worker's 'ready'
let runState = null; // { t0, stopAt, limitTimer, killTimer, reason }
const sab = typeof SharedArrayBuffer === 'function' && self.crossOriginIsolated;
const interrupt = sab ? new Int32Array(new SharedArrayBuffer(4)) : new Int32Array(1);
let original = '';
let lesson = '';
const ui = {};

const lang = () => (host.dataset.lang === 'zh' ? 'zh' : 'en');
const t = (k, v = {}) => fill(STRINGS[lang()][k], v);

function build() {
  buildPanel(host, ui, t);
  ui.run.onclick = run;
  ui.stop.onclick = () => stop('stopped');
  ui.reset.onclick = () => {
    ui.editor.replace(original); // one edit: Ctrl+Z brings the learner's text back
    share(original);
  };
  texts();
}

function texts() {
  panelTexts(ui, t, LIMIT_S, sab);
}

function say(key, values = {}, kind = '') {
  ui.status.textContent = t(key, values);
  ui.status.dataset.kind = kind || key;
}

async function open() {
  lesson = host.dataset.lesson;
  build();
  const r = await fetch(`python/${lesson}.py`);
  original = r.ok ? await r.text() : '';
  ui.editor.set(original);
  // A preset card's "Run it as written" (src/web/components/py_runner.rs): that
  // program instead of the listing, run at once; read once.
  const asWritten = host.dataset.asWritten;
  delete host.dataset.asWritten;
  if (asWritten && (await loadAsWritten(asWritten))) return;
  try {
    const shared = await fromLink();
    if (shared !== null) ui.editor.set(shared);
  } catch {
    ui.link.textContent = t('link_bad');
  }
  host.scrollIntoView({ block: 'nearest' });
  if (!ready) startWorker(); // download while the learner reads; Run waits for it
}

async function loadAsWritten(file) {
  let why = 'not an example program';
  if (/^as_written\/[\w-]+\.py$/.test(file)) {
    const r = await fetch(`python/${file}`).catch((e) => ({ ok: false, statusText: String(e) }));
    if (r.ok) {
      ui.editor.set(await r.text());
      ui.origin.textContent = t('as_written', { file });
      ui.origin.hidden = false;
      host.scrollIntoView({ block: 'nearest' });
      run();
      return true;
    }
    why = r.status ? `HTTP ${r.status}` : r.statusText;
  }
  ui.link.textContent = t('as_written_failed', { file, why });
  return false;
}

// The built-in endpoint (sim-sw.js, a service worker) must control the page before
// the runner's worker starts: a worker is controlled, its requests answered by the
// endpoint, only if it was created so (the app registers it at its first run on
// the browser clock, src/web/services/endpoint.rs; this is the same, up to 5 s).
async function endpoint() {
  const sw = navigator.serviceWorker;
  if (!sw || sw.controller) return;
  const claimed = new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
  await sw.register(new URL('sim-sw.js', document.baseURI));
  await Promise.race([claimed, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

function startWorker() {
  ready = endpoint().catch(() => {}).then(() => spawn());
  ready.catch(() => {}); // said in the status; Run tries again with a new worker
}

function spawn() {
  worker = new Worker(new URL('py-worker.js', import.meta.url), { type: 'module' });
  const up = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        ui.progress.hidden = false;
        ui.progress.max = data.total || 1;
        ui.progress.value = data.loaded;
        const mb = (x) => (x / 1048576).toFixed(1);
        say('loading', { mb: mb(data.loaded), total: mb(data.total) });
        if (data.loaded >= data.total) say('starting');
      } else if (data.type === 'ready') {
        ui.progress.hidden = true;
        host.dataset.pyVersion = data.version;
        host.dataset.pyLoadMs = Math.round(data.loadMs);
        if (data.memory) host.dataset.pyMemory = data.memory;
        host.dataset.pyJspi = !!data.jspi;
        ui.clock.setJspi(data.jspi);
        say('ready', { version: data.version, s: (data.loadMs / 1000).toFixed(1) });
        resolve();
      } else if (data.type === 'failed') {
        say('failed', { msg: data.message }, 'failed');
        reject(new Error(data.message));
      } else {
        onRunMessage(data);
      }
    };
  });
  worker.postMessage({ type: 'init', interrupt });
  return up;
}

// The edited source goes into the share link (the listing itself needs none).
async function share(source) {
  const enc = source === original ? '' : await encode(source);
  setLink(enc ?? '');
  ui.link.textContent = enc === null ? t('link_long', { max: MAX_CHARS }) : enc ? t('link_ok') : '';
  ui.link.dataset.kind = enc === null ? 'too_long' : enc ? 'in_link' : 'none';
}

async function run() {
  const source = ui.editor.get();
  if (!source.trim()) return say('empty');
  await share(source);
  ui.out.textContent = '';
  ui.scope.hidden = true;
  ui.editor.mark(null);
  ui.run.disabled = true;
  if (!ready) startWorker();
  try {
    await ready;
  } catch {
    worker?.terminate();
    worker = null;
    ready = null;
    ui.run.disabled = false;
    return;
  }
  const on = ui.clock.value;
  say('running');
  ui.stop.disabled = false;
  ui.clock.disabled = true;
  interrupt[0] = 0;
  runState = { t0: performance.now(), stopAt: 0, reason: null, clock: on };
  runState.limitTimer = setTimeout(() => stop('limited'), LIMIT_S * 1000);
  worker.postMessage({ type: 'run', source, lesson, clock: on });
}

function stop(reason) {
  if (!runState || runState.reason) return;
  runState.reason = reason;
  runState.stopAt = performance.now();
  interrupt[0] = 2; // SIGINT: Pyodide raises KeyboardInterrupt at its next check
  runState.sigints = 1;
  // On the browser clock the run may be waiting, with no Python running to see the
  // SIGINT: the worker cancels its tasks (a busy program sees the SIGINT instead).
  if (runState.clock === 'browser') worker.postMessage({ type: 'stop' });
  runState.killTimer = setTimeout(() => kill(), KILL_MS);
}

// CPython clears the interrupt buffer when it takes the signal. Taken but not
// stopped means the program handled it: asyncio.Runner's own SIGINT handler
// cancels the main task on the first one, which a task that never awaits never
// sees, and raises KeyboardInterrupt on the second (Ctrl+C twice in a terminal).
// So a taken signal gets a second one; a signal never taken ends the worker.
function kill() {
  if (!runState) return;
  if (interrupt[0] === 0 && runState.sigints === 1) {
    runState.sigints = 2;
    interrupt[0] = 2;
    runState.killTimer = setTimeout(() => kill(), KILL_MS);
    return;
  }
  worker.terminate();
  worker = null;
  ready = null;
  const waited = Math.round(performance.now() - runState.stopAt);
  finish();
  say('killed', { ms: waited }, 'killed');
}

function finish() {
  if (!runState) return;
  clearTimeout(runState.limitTimer);
  clearTimeout(runState.killTimer);
  const r = runState;
  runState = null;
  ui.stop.disabled = true;
  ui.run.disabled = false;
  ui.clock.disabled = false;
  return r;
}

function onRunMessage(data) {
  if (data.type === 'out') {
    ui.out.append(el('span', data.err ? { class: 'err' } : {}, data.text + '\n'));
  } else if (data.type === 'scope') {
    finish();
    const [line, what] = data.uses[0];
    const procs = data.uses.some(([, w]) => w === 'multiprocessing');
    ui.scope.textContent = t(procs ? 'scope_processes' : 'scope_threads', { what, line });
    ui.scope.hidden = false;
    ui.editor.mark(line);
    ui.status.textContent = '';
    ui.status.dataset.kind = 'scope';
  } else if (data.type === 'done') {
    const r = finish();
    const trace = JSON.parse(data.trace);
    const e = data.error;
    if (r) ui.status.dataset.sigints = r.sigints || 0;
    if (e && e.type === 'KeyboardInterrupt' && r && r.reason) {
      if (r.reason === 'limited') say('limited', { s: LIMIT_S });
      else {
        const ms = Math.round(performance.now() - r.stopAt);
        say('stopped', { ms });
        ui.status.dataset.ms = ms;
      }
    } else if (e && e.hang) {
      const tasks = e.hang.waiting.map(([name, what]) => t('waiting_on', { name, what })).join(t('list_sep'));
      say('hang', { t: (e.hang.at_ms / 1000).toFixed(3), tasks: tasks || t('no_tasks') }, 'hang');
    } else if (e) {
      say(e.line ? 'error' : 'error_noline', { type: e.type, line: e.line }, 'error');
      ui.out.append(el('span', { class: 'err', 'data-testid': 'py-traceback' }, e.traceback));
      ui.editor.mark(e.line);
    } else {
      say(trace.meta.clock === 'browser' ? 'done_browser' : 'done', {
        tasks: trace.lanes.length,
        events: data.events,
        makespan: trace.meta.makespan_ms.toFixed(1),
        ms: Math.round(data.ms),
        requests: trace.meta.params.endpoint_answered,
      }, 'done');
    }
    if (trace.lanes.length) window.dispatchEvent(new CustomEvent('py-trace', { detail: data.trace }));
  }
}

// The app changes language or lesson by rewriting the host's data attributes.
new MutationObserver((changes) => {
  if (!ui.title) return;
  if (changes.some((c) => c.attributeName === 'data-lesson') && host.dataset.lesson !== lesson) {
    if (runState) stop('stopped');
    setLink(''); // the source in the link was the other lesson's
    open();
  } else texts();
}).observe(host, { attributes: true, attributeFilter: ['data-lesson', 'data-lang'] });

window.addEventListener('py-open', open);
open();
