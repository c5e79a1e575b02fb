//! CPU lesson: map-reduce. Sales records (region, amount) are generated from a
//! seed; each chunk maps its records into per-region totals, and the reduce
//! merges the maps. The totals are exact integers, so every thread count and
//! every merge order gives the same answer.

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::Trace;
use crate::engine::workloads::mapreduce::{map_range, merge, Totals, REGIONS};
use crate::engine::workloads::{chunk_range, n_chunks};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "mapreduce",
    &[
        ParamSpec::int("records", 1, 100_000_000, 5_000_000),
        ParamSpec::int("chunk", 1_000, 100_000_000, 100_000),
        sweep::THREADS,
        sweep::REPS,
        ParamSpec::SEED,
    ],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_mapreduce"))]);

/// Records mapped between two looks at Stop inside a chunk (about 1.5 ms; a
/// chunk of 10⁸ records takes seconds).
const PIECE: u64 = 1 << 16;

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (records, chunk, seed) = (p.int("records") as u64, p.int("chunk") as u64, p.int("seed") as u64);
    let range = |i: usize| chunk_range(records, chunk, i);
    let work = |i: usize| {
        let (lo, hi) = range(i);
        ctx.fold_pieces(lo, hi, PIECE, Totals::new(), |mut acc, a, b| {
            merge(&mut acc, &map_range(seed, a, b));
            acc
        })
    };
    let label = |r: &ChunkRun<Totals>| {
        let (lo, hi) = range(r.chunk);
        format!("map records [{lo}, {hi})")
    };
    let combine = |runs: &[ChunkRun<Totals>]| {
        let mut acc = Totals::new();
        for r in runs {
            merge(&mut acc, &r.result);
        }
        acc
    };
    let job = sweep::Job::new(SCENARIO.id, p, n_chunks(records, chunk), &work, &label, &combine);
    let (mut trace, totals) = sweep::run(ctx, job)?;
    if let Some(t) = totals {
        let res = &mut trace.meta.results;
        for region in REGIONS {
            res.insert(format!("sales_{region}"), t.get(region).map_or(0, |e| e.1) as f64);
        }
        res.insert("sales_total".into(), t.values().map(|e| e.1).sum::<u64>() as f64);
        res.insert("records_counted".into(), t.values().map(|e| e.0).sum::<u64>() as f64);
    }
    Ok(trace)
}
