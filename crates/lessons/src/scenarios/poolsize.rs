//! CPU lesson: the pool-size benchmark. A fixed amount of tiny work (a few
//! nanoseconds per item) is timed, repeatedly, on 1, 2, … N threads (mean,
//! median, spread, best pool size, Amdahl fit), and then at chunk sizes 1, 10,
//! 100, … on 1 and N threads: when a task is only a few items, taking it,
//! timing it and reporting it costs more than the work, and adding threads
//! makes things worse (they fight over the shared counter and the results).
//!
//! `fail_at` is a teaching aid for "what happens when a task fails": that
//! chunk returns an error, the other lanes stop taking chunks, the run reports
//! which chunk failed, and the pool stays ready for the next run.

use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep::{self, ParamSweep};
use crate::engine::trace::Trace;
use crate::engine::workloads::mix::mix_range;
use crate::engine::workloads::{chunk_range, n_chunks};
use crate::engine::RunError;

/// Most chunks the thread sweep may cut the work into: each is a span on the
/// timeline, once per thread count and repetition.
pub const MAX_SPAN_CHUNKS: usize = 10_000;
/// Most chunks a chunk-size step may have (smaller sizes are skipped): each
/// chunk's report is kept in memory until the step ends.
pub const MAX_SWEEP_CHUNKS: u64 = 1_000_000;
/// Items between two looks at the Stop flag inside one chunk, so even a single
/// huge chunk stops promptly.
const CANCEL_EVERY: u64 = 4096;

pub static SCENARIO: Scenario = Scenario::cpu(
    "poolsize",
    &[
        ParamSpec::int("items", 1_000, 5_000_000, 200_000),
        // Mixing rounds per item: the size of one item's work.
        ParamSpec::int("work", 1, 1_000, 40),
        // Chunk size of the thread sweep.
        ParamSpec::int("chunk", 1, 5_000_000, 2_000),
        sweep::THREADS,
        ParamSpec::int("reps", 1, 20, 5),
        // Index of a chunk whose task fails (−1 = none).
        ParamSpec::int("fail_at", -1, 5_000_000, -1),
    ],
    run,
);

/// Chunk sizes of the chunk sweep: powers of ten up to `items`, skipping sizes
/// that would cut the work into more than [`MAX_SWEEP_CHUNKS`] chunks.
pub fn chunk_sizes(items: u64) -> Vec<u64> {
    std::iter::successors(Some(1u64), |c| c.checked_mul(10))
        .take_while(|&c| c <= items)
        .filter(|&c| items.div_ceil(c) <= MAX_SWEEP_CHUNKS)
        .collect()
}

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let items = p.int("items") as u64;
    let rounds = p.int("work") as u32;
    let chunk = p.int("chunk") as u64;
    let fail_at = usize::try_from(p.int("fail_at")).ok();
    let chunks = n_chunks(items, chunk);
    if chunks > MAX_SPAN_CHUNKS {
        return Err(RunError::Environment(format!(
            "chunk = {chunk} cuts {items} items into {chunks} chunks; the thread sweep draws each one, so use at most \
             {MAX_SPAN_CHUNKS} chunks (chunk ≥ {}). The chunk-size chart still goes down to 1.",
            items.div_ceil(MAX_SPAN_CHUNKS as u64)
        )));
    }
    // One range of items, checking Stop now and then so a huge chunk ends promptly.
    let range = |lo: u64, hi: u64| -> Result<u64, String> {
        let mut acc = 0u64;
        let mut a = lo;
        while a < hi {
            if ctx.cancelled() {
                return Err("stopped".into());
            }
            let b = (a + CANCEL_EVERY).min(hi);
            acc = acc.wrapping_add(mix_range(a, b, rounds));
            a = b;
        }
        Ok(acc)
    };
    let work = |i: usize| -> Result<u64, String> {
        if fail_at == Some(i) {
            return Err(format!("injected failure (fail_at = {i})"));
        }
        let (lo, hi) = chunk_range(items, chunk, i);
        range(lo, hi)
    };
    let label = |r: &ChunkRun<Result<u64, String>>| {
        let (lo, hi) = chunk_range(items, chunk, r.chunk);
        format!("chunk {} [{lo}, {hi})", r.chunk)
    };
    let combine = |runs: &[ChunkRun<Result<u64, String>>]| {
        runs.iter().try_fold(0u64, |acc, r| r.result.as_ref().map(|v| acc.wrapping_add(*v)).map_err(Clone::clone))
    };
    let job = sweep::Job::new(SCENARIO.id, p, chunks, &work, &label, &combine);
    let (mut trace, sum) = sweep::try_run(ctx, job)?;
    let Some(sum) = sum.filter(|_| !trace.meta.stopped) else { return Ok(trace) };

    // Chunk sizes at 1 thread and at the most threads swept.
    let max_threads = trace.meta.sweep.iter().map(|s| s.threads as usize).max().unwrap_or(1);
    let mut lanes = vec![1, max_threads];
    lanes.dedup();
    let sizes = chunk_sizes(items);
    let sweep_work = |size: u64, i: usize| {
        let (lo, hi) = chunk_range(items, size, i);
        range(lo, hi)
    };
    let axis = ParamSweep {
        param: "chunk",
        values: &sizes,
        lanes: &lanes,
        chunks: &|size| n_chunks(items, size),
        work: &sweep_work,
        combine: &|runs: &[ChunkRun<u64>]| runs.iter().fold(0u64, |a, r| a.wrapping_add(r.result)),
    };
    match sweep::param_sweep(ctx, &axis, Some(&sum))? {
        Some(points) => {
            let at_max = points.iter().filter(|q| q.threads as usize == max_threads);
            if let Some(best) = at_max.clone().min_by(|a, b| a.ms.total_cmp(&b.ms)) {
                trace.meta.results.insert("best_chunk".into(), best.value);
                if let Some(tiny) = at_max.clone().find(|q| q.value == 1.0) {
                    trace.meta.results.insert("tiny_chunk_slowdown_x".into(), tiny.ms / best.ms.max(1e-9));
                }
            }
            trace.meta.param_sweep = points;
        }
        None => trace.meta.stopped = true,
    }
    Ok(trace)
}
