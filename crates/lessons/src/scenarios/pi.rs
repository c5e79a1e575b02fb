//! CPU lesson: Monte Carlo π on 1, 2, … N threads. Every chunk has its own
//! seeded stream, so each thread count must produce the very same estimate;
//! only the time changes. The estimate's error shrinks like 1/√samples.

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::Trace;
use crate::engine::workloads::montecarlo::{estimate, hits};
use crate::engine::workloads::n_chunks;
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "pi",
    &[
        ParamSpec::int("samples", 1_000, 500_000_000, 20_000_000),
        ParamSpec::int("chunk", 1_000, 50_000_000, 250_000),
        sweep::THREADS,
        sweep::REPS,
        ParamSpec::SEED,
    ],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_pi"))]);

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (samples, chunk, seed) = (p.int("samples") as u64, p.int("chunk") as u64, p.int("seed") as u64);
    let work = |i: usize| hits(seed, samples, chunk, i as u64);
    let label = |r: &ChunkRun<u64>| format!("chunk {} · {} hits", r.chunk, r.result);
    let job = sweep::Job::new(SCENARIO.id, p, n_chunks(samples, chunk), &work, &label, &|runs: &[ChunkRun<u64>]| {
        runs.iter().map(|r| r.result).sum()
    });
    let (mut trace, inside) = sweep::run(ctx, job)?;
    if let Some(h) = inside {
        let pi = estimate(h, samples);
        trace.meta.results.insert("pi_estimate".into(), pi);
        trace.meta.results.insert("pi_estimate_error".into(), (pi - std::f64::consts::PI).abs());
    }
    Ok(trace)
}
