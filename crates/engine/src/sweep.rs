//! A thread-count sweep of one chunked CPU job: warm up, then for each
//! repetition run the job with 1, 2, … `max_threads` lanes on the pool,
//! check every step computes the same answer, and record worker lanes, one
//! span per chunk, step markers and the timing of each step. CPU lessons
//! supply the chunk function and how to describe and combine results.
//!
//! Chunk work may fail: [`try_run`] takes a job whose chunks return
//! `Result<T, String>` (same [`Job`] type, `R = Result<T, String>`), stops at
//! the first failed chunk and reports it as [`RunError::Workload`]. [`param_sweep`]
//! times the same work at several values of one parameter (e.g. chunk size).

use super::cpu::{run_lanes, try_run_lanes, warm_up, ChunkFailure, ChunkRun, CpuCtx};
use super::params::ParamSpec;
use super::recorder::{self, LaneId, Recorder};
use super::trace::{ClockKind, LaneKind, ParamPoint, State, SweepPoint, Trace};
use super::RunError;
use std::collections::BTreeMap;

/// Upper bound of every sweeping lesson's `threads` parameter.
pub const THREADS_MAX: i64 = 64;

/// The `threads` parameter of a lesson on the pool: 0 = every thread the pool has.
pub const THREADS: ParamSpec = ParamSpec::int("threads", 0, THREADS_MAX, 0);

/// The `reps` parameter [`Job::new`] reads: whole sweeps to run; each thread
/// count reports its best time, so a one-off hiccup of a busy machine does not
/// pass for a speedup.
pub const REPS: ParamSpec = ParamSpec::int("reps", 1, 10, 2);

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

impl<'a, R> Job<'a, R> {
    /// A CPU lesson's sweep, from its id and parameters (its `threads` and
    /// `reps` among them): the one preamble every CPU lesson shares.
    pub fn new(
        scenario: &'a str,
        p: &crate::params::Params,
        chunks: usize,
        work: &'a (dyn Fn(usize) -> R + Sync),
        label: &'a dyn Fn(&ChunkRun<R>) -> String,
        combine: &'a dyn Fn(&[ChunkRun<R>]) -> R,
    ) -> Self {
        Job {
            scenario,
            params: p.to_strings(),
            threads: p.int("threads") as usize,
            reps: p.int("reps") as u32,
            chunks,
            work,
            label,
            combine,
        }
    }
}

/// Runs the sweep; the trace's `meta.results` is left for the caller to fill
/// from the returned answer (`None` when stopped before any step finished).
pub fn run<R: Send + PartialEq + std::fmt::Debug>(ctx: &CpuCtx<'_>, job: Job<'_, R>) -> Result<(Trace, Option<R>), RunError> {
    let step = |k: usize| Ok(run_lanes(ctx, k, job.chunks, job.work));
    run_with(ctx, &job, &step)
}

/// [`run`] for fallible chunks: the first chunk that returns `Err` ends the
/// run with [`RunError::Workload`] naming the chunk, its worker and the
/// thread count; the pool stays usable for the next run.
pub fn try_run<T: Send + PartialEq + std::fmt::Debug>(
    ctx: &CpuCtx<'_>,
    job: Job<'_, Result<T, String>>,
) -> Result<(Trace, Option<T>), RunError> {
    let step = |k: usize| match try_run_lanes(ctx, k, job.chunks, job.work) {
        Ok(runs) => Ok(runs.map(|rs| {
            rs.into_iter()
                .map(|r| ChunkRun { chunk: r.chunk, worker: r.worker, start_ms: r.start_ms, end_ms: r.end_ms, result: Ok(r.result) })
                .collect()
        })),
        Err(f) => Err(chunk_error(&f, k)),
    };
    let (trace, answer) = run_with(ctx, &job, &step)?;
    Ok((trace, answer.transpose().map_err(RunError::Workload)?))
}

/// The message a learner sees when a chunk fails.
pub fn chunk_error(f: &ChunkFailure<String>, threads: usize) -> RunError {
    let who = if f.worker == usize::MAX { "the caller".to_owned() } else { format!("worker {}", f.worker) };
    RunError::Workload(format!("chunk {} failed on {who} (threads = {threads}): {}", f.chunk, f.error))
}

type Step<'s, R> = dyn Fn(usize) -> Result<Option<Vec<ChunkRun<R>>>, RunError> + 's;

fn run_with<R: Send + PartialEq + std::fmt::Debug>(
    ctx: &CpuCtx<'_>,
    job: &Job<'_, R>,
    step_fn: &Step<'_, R>,
) -> Result<(Trace, Option<R>), RunError> {
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
    let mut lanes: BTreeMap<usize, LaneId> = (0..pool).map(|w| (w, rec.lane(worker_name(w), LaneKind::Worker))).collect();
    let mut sweep = Vec::new();
    let mut answer: Option<R> = None;
    let mut stopped = false;
    ctx.progress.start(job.reps.max(1) * max_threads as u32);
    for k in (1..=job.reps.max(1)).flat_map(|_| 1..=max_threads) {
        let t0 = ctx.now();
        let Some(runs) = step_fn(k)? else {
            stopped = true;
            break;
        };
        // Work that bails out early on Stop may have returned partial answers
        // for its last chunks: a step that saw Stop is neither timed nor compared.
        if ctx.cancelled() {
            stopped = true;
            break;
        }
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
        ctx.progress.step();
    }
    let mut meta = recorder::meta(job.scenario, job.params.clone(), ClockKind::Native);
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

/// One parameter swept over `values` at each lane count in `lanes`, the rest
/// of the job fixed. Used for chunk size (how small can a task get before its
/// overhead dominates?), but any parameter that changes how work is cut fits.
pub struct ParamSweep<'a, T> {
    /// The parameter's key (stored in each [`ParamPoint`]).
    pub param: &'a str,
    pub values: &'a [u64],
    pub lanes: &'a [usize],
    /// Chunks at a value.
    pub chunks: &'a dyn Fn(u64) -> usize,
    /// Chunk `i` at a value.
    pub work: &'a (dyn Fn(u64, usize) -> Result<T, String> + Sync),
    /// The answer of one whole step; every step must agree with `expect`.
    pub combine: &'a dyn Fn(&[ChunkRun<T>]) -> T,
}

/// Times every (value, lanes) of `sweep` once, in that order; records no spans
/// (a chunk size of 1 would mean a span per item). Returns the points, or
/// `Ok(None)` when stopped. A step whose answer differs from `expect` (when
/// given) is an error: the cut of the work must not change the result.
pub fn param_sweep<T: Send + PartialEq + std::fmt::Debug>(
    ctx: &CpuCtx<'_>,
    sweep: &ParamSweep<'_, T>,
    expect: Option<&T>,
) -> Result<Option<Vec<ParamPoint>>, RunError> {
    let mut points = Vec::new();
    ctx.progress.start((sweep.values.len() * sweep.lanes.len()) as u32);
    for &value in sweep.values {
        for &k in sweep.lanes {
            let t0 = ctx.now();
            let runs = match try_run_lanes(ctx, k, (sweep.chunks)(value), |i| (sweep.work)(value, i)) {
                Ok(Some(runs)) => runs,
                Ok(None) => return Ok(None),
                Err(f) => return Err(chunk_error(&f, k)),
            };
            let ms = ctx.now() - t0;
            let answer = (sweep.combine)(&runs);
            if let Some(e) = expect.filter(|e| **e != answer) {
                return Err(RunError::Workload(format!("{} = {value} on {k} threads computed {answer:?}, expected {e:?}", sweep.param)));
            }
            points.push(ParamPoint { param: sweep.param.to_owned(), value: value as f64, threads: k as u32, ms });
            ctx.progress.step();
        }
    }
    Ok(Some(points))
}
