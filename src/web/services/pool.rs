//! The one rayon pool of the page, over Web Workers sharing the wasm memory.
//! Started once (lazily, on the first CPU run); CPU runs are handed to it with
//! `rayon::spawn` and awaited through a oneshot channel, so the main thread
//! never blocks on a worker. Async lessons hand single jobs to the same pool
//! with [`offload`] (their runtime's `Caps::offload`).

use crate::engine::cpu::{CpuCtx, Progress};
use crate::engine::params::Params;
use crate::engine::runtime::{JobOutput, OffloadError, Offloaded, Work, ERR_POOL_NOT_ISOLATED};
use crate::engine::trace::{ClockKind, Trace};
use crate::engine::RunError;
use crate::scenarios::{self, CpuRun, Scenario};
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
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
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok().and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    perf.map_or(0.0, |p| p.time_origin() + p.now())
}

/// Runs a CPU scenario on the pool. `cancel` is the Stop button.
/// `progress` is what the page polls while it runs.
pub async fn run(run: CpuRun, params: Params, cancel: Arc<AtomicBool>, progress: Arc<Progress>) -> Result<Trace, RunError> {
    let pool_threads = rayon::current_num_threads();
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let ctx = CpuCtx {
            clock: &shared_clock_ms,
            cancel: &cancel,
            pool_threads,
            progress: &progress,
            processes: super::process_pool::processes(),
        };
        let _ = tx.send(run(&params, &ctx));
    });
    let mut trace = rx.await.map_err(|_| RunError::Workload("a pool worker died (see the console)".into()))??;
    trace.meta.clock = ClockKind::Browser;
    Ok(trace)
}

/// Runs a lesson on the virtual clock on a pool worker, so that however long
/// its loop turns are (the hybrid lesson counts real primes inline; a
/// 10,000-lane crawl makes ~100,000 events) the page's thread only receives
/// the finished trace. `cancel` (Stop) is asked before every loop turn.
pub async fn run_virtual(scn: &'static Scenario, raw: BTreeMap<String, String>, cancel: Arc<AtomicBool>) -> Result<Trace, RunError> {
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let _ = tx.send(scenarios::run_virtual_until(scn, &raw, &|| cancel.load(Ordering::Relaxed)));
    });
    rx.await.map_err(|_| RunError::Workload("a pool worker died (see the console)".into()))?
}

/// Bumped by every Stop: an offloaded job queued before it is skipped, so a
/// stopped run leaves no queue of jobs that would hold the pool for minutes.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Forgets the jobs [`offload`]ed so far that have not started (Stop).
pub fn drop_queued_offloads() {
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// Runs one job of an async lesson on the pool (starting the pool on first
/// use) and resolves when it is done; the event loop keeps running meanwhile.
/// Times are reported on the run's clock: `shared_origin` is the run's time 0
/// on [`shared_clock_ms`]. Without cross-origin isolation there is no pool:
/// an error whose message is a translation key, never a panic.
pub async fn offload(work: Work, shared_origin: f64) -> Result<Offloaded, OffloadError> {
    let env = super::env::detect();
    if !env.isolated {
        return Err(OffloadError::Unavailable(ERR_POOL_NOT_ISOLATED.into()));
    }
    ensure(env.hardware_threads as usize).await.map_err(|e| OffloadError::Unavailable(format!("worker pool: {e}")))?;
    let (tx, rx) = oneshot::channel();
    let generation = GENERATION.load(Ordering::Relaxed);
    rayon::spawn(move || {
        if GENERATION.load(Ordering::Relaxed) != generation {
            return; // its run was stopped: the receiver is gone too
        }
        let start = shared_clock_ms();
        let value: JobOutput = match work {
            Work::Spin { ms } => {
                // Busy on purpose: this is the lesson's CPU job, on a worker.
                while shared_clock_ms() < start + ms {}
                Box::new(())
            }
            Work::Compute { f, .. } => f(),
        };
        let end = shared_clock_ms();
        let worker = rayon::current_thread_index().unwrap_or(0);
        let _ = tx.send(Offloaded { value, worker, start_ms: start - shared_origin, end_ms: end - shared_origin });
    });
    rx.await.map_err(|_| OffloadError::Lost("a pool worker died (see the console)".into()))
}
