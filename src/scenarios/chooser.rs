//! Lesson: one job, every model. The same batch of `n` jobs, I/O-bound (each
//! waits `io` ms), CPU-bound (each computes `cpu` ms) and mixed (fetch, then
//! compute), runs under six of Python's models: sequential, threads with the
//! GIL, free-threaded threads, a process pool, asyncio, and asyncio with a
//! process pool. One grouped bar chart compares the 18 makespans; the
//! timeline shows the run picked by `job` and `model`; the verdict per job
//! type is computed from the makespans (every model within 10% of the best).
//!
//! The runs are CPython's schedules, modelled exactly (`engine::pymodel`):
//! process start-up and pickling cost what `python/chooser.py --measure`
//! measured on this machine ([`crate::engine::pymodel::CPYTHON`]), shown as
//! their own spans. `python/chooser.py` runs the same jobs for real.

use super::{Exec, Kind, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::pymodel::{self, Jobs, Model, Setup, CPYTHON};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::{LaneKind, Outcome};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

/// Job types, in chart order.
pub const JOBS: [&str; 3] = ["io_bound", "cpu_bound", "io_then_cpu"];

/// Models within this fraction of the fastest share the verdict.
pub const TOLERANCE: f64 = 0.10;

pub static SCENARIO: Scenario = Scenario {
    id: "chooser",
    kind: Kind::Async,
    params: &[
        ParamSpec::int("n", 1, 200, 12),
        ParamSpec::int("io", 0, 10_000, 200),
        ParamSpec::int("cpu", 0, 10_000, 100),
        // KB of input each job's computing needs (a response body).
        ParamSpec::int("kb", 0, 100_000, 100),
        ParamSpec::int("threads", 1, 64, 12),
        ParamSpec::int("processes", 1, 64, 2),
        ParamSpec::int("cores", 1, 64, 2),
        ParamSpec::choice("job", &JOBS, "io_then_cpu"),
        ParamSpec::choice("model", &Model::IDS, "asyncio_procs"),
    ],
    python: include_str!("../../python/chooser.py"),
    // The listing reports lanes for sequential, threads and asyncio runs.
    cpython: &[("n", "8"), ("threads", "4"), ("io", "300"), ("job", "io_bound"), ("model", "threads_gil")],
    exec: Exec::Async(run),
};

/// The job of each type for these parameters.
pub fn job(kind: &str, p: &Params) -> Jobs {
    let (n, io, cpu, kb) = (p.int("n") as usize, p.int("io") as f64, p.int("cpu") as f64, p.int("kb") as f64);
    match kind {
        "io_bound" => Jobs { n, io_ms: io, cpu_ms: 0.0, kb },
        "cpu_bound" => Jobs { n, io_ms: 0.0, cpu_ms: cpu, kb },
        _ => Jobs { n, io_ms: io, cpu_ms: cpu, kb },
    }
}

pub fn setup(p: &Params) -> Setup {
    Setup { threads: p.int("threads") as usize, processes: p.int("processes") as usize, cores: p.int("cores") as usize }
}

/// Every job type's makespans under every model: (job, [(model, ms)]).
pub fn table(p: &Params) -> Vec<(&'static str, Vec<(Model, f64)>)> {
    JOBS.iter().map(|&k| (k, pymodel::makespans(&job(k, p), &setup(p), &CPYTHON))).collect()
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        for (kind, times) in table(&p) {
            for &(m, ms) in &times {
                rec.bar(kind, m.id(), ms);
            }
        }
        let model = Model::from_id(p.choice("model")).unwrap_or(Model::AsyncioPool);
        let kind = p.choice("job");
        let s = pymodel::simulate(model, &job(kind, &p), &setup(&p), &CPYTHON);
        let lanes: Vec<LaneId> = s.lanes.iter().map(|l| rec.lane(l.clone(), LaneKind::Worker)).collect();
        let t0 = rt.now();
        rec.event(None, &format!("chooser_{kind}"), Some(model.id().to_owned()), t0);
        pymodel::record(&rec, &s, &lanes, t0);
        // The shown run takes its modelled time on the run's clock.
        rt.sleep(s.makespan).await;
        rec.result("start_up_ms", s.total(pymodel::Piece::Spawn));
        rec.result("pickling_ms", s.total(pymodel::Piece::CopyIn) + s.total(pymodel::Piece::CopyOut));
        let end = rt.now();
        for l in lanes {
            rec.finish_lane(l, Outcome::Done, end);
        }
        Ok(())
    })
}
