//! CPU lesson: why CPU-bound Python threads don't speed up, and what
//! processes cost. The same job (checksum of `items` calls of a mixer, see
//! `workloads::busy`) runs four ways:
//!
//! - **sequential** on one thread (the `main` lane);
//! - **GIL threads**: `threads` threads that must hold one global lock to
//!   run, each releasing it after `switch` µs of work (CPython's switch
//!   interval, `sys.setswitchinterval`). Like CPython's "forced switching",
//!   a thread that releases while others wait lets one of them take the lock
//!   before trying again, so the threads take turns; only one ever runs;
//! - **free-threaded**: the same threads with no lock (CPython 3.13t, Rust);
//! - **processes**: as `python/gil.py`'s `ProcessPoolExecutor`, a pool of
//!   `threads` processes that share nothing (`engine::procpool`; in the page,
//!   Web Workers with their own wasm memory) is started, each is sent one
//!   range and sends back one int. Start-up (resource `spawn`) and each copy
//!   (state `io`, resource `pipe`) are their own spans: the cost is mostly
//!   start-up, as in CPython.
//!
//! The lock is a real `std::sync::Mutex`: the lesson shows what a global lock
//! does to real threads, not a model of it. The forced-switch handshake is
//! written here by hand because it *is* the lesson (no crate offers
//! CPython's GIL hand-off).

mod procs;

pub use procs::{processes, ProcCosts};

use super::Scenario;
use crate::engine::cpu::{warm_up, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::{State, Trace};
use crate::engine::workloads::busy::{part, spin, spin_range};
use crate::engine::worklog::{resolve_threads, run_threads, WorkLog};
use crate::engine::RunError;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

pub static SCENARIO: Scenario = Scenario::cpu(
    "gil",
    &[
        sweep::THREADS,
        ParamSpec::int("items", 100, 1_000_000, 20_000),
        // Mixer rounds per item: how CPU-heavy each item is.
        ParamSpec::int("rounds", 10, 100_000, 2_000),
        // Switch interval in µs (CPython's default is 5 ms).
        ParamSpec::int("switch", 100, 100_000, 5_000),
        // Rounds of all four modes; each mode keeps its best time, so a busy
        // moment of the machine does not pass for the GIL's doing.
        ParamSpec::int("reps", 1, 10, 2),
    ],
    run,
)
.with_extras(&[super::extras::Extra::PythonView]);

/// Mixer steps computed between two looks at Stop (about a millisecond): one
/// mode's part at the largest sizes is 10¹¹ steps, minutes of work.
pub const PIECE_STEPS: u64 = 1 << 20;

/// [`spin_range`]`(lo, hi, rounds)`, Stop asked every [`PIECE_STEPS`] steps or
/// so (every item when one item is more); exact unless stopped.
pub fn spin_pieces(ctx: &CpuCtx<'_>, lo: u64, hi: u64, rounds: u32) -> u64 {
    let piece = (PIECE_STEPS / u64::from(rounds.max(1))).max(1);
    ctx.fold_pieces(lo, hi, piece, 0, |s, a, b| s.wrapping_add(spin_range(a, b, rounds)))
}

/// A thread holding the GIL reads the clock about this often (ms): often
/// enough to honour the switch interval, rarely enough to cost nothing.
const CLOCK_CHECK_MS: f64 = 0.02;

/// The global lock plus CPython's forced-switch handshake.
struct Gil {
    lock: Mutex<()>,
    /// Threads blocked in `lock()` right now.
    waiting: AtomicUsize,
    /// Bumped by every acquisition, so a releaser sees when someone else got it.
    taken: AtomicU64,
    switches: AtomicU64,
}

/// What one mode measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModeRun {
    pub ms: f64,
    pub checksum: u64,
    pub bytes_copied: u64,
    pub switches: u64,
}

pub struct Job {
    pub threads: usize,
    pub items: u64,
    pub rounds: u32,
    pub switch_ms: f64,
}

pub fn sequential(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, job: &Job) -> Option<ModeRun> {
    let t0 = log.now();
    let mut sum = 0u64;
    // In slices, so Stop is seen and the lane shows progress.
    let slices = 16.min(job.items as usize).max(1);
    for s in 0..slices {
        if ctx.cancelled() {
            return None;
        }
        let (lo, hi) = part(job.items, slices, s);
        let r = log.timed(
            "main",
            State::Running,
            None,
            |_| format!("sequential · items [{lo}, {hi})"),
            || spin_pieces(ctx, lo, hi, job.rounds),
        );
        sum = sum.wrapping_add(r);
    }
    (!ctx.cancelled()).then(|| ModeRun { ms: log.now() - t0, checksum: sum, bytes_copied: 0, switches: 0 })
}

pub fn gil_threads(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, job: &Job) -> Option<ModeRun> {
    let gil = Gil { lock: Mutex::new(()), waiting: AtomicUsize::new(0), taken: AtomicU64::new(0), switches: AtomicU64::new(0) };
    let last_holder = AtomicUsize::new(usize::MAX);
    let total = AtomicU64::new(0);
    let t0 = log.now();
    run_threads(job.threads, |i| {
        let lane = format!("thread {i}");
        let (mut next, hi) = part(job.items, job.threads, i);
        let mut sum = 0u64;
        let mut stride = 1u64;
        while next < hi && !ctx.cancelled() {
            let asked = log.now();
            gil.waiting.fetch_add(1, Ordering::SeqCst);
            let guard = gil.lock.lock().unwrap_or_else(|e| e.into_inner());
            gil.waiting.fetch_sub(1, Ordering::SeqCst);
            let mine = gil.taken.fetch_add(1, Ordering::SeqCst) + 1;
            if last_holder.swap(i, Ordering::SeqCst) != i {
                gil.switches.fetch_add(1, Ordering::Relaxed);
            }
            let got = log.now();
            if got > asked {
                log.span(&lane, State::Waiting, Some("GIL"), asked, got, format!("thread {i} waits for the GIL"));
            }
            let first = next;
            // Run until the switch interval is used up, reading the clock
            // only every `stride` items: in the browser a clock read costs
            // about as much as a light item, and CPython does not pay for its
            // interval check per bytecode either.
            let mut last_check = got;
            while next < hi {
                let end = (next + stride).min(hi);
                for x in next..end {
                    sum = sum.wrapping_add(spin(x, job.rounds));
                }
                next = end;
                let now = log.now();
                if now - last_check < CLOCK_CHECK_MS && stride < 1 << 16 {
                    stride *= 2;
                }
                last_check = now;
                if now - got >= job.switch_ms {
                    break;
                }
            }
            let released = log.now();
            log.span(&lane, State::Running, Some("GIL"), got, released, format!("thread {i} holds the GIL · items [{first}, {next})"));
            drop(guard);
            // Forced switching: let a waiting thread in before asking again.
            while next < hi && gil.waiting.load(Ordering::SeqCst) > 0 && gil.taken.load(Ordering::SeqCst) == mine {
                std::hint::spin_loop();
            }
        }
        total.fetch_add(sum, Ordering::Relaxed);
    });
    (!ctx.cancelled()).then(|| ModeRun {
        ms: log.now() - t0,
        checksum: total.into_inner(),
        bytes_copied: 0,
        switches: gil.switches.into_inner(),
    })
}

pub fn free_threads(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, job: &Job) -> Option<ModeRun> {
    let total = AtomicU64::new(0);
    let t0 = log.now();
    run_threads(job.threads, |i| {
        let (lo, hi) = part(job.items, job.threads, i);
        if ctx.cancelled() {
            return;
        }
        let r = log.timed(
            &format!("thread {i}"),
            State::Running,
            None,
            |_| format!("thread {i} · free-threaded · items [{lo}, {hi})"),
            || spin_pieces(ctx, lo, hi, job.rounds),
        );
        total.fetch_add(r, Ordering::Relaxed);
    });
    (!ctx.cancelled()).then(|| ModeRun { ms: log.now() - t0, checksum: total.into_inner(), bytes_copied: 0, switches: 0 })
}

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let job = Job {
        threads: resolve_threads(ctx, p.int("threads"))?,
        items: p.int("items") as u64,
        rounds: p.int("rounds") as u32,
        switch_ms: p.int("switch") as f64 / 1000.0,
    };
    // Warm up (the browser optimizes wasm after its first calls) before timing.
    let (lo, hi) = part(job.items, 16, 0);
    warm_up(ctx, || {
        std::hint::black_box(spin_pieces(ctx, lo, hi, job.rounds));
    });
    let log = WorkLog::new(ctx);
    let finish = |log: WorkLog<'_>, stopped| {
        let mut lanes = vec!["main".to_owned()];
        lanes.extend((0..job.threads).map(|i| format!("thread {i}")));
        lanes.extend((0..job.threads).map(|i| format!("process {i}")));
        Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, stopped))
    };
    let mut best: Option<[ModeRun; 4]> = None;
    let mut costs = ProcCosts::default();
    for _ in 0..p.int("reps").max(1) {
        // Processes first: the browser tears their workers down after the
        // mode, on other threads; that settles while the free threads run,
        // not while sequential and GIL threads (the pair compared) are timed.
        // Stop seen in the warm-up or the last round: no processes started.
        if ctx.cancelled() {
            return finish(log, true);
        }
        log.event("gil_processes", "");
        let Some((procs, c)) = processes(ctx, &log, &job)? else { return finish(log, true) };
        log.event("gil_free", "");
        let Some(free) = free_threads(ctx, &log, &job) else { return finish(log, true) };
        log.event("gil_sequential", "");
        let Some(seq) = sequential(ctx, &log, &job) else { return finish(log, true) };
        log.event("gil_threads", "");
        let Some(gil) = gil_threads(ctx, &log, &job) else { return finish(log, true) };
        let now = [seq, gil, free, procs];
        for (name, m) in [("GIL threads", &gil), ("free threads", &free), ("processes", &procs)] {
            if m.checksum != seq.checksum {
                return Err(RunError::Workload(format!("{name} computed {:#x}, sequential {:#x}", m.checksum, seq.checksum)));
            }
        }
        best = Some(match best {
            None => now,
            Some(b) => std::array::from_fn(|i| if now[i].ms < b[i].ms { now[i] } else { b[i] }),
        });
        if best.map(|b| b[3]) == Some(procs) {
            costs = c;
        }
    }
    let Some([seq, gil, free, procs]) = best else { return finish(log, true) };
    let ratio = |m: &ModeRun| if seq.ms > 0.0 { m.ms / seq.ms } else { 0.0 };
    log.result("seq_ms", seq.ms);
    log.result("gil_ms", gil.ms);
    log.result("free_ms", free.ms);
    log.result("process_ms", procs.ms);
    log.result("gil_x", ratio(&gil));
    log.result("free_x", ratio(&free));
    log.result("process_x", ratio(&procs));
    log.result("bytes_copied", procs.bytes_copied as f64);
    log.result("gil_switches", gil.switches as f64);
    // The processes' own costs, from the run whose time counts.
    log.result("proc_start_ms", costs.start_up_ms);
    log.result("proc_copy_ms", costs.copy_ms);
    if let Some(n) = costs.saw_page {
        log.result("procs_saw_page", n);
    }
    if let Some(mb) = costs.memory_mb {
        log.result("proc_memory_mb", (mb * 100.0).round() / 100.0);
    }
    finish(log, false)
}
