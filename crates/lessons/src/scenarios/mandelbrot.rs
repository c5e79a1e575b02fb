//! CPU lesson: the Mandelbrot set, one chunk = a band of rows, on 1, 2, … N
//! threads. Bands through the set cost far more than bands outside it, so
//! the timeline shows chunks of very different lengths, and dynamic pulling
//! keeps lanes busy anyway. The picture itself lands in the trace
//! (`meta.image`) and the page draws it.

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::{Raster, Trace};
use crate::engine::workloads::mandelbrot::{band, inside, n_bands, rows, total_iterations};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "mandelbrot",
    &[
        // 800 × 600 at most: the image travels in the trace (Raster::MAX_PIXELS).
        ParamSpec::int("width", 16, 800, 640),
        ParamSpec::int("height", 16, 600, 480),
        ParamSpec::int("max_iter", 10, 10_000, 300),
        ParamSpec::int("rows", 1, 600, 8),
        sweep::THREADS,
        sweep::REPS,
    ],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_mandelbrot"))]);

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (w, h, max_iter, per) = (p.int("width") as u32, p.int("height") as u32, p.int("max_iter") as u32, p.int("rows") as u32);
    let work = |i: usize| {
        let (y0, y1) = band(h, per, i);
        // Row by row, Stop asked between rows: one row is at most 800 pixels of
        // 10,000 steps (milliseconds); a band of 600 such rows takes seconds.
        ctx.fold_pieces(y0.into(), y1.into(), 1, Vec::with_capacity(((y1 - y0) * w) as usize), |mut px, a, b| {
            px.extend(rows(w, h, max_iter, a as u32, b as u32));
            px
        })
    };
    let label = |r: &ChunkRun<Vec<u16>>| {
        let (y0, y1) = band(h, per, r.chunk);
        format!("rows [{y0}, {y1}) · {} steps", total_iterations(&r.result))
    };
    // Bands in image order, whatever order they finished in.
    let combine = |runs: &[ChunkRun<Vec<u16>>]| {
        let mut sorted: Vec<&ChunkRun<Vec<u16>>> = runs.iter().collect();
        sorted.sort_by_key(|r| r.chunk);
        sorted.iter().flat_map(|r| r.result.iter().copied()).collect::<Vec<u16>>()
    };
    let job = sweep::Job::new(SCENARIO.id, p, n_bands(h, per), &work, &label, &combine);
    let (mut trace, image) = sweep::run(ctx, job)?;
    if let Some(data) = image {
        trace.meta.results.insert("points_inside".into(), inside(&data, max_iter) as f64);
        trace.meta.results.insert("iterations_total".into(), total_iterations(&data) as f64);
        let raster = Raster { width: w, height: h, max: max_iter as u16, data };
        raster.validate().map_err(RunError::Workload)?;
        trace.meta.image = Some(raster);
    }
    Ok(trace)
}
