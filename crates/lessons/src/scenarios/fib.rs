//! CPU lesson: recursive Fibonacci, fork-join style. The call tree is cut at
//! `depth` into independent subtrees that 1, 2, … N lanes pull and compute
//! sequentially (an honest k-thread sweep on the one browser pool); then the
//! same fib(n) runs once with `rayon::join` on the whole pool, work stealing
//! doing the splitting. See `workloads::fib` for why join is not swept.

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::{Event, Trace};
use crate::engine::workloads::fib::{fib_iter, fib_join, fib_seq, split};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "fib",
    &[
        // Up to 42: about a second a step in wasm (scripts/bench.sh's large size).
        ParamSpec::int("n", 10, 42, 35),
        // 2^depth subtrees at most: enough to balance N lanes, few enough to be cheap.
        ParamSpec::int("depth", 0, 12, 6),
        // rayon::join down to this n, sequential below it.
        ParamSpec::int("cutoff", 2, 40, 20),
        sweep::THREADS,
        sweep::REPS,
    ],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_fib"))]);

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (n, cutoff) = (p.int("n") as u32, p.int("cutoff") as u32);
    let subtrees = split(n, p.int("depth") as u32);
    let work = |i: usize| subtrees.get(i).map_or(0, |&m| fib_seq(m));
    let label = |r: &ChunkRun<u64>| format!("subtree {} · fib({}) = {}", r.chunk, subtrees.get(r.chunk).copied().unwrap_or(0), r.result);
    let job = sweep::Job::new(SCENARIO.id, p, subtrees.len(), &work, &label, &|runs: &[ChunkRun<u64>]| runs.iter().map(|r| r.result).sum());
    let (mut trace, value) = sweep::run(ctx, job)?;
    let Some(v) = value else { return Ok(trace) };
    if v != fib_iter(n) {
        return Err(RunError::Workload(format!("fib({n}) came out {v}, not {}", fib_iter(n))));
    }
    trace.meta.results.insert("fib".into(), v as f64);
    trace.meta.results.insert("subtrees".into(), subtrees.len() as f64);
    if ctx.cancelled() {
        return Ok(trace);
    }
    // The fork-join run, on every pool thread, timed on the same clock.
    let origin = ctx.now() - trace.meta.makespan_ms;
    let t0 = ctx.now();
    let joined = fib_join(n, cutoff);
    let t1 = ctx.now();
    if joined != v {
        return Err(RunError::Workload(format!("rayon::join computed fib({n}) = {joined}, lanes {v}")));
    }
    // Not drawn as spans: rayon does not report which worker ran which half.
    trace.meta.results.insert("join_ms".into(), t1 - t0);
    let t_one = trace.meta.sweep.iter().filter(|s| s.threads == 1).map(|s| s.ms).fold(f64::INFINITY, f64::min);
    if t_one.is_finite() && t1 > t0 {
        trace.meta.results.insert("join_speedup_x".into(), t_one / (t1 - t0));
    }
    trace.events.push(Event { lane: None, t_ms: t0 - origin, name: "fork_join".into(), detail: Some(cutoff.to_string()) });
    trace.meta.makespan_ms = t1 - origin;
    Ok(trace)
}
