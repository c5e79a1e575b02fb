//! CPU lesson: count primes below a bound on 1, 2, … N threads of the pool and
//! compare. One lane per pool worker shows which chunks it ran; the sweep gives
//! speedup and efficiency against the ideal line.

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::Trace;
use crate::engine::workloads::primes::count_range;
use crate::engine::workloads::{chunk_range, n_chunks};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "primes",
    &[ParamSpec::int("bound", 10, 50_000_000, 3_000_000), ParamSpec::int("chunk", 100, 10_000_000, 50_000), sweep::THREADS, sweep::REPS],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_primes"))]);

/// Numbers counted between two looks at Stop inside a chunk (a few ms at 5·10⁷;
/// a whole chunk of 10⁷ numbers takes seconds).
const PIECE: u64 = 10_000;

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (bound, chunk) = (p.int("bound") as u64, p.int("chunk") as u64);
    let work = |i: usize| {
        let (lo, hi) = chunk_range(bound, chunk, i);
        ctx.fold_pieces(lo, hi, PIECE, 0, |n, a, b| n + count_range(a, b))
    };
    let label = |r: &ChunkRun<u64>| {
        let (lo, hi) = chunk_range(bound, chunk, r.chunk);
        format!("chunk {} [{lo}, {hi}) · {} primes", r.chunk, r.result)
    };
    let job = sweep::Job::new(SCENARIO.id, p, n_chunks(bound, chunk), &work, &label, &|runs: &[ChunkRun<u64>]| {
        runs.iter().map(|r| r.result).sum()
    });
    let (mut trace, found) = sweep::run(ctx, job)?;
    if let Some(f) = found {
        trace.meta.results.insert("primes_found".into(), f as f64);
    }
    Ok(trace)
}
