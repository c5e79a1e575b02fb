//! CPU lesson: work stealing made visible. `tasks` tasks of uneven, seeded
//! sizes run twice on the whole pool:
//!
//! - **static**: the tasks are cut into one contiguous block per worker up
//!   front; a worker that drew light tasks sits idle while another still has
//!   heavy ones (idle gaps at the end of lanes);
//! - **stealing**: recursive `rayon::join` halves; each `join` queues its
//!   second half on the current worker's deque, and an idle worker steals it.
//!   Every task's span says which worker queued the half it begins and which
//!   ran it: each task after the first begins exactly one second half (the
//!   split at its index), which its runner took from that worker's deque, or
//!   stole. So the steals are exactly the spans whose two workers differ.
//!
//! The pool is the one global rayon pool, so this lesson always uses all of
//! its threads (a `threads` parameter could not limit `join`).

use super::Scenario;
use crate::engine::cpu::{warm_up, CpuCtx};
use crate::engine::latency::SplitMix64;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::trace::{State, Trace};
use crate::engine::workloads::busy::{part, spin};
use crate::engine::worklog::{run_threads, worker_lane, Entry, WorkLog};
use crate::engine::RunError;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

pub static SCENARIO: Scenario = Scenario::cpu(
    "stealing",
    &[
        ParamSpec::int("tasks", 1, 5_000, 200),
        // Mean task size, in thousands of mixer rounds (~1 µs each natively).
        ParamSpec::int("size", 1, 10_000, 100),
        ParamSpec::choice("skew", &["uniform", "heavy"], "heavy"),
        ParamSpec::SEED,
    ],
    run,
);

/// Rounds of each task. `uniform`: 0.5–1.5 × mean; `heavy`: one task in ten
/// is 5.5 × mean, the rest 0.5 × mean (same mean, long tail).
pub fn sizes(tasks: usize, mean_k: u32, skew: &str, seed: u64) -> Vec<u32> {
    let mean = f64::from(mean_k) * 1000.0;
    let mut rng = SplitMix64::new(seed);
    (0..tasks)
        .map(|_| {
            let u = rng.next_f64();
            let f = if skew == "heavy" {
                if u < 0.1 {
                    5.5
                } else {
                    0.5
                }
            } else {
                0.5 + u
            };
            (mean * f).round().max(1.0) as u32
        })
        .collect()
}

/// What one way of scheduling measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub ms: f64,
    /// Times each task ran (the checks want all ones).
    pub runs: Vec<u32>,
    pub steals: u64,
    /// Worker time not spent in a task, summed over the pool's workers.
    pub idle_ms: f64,
}

fn run_task(log: &WorkLog<'_>, sizes: &[u32], i: usize, how: &'static str, queued_on: Option<usize>, runs: &[AtomicU32]) {
    let lane = worker_lane();
    let here = lane.trim_start_matches("worker ").to_owned();
    let from = queued_on.map_or("main".to_owned(), |w| format!("worker {w}"));
    let t0 = log.now();
    std::hint::black_box(spin(i as u64, sizes[i]));
    let label = format!("{how} · task {i} · {} rounds · queued on {from} · ran on worker {here}", sizes[i]);
    log.span(lane, State::Running, Some(how), t0, log.now(), label);
    runs[i].fetch_add(1, Ordering::Relaxed);
}

pub fn static_blocks(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, sizes: &[u32], workers: usize) -> Schedule {
    let runs: Vec<AtomicU32> = sizes.iter().map(|_| AtomicU32::new(0)).collect();
    let t0 = log.now();
    run_threads(workers, |w| {
        let (lo, hi) = part(sizes.len() as u64, workers, w);
        let me = rayon::current_thread_index();
        for i in lo as usize..hi as usize {
            if ctx.cancelled() {
                return;
            }
            run_task(log, sizes, i, "static", me, &runs);
        }
    });
    finish(log, t0, runs, 0, workers)
}

pub fn stealing(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, sizes: &[u32], workers: usize) -> Schedule {
    let runs: Vec<AtomicU32> = sizes.iter().map(|_| AtomicU32::new(0)).collect();
    let steals = AtomicU64::new(0);
    let t0 = log.now();
    let go = Go { ctx, log, sizes, runs: &runs, steals: &steals };
    // join from outside the pool (a native test) moves the whole call into it.
    rayon::join(|| go.split(0, sizes.len(), rayon::current_thread_index()), || ());
    finish(log, t0, runs, steals.into_inner(), workers)
}

struct Go<'a, 'c> {
    ctx: &'a CpuCtx<'c>,
    log: &'a WorkLog<'c>,
    sizes: &'a [u32],
    runs: &'a [AtomicU32],
    steals: &'a AtomicU64,
}

impl Go<'_, '_> {
    /// `queued_on`: the worker that queued the second half beginning at `lo`
    /// (the first half of a split begins where its parent does, and inherits it).
    fn split(&self, lo: usize, hi: usize, queued_on: Option<usize>) {
        if self.ctx.cancelled() || lo >= hi {
            return;
        }
        if hi - lo == 1 {
            return run_task(self.log, self.sizes, lo, "stealing", queued_on, self.runs);
        }
        let mid = lo + (hi - lo) / 2;
        let me = rayon::current_thread_index();
        rayon::join(
            || self.split(lo, mid, queued_on),
            || {
                if rayon::current_thread_index() != me {
                    self.steals.fetch_add(1, Ordering::Relaxed);
                }
                self.split(mid, hi, me)
            },
        );
    }
}

fn finish(log: &WorkLog<'_>, t0: f64, runs: Vec<AtomicU32>, steals: u64, workers: usize) -> Schedule {
    let t1 = log.now();
    Schedule {
        ms: t1 - t0,
        runs: runs.into_iter().map(AtomicU32::into_inner).collect(),
        steals,
        idle_ms: idle(&log.entries(), t0, t1, workers),
    }
}

/// Worker time inside `[t0, t1]` not covered by a span, summed over workers.
pub fn idle(entries: &[Entry], t0: f64, t1: f64, workers: usize) -> f64 {
    let busy: f64 =
        entries.iter().filter(|e| e.lane.starts_with("worker ") && e.start_ms >= t0 && e.end_ms <= t1).map(|e| e.end_ms - e.start_ms).sum();
    ((t1 - t0) * workers as f64 - busy).max(0.0)
}

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let workers = ctx.pool_threads.max(1);
    let sizes = sizes(p.int("tasks") as usize, p.int("size") as u32, p.choice("skew"), p.int("seed") as u64);
    let smallest = sizes.iter().copied().min().unwrap_or(1);
    warm_up(ctx, || {
        std::hint::black_box(spin(0, smallest));
    });
    let log = WorkLog::new(ctx);
    let lanes: Vec<String> = (0..workers).map(|w| format!("worker {w}")).collect();
    log.event("stealing_blocks", "");
    let st = static_blocks(ctx, &log, &sizes, workers);
    let stolen = if ctx.cancelled() {
        None
    } else {
        log.event("stealing_join", "");
        Some(stealing(ctx, &log, &sizes, workers))
    };
    let Some(ws) = stolen.filter(|_| !ctx.cancelled()) else {
        return Ok(log.finish(SCENARIO.id, p.to_strings(), workers, &lanes, true));
    };
    for (name, s) in [("static", &st), ("stealing", &ws)] {
        if let Some(i) = s.runs.iter().position(|&n| n != 1) {
            return Err(RunError::Workload(format!("{name}: task {i} ran {} times", s.runs[i])));
        }
    }
    log.result("static_ms", st.ms);
    log.result("stealing_ms", ws.ms);
    log.result("static_idle_ms", st.idle_ms);
    log.result("stealing_idle_ms", ws.idle_ms);
    log.result("steals", ws.steals as f64);
    Ok(log.finish(SCENARIO.id, p.to_strings(), workers, &lanes, false))
}
