// One process of the playground's process pool (src/web/services/process_pool.rs):
// a dedicated module Web Worker that shares nothing with the page. On
// ({ init, mainJS, module }) it imports the app's JS glue and instantiates the
// app's wasm module with its OWN fresh memory (no memory is passed, so the
// glue creates a new one): the page's heap, statics and threads are not here.
// It answers { ready, memory, mark } (when it was ready on the clock shared
// with the page, its memory's size in bytes, and what it reads where the page
// keeps its mark: 0 in a fresh memory). Then each ({ input }) (a Uint8Array
// the structured clone copied) runs proc_serve in its own instance and is
// answered { output, received, done } (output copied back the same way).
// Errors are answered { error }.
'use strict';

const clock = () => performance.timeOrigin + performance.now();
let pkg = null;

self.onmessage = async ({ data }) => {
  // The glue's rayon helper listens for its own messages on the same scope.
  if (!data || data.type === 'wasm_bindgen_worker_init') return;
  if (data.init) {
    try {
      pkg = await import(data.mainJS);
      const wasm = pkg.initSync({ module: data.module });
      self.postMessage({ ready: clock(), memory: wasm.memory.buffer.byteLength, mark: pkg.proc_mark() });
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
