//! A thread-count sweep of one chunked CPU job: warm up, then for each
//! repetition run the job with 1, 2, … `max_threads` lanes on the pool,
//! check every step computes the same answer, and record worker lanes, one
//! span per chunk, step markers and the timing of each step. CPU lessons
//! supply the chunk function and how to describe and combine results.

use super::cpu::{run_lanes, warm_up, ChunkRun, CpuCtx};
use super::recorder::{self, LaneId, Recorder};
use super::trace::{ClockKind, LaneKind, State, SweepPoint, Trace};
use super::RunError;
use std::collections::BTreeMap;

/// Upper bound of every sweeping lesson's `threads` parameter.
pub const THREADS_MAX: i64 = 64;

pub struct Job<'a, R> {
    pub scenario: &'a str,
    pub params: BTreeMap<String, String>,
    /// `threads` parameter: 0 = every pool thread.
    pub threads: usize,
    pub reps: u32,
    pub chunks: usize,
    /// Computes chunk `i`. Should be `#[inline(never)]` work (see `workloads`).
    pub work: &'a (dyn Fn(usize) -> R + Sync),
    /// Hover label of one chunk's span.
    pub label: &'a dyn Fn(&ChunkRun<R>) -> String,
    /// The answer of one whole step, from its chunks; every step must agree.
    pub combine: &'a dyn Fn(&[ChunkRun<R>]) -> R,
}

/// Runs the sweep; the trace's `meta.results` is left for the caller to fill
/// from the returned answer (`None` when stopped before any step finished).
pub fn run<R: Send + PartialEq + std::fmt::Debug>(ctx: &CpuCtx<'_>, job: Job<'_, R>) -> Result<(Trace, Option<R>), RunError> {
    let pool = ctx.pool_threads.max(1);
    let max_threads = match job.threads {
        0 => pool,
        t if t > pool => {
            return Err(RunError::Environment(format!(
                "threads = {t}, but the pool has {pool} threads (this machine's hardwareConcurrency)"
            )))
        }
        t => t,
    };
    // Warm up on a representative chunk before anything is timed.
    warm_up(ctx, || {
        std::hint::black_box((job.work)(std::hint::black_box(job.chunks / 2)));
    });

    let origin = ctx.now();
    let rec = Recorder::new();
    // One lane per pool worker, in worker order, even for workers left idle.
    let mut lanes: BTreeMap<usize, LaneId> =
        (0..pool).map(|w| (w, rec.lane(worker_name(w), LaneKind::Worker))).collect();
    let mut sweep = Vec::new();
    let mut answer: Option<R> = None;
    let mut stopped = false;
    for k in (1..=job.reps.max(1)).flat_map(|_| 1..=max_threads) {
        let t0 = ctx.now();
        let Some(runs) = run_lanes(ctx, k, job.chunks, job.work) else {
            stopped = true;
            break;
        };
        let t1 = ctx.now();
        let step = (job.combine)(&runs);
        match &answer {
            Some(first) if *first != step => {
                return Err(RunError::Workload(format!("{k} threads computed {step:?}, the first step {first:?}")))
            }
            Some(_) => {}
            None => answer = Some(step),
        }
        for r in &runs {
            let lane = *lanes.entry(r.worker).or_insert_with(|| rec.lane(worker_name(r.worker), LaneKind::Worker));
            rec.span(lane, State::Running, r.start_ms - origin, r.end_ms - origin, Some(format!("{k} threads · {}", (job.label)(r))));
        }
        rec.event(None, "sweep_step", Some(k.to_string()), t0 - origin);
        sweep.push(SweepPoint { threads: k as u32, ms: t1 - t0, start_ms: t0 - origin, end_ms: t1 - origin });
    }
    let mut meta = recorder::meta(job.scenario, job.params, ClockKind::Native);
    meta.stopped = stopped;
    meta.pool_threads = Some(pool as u32);
    meta.sweep = sweep;
    Ok((rec.finish(meta, ctx.now() - origin), answer))
}

fn worker_name(w: usize) -> String {
    if w == usize::MAX {
        "caller".into()
    } else {
        format!("worker {w}")
    }
}
