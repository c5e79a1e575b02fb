//! Lesson: the GIL is released while a thread waits on I/O. The same pool of
//! `threads` threads runs three batches of `n` jobs one after another:
//! I/O-bound (each job waits `io` ms), CPU-bound (each computes `cpu` ms) and
//! mixed (each fetches, then computes). Waiting drops the GIL, computing holds
//! it, and a holder gives it up after the switch interval when another thread
//! waits for it. So I/O-bound threads scale, CPU-bound ones do not, and the
//! mix scales until the computing alone fills the one GIL.
//!
//! The schedule is CPython's, modelled exactly (`scenarios::pymodel`) and
//! recorded on the run's clock; `python/gilio.py` runs the same batches with
//! real CPython threads (`time.sleep` releases the GIL, a busy loop holds it).

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::{BarSource, LaneKind, Outcome};
use crate::engine::RunError;
use crate::scenarios::pymodel::{self, Costs, Jobs, Model, Setup, CPYTHON};
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "gilio",
    params: &[
        ParamSpec::int("n", 1, 200, 8),
        ParamSpec::int("threads", 1, 64, 4),
        // ms a job waits on I/O / computes.
        ParamSpec::int("io", 0, 10_000, 100),
        ParamSpec::int("cpu", 0, 10_000, 25),
        // Switch interval, µs (sys.getswitchinterval() is 5 ms).
        ParamSpec::int("switch", 100, 100_000, 5_000),
    ],
    // Light on computing: CPython's busy loop is what a loaded machine slows.
    cpython: &[("n", "4"), ("threads", "4"), ("io", "500"), ("cpu", "1"), ("switch", "5000")],
    extras: &[],
    // Its model of CPython runs every job in one loop step: 80 ms at its largest sizes.
    heavy_steps: true,
    run: Run::Async(run),
};

/// The three batches: (id, the job).
pub fn batches(n: usize, io: f64, cpu: f64) -> [(&'static str, Jobs); 3] {
    [
        ("io", Jobs { n, io_ms: io, cpu_ms: 0.0, kb: 0.0 }),
        ("cpu", Jobs { n, io_ms: 0.0, cpu_ms: cpu, kb: 0.0 }),
        ("mixed", Jobs { n, io_ms: io, cpu_ms: cpu, kb: 0.0 }),
    ]
}

/// The lesson's costs: CPython's, with the chosen switch interval.
pub fn costs(p: &Params) -> Costs {
    Costs { switch_ms: p.int("switch") as f64 / 1000.0, ..CPYTHON }
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let (n, threads) = (p.int("n") as usize, p.int("threads") as usize);
        let costs = costs(&p);
        let lanes: Vec<LaneId> = (0..threads).map(|i| rec.lane(format!("thread {i}"), LaneKind::Worker)).collect();
        let one = Setup { threads: 1, processes: 1, cores: 1 };
        let many = Setup { threads, processes: 1, cores: 1 };
        for (id, jobs) in batches(n, p.int("io") as f64, p.int("cpu") as f64) {
            let t0 = rt.now();
            rec.event(None, &format!("gilio_{id}"), None, t0);
            let s = pymodel::simulate(Model::ThreadsGil, &jobs, &many, &costs);
            pymodel::record(&rec, &s, &lanes, t0);
            // The run takes the schedule's time on its own clock.
            rt.sleep(s.makespan).await;
            let alone = pymodel::simulate(Model::ThreadsGil, &jobs, &one, &costs).makespan;
            rec.result(&format!("{id}_1_ms"), alone);
            rec.result(&format!("{id}_ms"), s.makespan);
            rec.result(&format!("{id}_x"), if s.makespan > 0.0 { alone / s.makespan } else { 1.0 });
            rec.bar(id, "threads_1", alone, BarSource::Modelled);
            rec.bar(id, "threads_n", s.makespan, BarSource::Modelled);
        }
        let end = rt.now();
        for l in lanes {
            rec.finish_lane(l, Outcome::Done, end);
        }
        Ok(())
    })
}
