//! The one rayon pool of the page, over Web Workers sharing the wasm memory.
//! Started once (lazily, on the first CPU run); CPU runs are handed to it with
//! `rayon::spawn` and awaited through a oneshot channel, so the main thread
//! never blocks on a worker.

use crate::engine::cpu::CpuCtx;
use crate::engine::params::Params;
use crate::engine::trace::{ClockKind, Trace};
use crate::engine::RunError;
use crate::scenarios::CpuRun;
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

type PoolFuture = Shared<LocalBoxFuture<'static, Result<usize, String>>>;

thread_local! {
    static POOL: RefCell<Option<PoolFuture>> = const { RefCell::new(None) };
}

/// Starts the pool with `threads` workers (only the first call's count counts)
/// and resolves to the pool size.
pub async fn ensure(threads: usize) -> Result<usize, String> {
    let fut = POOL.with(|p| {
        p.borrow_mut()
            .get_or_insert_with(|| {
                async move {
                    JsFuture::from(wasm_bindgen_rayon::init_thread_pool(threads.max(1)))
                        .await
                        .map(|_| rayon::current_num_threads())
                        .map_err(|e| format!("{e:?}"))
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    fut.await
}

/// Milliseconds on a clock shared by the page and every worker: each worker's
/// `performance.now()` has its own origin, `timeOrigin + now()` does not.
pub fn shared_clock_ms() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    perf.map_or(0.0, |p| p.time_origin() + p.now())
}

/// Runs a CPU scenario on the pool. `cancel` is the Stop button.
pub async fn run(run: CpuRun, params: Params, cancel: Arc<AtomicBool>) -> Result<Trace, RunError> {
    let pool_threads = rayon::current_num_threads();
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let ctx = CpuCtx { clock: &shared_clock_ms, cancel: &cancel, pool_threads };
        let _ = tx.send(run(&params, &ctx));
    });
    let mut trace = rx.await.map_err(|_| RunError::Workload("a pool worker died (see the console)".into()))??;
    trace.meta.clock = ClockKind::Browser;
    Ok(trace)
}
