// One process of the playground's process pool (src/web/services/process_pool.rs):
// a dedicated module Web Worker that shares nothing with the page. On
// ({ init, mainJS, module }) it imports the app's JS glue and instantiates the
// app's wasm module with its OWN fresh memory (no memory is passed, so the
// glue creates a new one): the page's heap, statics and threads are not here.
// It answers { ready, memory, mark } (when it was ready on the clock shared
// with the page, its memory's size in bytes, and what it reads where the page
// keeps its mark: 0 in a fresh memory), after running the init message's
// start bytes, if any, as proc_serve (a pool's initializer: its answer comes
// back as started). Then each ({ input }) (a Uint8Array
// the structured clone copied) runs proc_serve in its own instance and is
// answered { output, received, done } (output copied back the same way).
// Errors are answered { error }.
// State shared between processes (src/web/services/shared_procs.rs): ({ shared,
// n, lock }) maps the page's SharedArrayBuffer (a multiprocessing.Value: memory
// both sides map) and adds 1 to its first Int32 n times, reading then writing,
// under a lock in its second Int32 if asked; ({ manager, ports }) makes this
// process a Manager holding the value, answering each port's get / set /
// acquire / release and the page's { report }; ({ client, port, n, lock }) does
// the same increments through such a proxy, every access a round trip. Each
// answers { t0, t1 } (its loop's start and end on the shared clock). ({ plain,
// n, lock }) shares nothing: n times COUNTER += 1 on this instance's own
// module-level global (a static of its own wasm memory), under the lock in the
// buffer's second Int32 if asked, then SEEN["x"] = COUNTER in its own dict;
// answers { t0, t1, saw } (the global it read at the end).
'use strict';

const clock = () => performance.timeOrigin + performance.now();
let pkg = null;

self.onmessage = async ({ data }) => {
  // The glue's rayon helper listens for its own messages on the same scope.
  if (!data || data.type === 'wasm_bindgen_worker_init') return;
  if (data.shared) return shared(data);
  if (data.plain) return plain(data);
  if (data.manager) return manage(data.ports);
  if (data.report) return self.postMessage({ value: managed.value });
  if (data.client) return client(data);
  if (data.init) {
    try {
      // The rest of the app, compiled on the page (tools/split_loader.js picks it up).
      if (data.rest) self.__playgroundRest = data.rest;
      pkg = await import(data.mainJS);
      const wasm = pkg.initSync({ module: data.module });
      // A pool's start (its initializer, fork's copy of a global) runs before the process is ready.
      const started = data.start ? pkg.proc_serve(data.start) : undefined;
      self.postMessage({ ready: clock(), memory: wasm.memory.buffer.byteLength, mark: pkg.proc_mark(), started });
    } catch (err) {
      self.postMessage({ error: `a process could not start: ${(err && err.message) || err}` });
    }
    return;
  }
  try {
    const output = pkg.proc_serve(data.input);
    const done = clock();
    self.postMessage({ output, received: pkg.proc_started(), done });
  } catch (err) {
    self.postMessage({ error: String((err && err.message) || err) });
  }
};

function shared({ shared: buf, n, lock }) {
  const a = new Int32Array(buf);
  const t0 = clock();
  for (let i = 0; i < n; i++) {
    if (lock) while (Atomics.compareExchange(a, 1, 0, 1) !== 0) Atomics.wait(a, 1, 1, 1);
    const v = a[0]; // v.value += 1: a read ...
    a[0] = v + 1; //   ... then a write; another process may write in between
    if (lock) {
      Atomics.store(a, 1, 0);
      Atomics.notify(a, 1, 1);
    }
  }
  self.postMessage({ t0, t1: clock() });
}

function plain({ plain: buf, n, lock }) {
  const a = new Int32Array(buf);
  const t0 = clock();
  for (let i = 0; i < n; i++) {
    if (lock) while (Atomics.compareExchange(a, 1, 0, 1) !== 0) Atomics.wait(a, 1, 1, 1);
    pkg.proc_plain_add(); // this process's own global: nobody else's changes
    if (lock) {
      Atomics.store(a, 1, 0);
      Atomics.notify(a, 1, 1);
    }
  }
  const t1 = clock();
  self.postMessage({ t0, t1, saw: pkg.proc_plain_store() });
}

const managed = { value: 0, held: false, waiters: [] };

function manage(ports) {
  for (const port of ports) {
    port.onmessage = ({ data: m }) => {
      if (m === 'get') port.postMessage(managed.value);
      else if (m === 'acquire') {
        if (managed.held) managed.waiters.push(port);
        else {
          managed.held = true;
          port.postMessage(0);
        }
      } else if (m === 'release') {
        const next = managed.waiters.shift();
        if (next) next.postMessage(0);
        else managed.held = false;
        port.postMessage(0);
      } else {
        managed.value = m.set;
        port.postMessage(0);
      }
    };
  }
  self.postMessage({ managing: ports.length });
}

async function client({ port, n, lock }) {
  const ask = (m) => new Promise((resolve) => {
    port.onmessage = ({ data: r }) => resolve(r);
    port.postMessage(m);
  });
  const t0 = clock();
  for (let i = 0; i < n; i++) {
    if (lock) await ask('acquire');
    const v = await ask('get'); // a round trip to the manager ...
    await ask({ set: v + 1 }); //  ... and another
    if (lock) await ask('release');
  }
  self.postMessage({ t0, t1: clock() });
}
