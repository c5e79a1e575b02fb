//! What the page's process workers (`static/process-worker.js`) call in their
//! own wasm instance, never the page: a task ([`proc_serve`]), when it had its
//! input, the instance's mark; and the benchmark's entry (`proc_bench`).
//! Apart from `process_pool.rs`, which runs the pool from the page's side.

use super::pool::shared_clock_ms;
use super::process_pool::run;
use crate::engine::procpool;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use wasm_bindgen::prelude::*;

static STARTED: AtomicU64 = AtomicU64::new(0);

/// In a process: runs one task (`engine::procpool::serve`) on its own copy of
/// the input. Called by `static/process-worker.js`, never by the page.
#[wasm_bindgen]
pub fn proc_serve(input: Vec<u8>) -> Result<Vec<u8>, JsError> {
    STARTED.store(shared_clock_ms().to_bits(), Ordering::SeqCst);
    procpool::serve(&input, &shared_clock_ms).map_err(|e| JsError::new(&e))
}

/// In a process: when the last [`proc_serve`] had its input (shared clock, ms).
#[wasm_bindgen]
pub fn proc_started() -> f64 {
    f64::from_bits(STARTED.load(Ordering::SeqCst))
}

/// The mark of this instance's memory: the page's own value in the page, 0 in
/// a process with its own fresh memory.
#[wasm_bindgen]
pub fn proc_mark() -> f64 {
    procpool::mark() as f64
}

/// For the benchmark (`tests/e2e/bench_procs.mjs`, through the page's
/// bindings; never called by the app): a pool of `n` processes, each sent
/// `kb` KB and computing nothing. Per process: `{ start, copyIn, copyOut,
/// memory }` (ms, ms, ms, bytes).
#[wasm_bindgen]
pub async fn proc_bench(n: usize, kb: usize) -> Result<js_sys::Array, JsError> {
    let input = procpool::Task::Compute { ms: 0.0, input: vec![7u8; kb * 1024] }.encode();
    let stop = AtomicBool::new(false);
    let (runs, _) = run(n.max(1), &vec![input; n.max(1)], &stop).await.map_err(|e| JsError::new(&e))?;
    let out = js_sys::Array::new();
    for r in runs {
        let o = js_sys::Object::new();
        for (k, v) in [
            ("start", r.ready - r.spawned),
            ("copyIn", r.received - r.sent),
            ("copyOut", r.back - r.done),
            ("memory", r.memory_bytes.unwrap_or(0.0)),
        ] {
            let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
        }
        out.push(&o);
    }
    Ok(out)
}
