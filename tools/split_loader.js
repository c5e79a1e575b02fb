// ---- The rest of the app (tools/split_wasm.py appends this to wasm-bindgen's glue) ----
// The primary wasm holds what the first lessons run; every other function is a
// placeholder in the function table until the secondary module ("the rest")
// is instantiated against this instance (same memory, same tables): its
// element segments then overwrite the placeholders with the real functions.
// Each thread (the page, every rayon worker, every process of the process
// pool) has its own instance and table, so each instantiates the rest once.
const __SPLIT_URL = new URL('__SPLIT_REST__', import.meta.url);
const __SPLIT_FIRST = '__SPLIT_FIRST__'.split(' ');
let __splitModule = null;
let __splitDone = false;
let __splitPromise = null;
/** How the rest arrived, for tests and benchmarks. */
export const splitStats = { placeholderCalls: 0, syncLoads: 0, asyncLoads: 0, loadedAt: null };

// Also called once this thread's primary instance exists, before its start
// function (the glue's finalize): the rest, if already compiled, goes in first.
// A worker (a pool thread, a process) loads it there, before any of its Rust
// code runs. Loaded later, on its first placeholder call, it could be loaded
// while the worker holds the allocator's lock (dlmalloc's memalign, say, is in
// the rest), which the page's thread spins on whenever it allocates (wasm's
// allocator lock is a spin lock: the page may not block); Firefox makes a
// worker's request through the page's thread, so the two waited on each other
// for ever (the hybrid lesson froze Firefox when its run started the pool), and
// in Chromium the page spun for as long as the load and compile took.
//
// The page publishes its compiled rest as `__playgroundRest`, and sends it to the workers it
// starts (a process's init message, a rayon worker's: tools/split_wasm.py patches the latter),
// so a worker instantiates it instead of fetching and compiling it again.
function __splitInstantiate() {
  if (__splitDone || wasm === undefined) return;
  if (!__splitModule && self.__playgroundRest instanceof WebAssembly.Module) __splitModule = self.__playgroundRest;
  if (!__splitModule && typeof window === 'undefined') __splitLoadSync();
  if (!__splitModule) return;
  new WebAssembly.Instance(__splitModule, { primary: wasm });
  __splitDone = true;
  splitStats.loadedAt = performance.now();
}

// A placeholder ran before the rest was here, or a worker starts: fetch and
// compile it now. Workers may block; on the page this happens only if a lesson
// outside the first ones runs before the background load (splitBoot) finished.
function __splitLoadSync() {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', __SPLIT_URL, false);
  let bytes;
  if (typeof window === 'undefined') {
    xhr.responseType = 'arraybuffer';
    xhr.send();
    bytes = new Uint8Array(xhr.response);
  } else {
    xhr.overrideMimeType('text/plain; charset=x-user-defined');
    xhr.send();
    const text = xhr.responseText;
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  }
  if (xhr.status !== 200) throw new Error(`the rest of the app (${__SPLIT_URL}) answered ${xhr.status}`);
  __splitModule = new WebAssembly.Module(bytes);
  __splitPublish();
  splitStats.syncLoads++;
}

// The page's compiled rest, for the workers it starts.
function __splitPublish() {
  if (typeof window !== 'undefined') self.__playgroundRest = __splitModule;
}

const __splitPlaceholders = new Proxy({}, {
  get(_, name) {
    const slot = Number(name);
    return (...args) => {
      splitStats.placeholderCalls++;
      if (!__splitDone) {
        if (!__splitModule) __splitLoadSync();
        __splitInstantiate();
      }
      return wasm.table.get(slot)(...args);
    };
  },
});

/** Fetches and compiles the rest (once); instantiates it if this thread runs. */
export function splitLoad() {
  // Streaming compilation needs `application/wasm`; a host that sends another
  // type gets the same fallback as wasm-bindgen's own loader.
  const compile = () => WebAssembly.compileStreaming(fetch(__SPLIT_URL)).catch(() =>
    fetch(__SPLIT_URL).then((r) => {
      if (!r.ok) throw new Error(`the rest of the app (${__SPLIT_URL}) answered ${r.status}`);
      return r.arrayBuffer();
    }).then((bytes) => WebAssembly.compile(bytes)));
  __splitPromise ??= compile().then((module) => {
    __splitModule ??= module;
    __splitPublish();
    splitStats.asyncLoads++;
    __splitInstantiate();
  });
  return __splitPromise;
}

/** Start-up (the page's boot script, before `init`): a link to a lesson outside
 *  the first ones waits for the rest, so that its first render never blocks on a
 *  synchronous load; the first lessons start at once and the rest follows in
 *  the background once the page is idle. */
export async function splitBoot() {
  const query = new URLSearchParams(location.search);
  const lesson = query.get('lesson');
  // A tutorial example's link (`example=`) may open any lesson: wait as for one outside the first.
  if ((lesson !== null && !__SPLIT_FIRST.includes(lesson)) || query.has('example')) {
    // Its texts too (crates/lessons/src/i18n/later.rs), so that it never draws a blank.
    const texts = fetch(new URL('i18n-later.json', import.meta.url))
      .then((r) => (r.ok ? r.text() : null))
      .then((t) => { if (t !== null) self.__playgroundLaterTexts = t; })
      .catch(() => {});
    await Promise.all([splitLoad(), texts]);
    return;
  }
  // On a slow link the rest (~440 KB) would share the bandwidth with what the
  // first lesson still fetches after the page's load event (the service worker,
  // the listing): start it once those are done and the page has been idle a moment.
  // A load the page's own departure aborts (navigated away meanwhile: Firefox
  // aborts it as the next page starts loading, before 'pagehide', and runs this
  // handler) is no failure to report.
  let leaving = false;
  for (const event of ['beforeunload', 'pagehide']) addEventListener(event, () => { leaving = true; }, { once: true });
  const later = () => splitLoad().catch((e) => { if (!leaving) console.error('the rest of the app did not load:', e); });
  const sw = navigator.serviceWorker?.ready ?? Promise.resolve();
  const timeout = new Promise((r) => setTimeout(r, 5000));
  addEventListener('load', () => Promise.race([sw, timeout]).then(() => setTimeout(() =>
    (self.requestIdleCallback ?? setTimeout)(later, { timeout: 2000 }), 1000)), { once: true });
}
