//! Running CPU work on the rayon pool as a fixed number of *lanes*.
//!
//! The browser has exactly one rayon pool (a second `ThreadPoolBuilder::build`
//! fails there), so a thread-count sweep cannot build a pool per count. Instead
//! `k` lanes pull chunk indices from one shared counter inside `rayon::scope`:
//! at most `k` pool threads work at once, the load stays balanced, and every
//! chunk reports which worker ran it and when.
//!
//! Everything here is plain Rust: the clock is injected, so native tests and
//! benchmarks use `Instant` and the page uses `performance.timeOrigin + now()`.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;

/// What a CPU run gets from its host.
pub struct CpuCtx<'a> {
    /// Milliseconds on one clock shared by all threads.
    pub clock: &'a (dyn Fn() -> f64 + Sync),
    /// Set by Stop; lanes check it between chunks.
    pub cancel: &'a AtomicBool,
    /// Threads in the rayon pool (the most lanes that can run at once).
    pub pool_threads: usize,
    /// How far the run is, read by the page while it runs (sweeps count their steps).
    pub progress: &'a Progress,
    /// The host's process pool, for lessons that run processes (the page's
    /// Web Workers; natively [`super::procpool::ThreadProcesses`]).
    pub processes: Option<&'a dyn super::procpool::ProcessPool>,
}

/// Steps done of a run's total, shared with whoever shows it (the page polls it
/// while the pool works). A total of 0: the run has no steps to count.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU32,
    total: AtomicU32,
}

impl Progress {
    /// A run of `total` steps begins.
    pub fn start(&self, total: u32) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }
    /// One more step is done.
    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
    /// (done, total).
    pub fn read(&self) -> (u32, u32) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }
}

impl CpuCtx<'_> {
    pub fn now(&self) -> f64 {
        (self.clock)()
    }
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Folds `f` over `[lo, hi)` cut into pieces of at most `piece` items, in
    /// order, asking Stop before each piece. Lanes ask Stop only between
    /// chunks, and one chunk of a lesson's largest sizes takes seconds: a chunk
    /// computed through this stops within one piece's time instead. Not
    /// stopped, it returns exactly the fold of every piece, so the chunk's
    /// answer must not depend on the cut (sums, counts, XORs, rows in order).
    /// Stopped, it returns the fold so far, a partial answer: a lane run that
    /// saw Stop is no result ([`try_run_lanes`] returns `None`).
    pub fn fold_pieces<R>(&self, lo: u64, hi: u64, piece: u64, mut acc: R, mut f: impl FnMut(R, u64, u64) -> R) -> R {
        let mut a = lo;
        while a < hi && !self.cancelled() {
            let b = a.saturating_add(piece.max(1)).min(hi);
            acc = f(acc, a, b);
            a = b;
        }
        acc
    }
}

/// One chunk as it ran.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkRun<R> {
    pub chunk: usize,
    /// rayon worker index (0-based); `usize::MAX` if run outside the pool.
    pub worker: usize,
    pub start_ms: f64,
    pub end_ms: f64,
    pub result: R,
}

/// Runs chunks `0..n_chunks` with at most `lanes` of them in progress at once.
/// Returns the chunk runs in completion order, or `None` if cancelled (the
/// chunks already running finish first, or bail out early through
/// [`CpuCtx::fold_pieces`]; none start after the flag is seen).
pub fn run_lanes<R, F>(ctx: &CpuCtx<'_>, lanes: usize, n_chunks: usize, work: F) -> Option<Vec<ChunkRun<R>>>
where
    R: Send,
    F: Fn(usize) -> R + Sync,
{
    match try_run_lanes(ctx, lanes, n_chunks, |i| Ok::<R, std::convert::Infallible>(work(i))) {
        Ok(runs) => runs,
        Err(e) => match e.error {},
    }
}

/// A chunk whose work returned an error: where and when, and the error.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkFailure<E> {
    pub chunk: usize,
    pub worker: usize,
    pub start_ms: f64,
    pub end_ms: f64,
    pub error: E,
}

/// [`run_lanes`] for fallible work: the first `Err` stops every lane from
/// taking another chunk (chunks already running finish) and is returned.
/// When Stop was pressed, the result is `Ok(None)` whatever the chunks
/// returned: work may bail out early on the flag, with an error or with a
/// partial answer ([`CpuCtx::fold_pieces`]), so no answer of that run counts.
/// The pool is left as it was: lanes are scoped tasks that all return.
pub fn try_run_lanes<T, E, F>(ctx: &CpuCtx<'_>, lanes: usize, n_chunks: usize, work: F) -> Result<Option<Vec<ChunkRun<T>>>, ChunkFailure<E>>
where
    T: Send,
    E: Send,
    F: Fn(usize) -> Result<T, E> + Sync,
{
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let done: Mutex<Vec<ChunkRun<T>>> = Mutex::new(Vec::with_capacity(n_chunks));
    let failure: Mutex<Option<ChunkFailure<E>>> = Mutex::new(None);
    let lane = || loop {
        if ctx.cancelled() || failed.load(Ordering::Relaxed) {
            return;
        }
        let chunk = next.fetch_add(1, Ordering::Relaxed);
        if chunk >= n_chunks {
            return;
        }
        let start_ms = ctx.now();
        let result = work(chunk);
        let end_ms = ctx.now();
        let worker = rayon::current_thread_index().unwrap_or(usize::MAX);
        // Mutexes are fine here: this runs on pool threads, never the page's main thread.
        match result {
            Ok(result) => {
                if let Ok(mut d) = done.lock() {
                    d.push(ChunkRun { chunk, worker, start_ms, end_ms, result });
                }
            }
            Err(error) => {
                failed.store(true, Ordering::Relaxed);
                if let Ok(mut f) = failure.lock() {
                    // The first failure is the one reported.
                    f.get_or_insert(ChunkFailure { chunk, worker, start_ms, end_ms, error });
                }
                return;
            }
        }
    };
    rayon::scope(|s| {
        for _ in 0..lanes.max(1) {
            s.spawn(|_| lane());
        }
    });
    let runs = done.into_inner().unwrap_or_else(|e| e.into_inner());
    let failure = failure.into_inner().unwrap_or_else(|e| e.into_inner());
    if ctx.cancelled() {
        return Ok(None);
    }
    match failure {
        Some(f) => Err(f),
        None => Ok(Some(runs)),
    }
}

/// Runs `f` until its time stops improving (or ~300 ms have passed), so that
/// the first timed step of a sweep does not pay for warm-up. In the browser
/// this matters: V8 first runs wasm on a baseline compiler and swaps in
/// optimized code some milliseconds later, which would make 1 thread look
/// slow and the speedup look superlinear. Returns the rounds run.
pub fn warm_up(ctx: &CpuCtx<'_>, mut f: impl FnMut()) -> u32 {
    let start = ctx.now();
    let mut best = f64::INFINITY;
    let mut stable = 0;
    let mut rounds = 0;
    while stable < 3 && ctx.now() - start < 300.0 && !ctx.cancelled() {
        let t0 = ctx.now();
        f();
        let dt = ctx.now() - t0;
        rounds += 1;
        // "Not improving" = within 5% of the best so far.
        if dt >= best * 0.95 {
            stable += 1;
        } else {
            stable = 0;
        }
        best = best.min(dt);
    }
    rounds
}
