//! CPU lesson: the sum of squares 1² + … + n² on 1, 2, … N threads. The
//! simplest data-parallel reduction: each chunk sums its own range, the
//! partial sums are added, and the closed form n(n+1)(2n+1)/6 checks the answer.

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::Trace;
use crate::engine::workloads::n_chunks;
use crate::engine::workloads::sumsq::{chunk_range, closed_form, last9, sum_range};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "sumsq",
    &[
        // Below 2³²: each square fits a u64 (see `sum_range`).
        ParamSpec::int("n", 1, 2_000_000_000, 50_000_000),
        ParamSpec::int("chunk", 1_000, 1_000_000_000, 1_000_000),
        sweep::THREADS,
        sweep::REPS,
    ],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_sumsq"))]);

/// Numbers summed between two looks at Stop inside a chunk (about 2 ms; a
/// chunk of 10⁹ takes seconds).
const PIECE: u64 = 1 << 20;

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (n, chunk) = (p.int("n") as u64, p.int("chunk") as u64);
    let work = |i: usize| {
        let (lo, hi) = chunk_range(n, chunk, i);
        ctx.fold_pieces(lo, hi, PIECE, 0u128, |s, a, b| s.wrapping_add(sum_range(a, b)))
    };
    let label = |r: &ChunkRun<u128>| {
        let (lo, hi) = chunk_range(n, chunk, r.chunk);
        format!("chunk {} [{lo}, {hi})", r.chunk)
    };
    let job = sweep::Job::new(SCENARIO.id, p, n_chunks(n, chunk), &work, &label, &|runs: &[ChunkRun<u128>]| {
        runs.iter().fold(0u128, |a, r| a.wrapping_add(r.result))
    });
    let (mut trace, sum) = sweep::run(ctx, job)?;
    if let Some(s) = sum {
        if s != closed_form(n) {
            return Err(RunError::Workload(format!("sum {s} differs from n(n+1)(2n+1)/6 = {}", closed_form(n))));
        }
        trace.meta.results.insert("sum_squares".into(), s as f64);
        trace.meta.results.insert("sum_squares_last9".into(), last9(s) as f64);
    }
    Ok(trace)
}
