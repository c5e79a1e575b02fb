//! CPU lesson: count primes below a bound on 1, 2, … N threads of the pool and
//! compare. One lane per pool worker shows which chunks it ran; the sweep gives
//! speedup and efficiency against the ideal line.

use super::{Exec, Kind, Scenario};
use crate::engine::cpu::{run_lanes, warm_up, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::{self, LaneId, Recorder};
use crate::engine::trace::{ClockKind, LaneKind, State, SweepPoint, Trace};
use crate::engine::workloads::primes::{chunk_range, count_range, n_chunks};
use crate::engine::RunError;
use std::collections::BTreeMap;

pub static SCENARIO: Scenario = Scenario {
    id: "primes",
    kind: Kind::Cpu,
    params: &[
        ParamSpec::int("bound", 10, 50_000_000, 3_000_000),
        ParamSpec::int("chunk", 100, 10_000_000, 50_000),
        // 0 = every thread the pool has.
        ParamSpec::int("threads", 0, 64, 0),
        // Whole sweeps to run; each thread count reports its best time, so a
        // one-off hiccup of a busy machine does not pass for a speedup.
        ParamSpec::int("reps", 1, 10, 2),
    ],
    python: include_str!("../../python/primes.py"),
    exec: Exec::Cpu(run),
};

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let bound = p.int("bound") as u64;
    let chunk = p.int("chunk") as u64;
    let pool = ctx.pool_threads.max(1);
    let max_threads = match p.int("threads") as usize {
        0 => pool,
        t if t > pool => {
            return Err(RunError::Environment(format!(
                "threads = {t}, but the pool has {pool} threads (this machine's hardwareConcurrency)"
            )))
        }
        t => t,
    };
    let chunks = n_chunks(bound, chunk);
    // Warm up on a representative chunk before anything is timed.
    let (lo, hi) = chunk_range(bound, chunk, chunks / 2);
    warm_up(ctx, || {
        std::hint::black_box(count_range(std::hint::black_box(lo), hi));
    });

    let origin = ctx.now();
    let rec = Recorder::new();
    // One lane per pool worker, in worker order, even for workers left idle.
    let mut lanes: BTreeMap<usize, LaneId> =
        (0..pool).map(|w| (w, rec.lane(worker_name(w), LaneKind::Worker))).collect();
    let mut sweep = Vec::new();
    let mut found = None;
    let mut stopped = false;
    let steps = (1..=p.int("reps").max(1)).flat_map(|_| 1..=max_threads);
    for k in steps {
        let t0 = ctx.now();
        let Some(runs) = run_lanes(ctx, k, chunks, |i| {
            let (lo, hi) = chunk_range(bound, chunk, i);
            count_range(lo, hi)
        }) else {
            stopped = true;
            break;
        };
        let t1 = ctx.now();
        let total: u64 = runs.iter().map(|r| r.result).sum();
        if *found.get_or_insert(total) != total {
            return Err(RunError::Workload(format!("{k} threads counted {total} primes, the first step counted {found:?}")));
        }
        for r in &runs {
            let lane = *lanes
                .entry(r.worker)
                .or_insert_with(|| rec.lane(worker_name(r.worker), LaneKind::Worker));
            let (lo, hi) = chunk_range(bound, chunk, r.chunk);
            let label = format!("{k} threads · chunk {} [{lo}, {hi}) · {} primes", r.chunk, r.result);
            rec.span(lane, State::Running, r.start_ms - origin, r.end_ms - origin, Some(label));
        }
        rec.event(None, "sweep_step", Some(k.to_string()), t0 - origin);
        sweep.push(SweepPoint { threads: k as u32, ms: t1 - t0, start_ms: t0 - origin, end_ms: t1 - origin });
    }
    let mut meta = recorder::meta(SCENARIO.id, p.to_strings(), ClockKind::Native);
    meta.stopped = stopped;
    meta.pool_threads = Some(pool as u32);
    meta.sweep = sweep;
    if let Some(f) = found {
        meta.results.insert("primes_found".into(), f as f64);
    }
    Ok(rec.finish(meta, ctx.now() - origin))
}

fn worker_name(w: usize) -> String {
    if w == usize::MAX {
        "caller".into()
    } else {
        format!("worker {w}")
    }
}
