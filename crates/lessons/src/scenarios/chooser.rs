//! Lesson: one job, every model. The same batch of `n` jobs, I/O-bound (each
//! waits `io` ms), CPU-bound (each computes `cpu` ms) and mixed (fetch, then
//! compute), runs under six of Python's models: sequential, threads with the
//! GIL, free-threaded threads, a process pool, asyncio, and asyncio with a
//! process pool. One grouped bar chart compares the 18 makespans; the
//! timeline shows the run picked by `job` and `model`; the verdict per job
//! type is computed from the makespans (every model within 10% of the best).
//!
//! The 18 bars are CPython's schedules, modelled (`scenarios::pymodel`) with the
//! costs `python/chooser.py --measure` measured from CPython
//! ([`crate::scenarios::pymodel::CPYTHON`]), on both clocks: bars of source
//! [`BarSource::Modelled`], and the verdict is theirs alone.
//! `python/chooser.py` runs the same jobs for real.
//!
//! On the browser clock, where the page has a process pool
//! (the runtime's `Caps::processes`), the process pool and asyncio + process
//! pool are also run: Web Workers with their own memory, each job's input
//! copied in and its answer copied out by `postMessage`, start-up and copies
//! paid and drawn as their own spans. Those 6 makespans are extra bars of
//! source [`BarSource::Measured`], next to the modelled ones and never part
//! of the verdict; the results put their measured start-up and copy next to
//! CPython's. The timeline shows the measured run for those two models.

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::procpool::{AsyncProcessPool, ProcRun, Task};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::{BarSource, LaneKind, Outcome, State};
use crate::engine::RunError;
use crate::scenarios::pymodel::{self, Jobs, Model, Setup, CPYTHON};
use futures::future::LocalBoxFuture;
use std::rc::Rc;

/// Job types, in chart order.
pub const JOBS: [&str; 3] = ["io_bound", "cpu_bound", "io_then_cpu"];

/// Models within this fraction of the fastest share the verdict.
pub const TOLERANCE: f64 = 0.10;

pub static SCENARIO: Scenario = Scenario {
    id: "chooser",
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
    // The listing reports lanes for sequential, threads and asyncio runs.
    cpython: &[("n", "8"), ("threads", "4"), ("io", "300"), ("job", "io_bound"), ("model", "threads_gil")],
    // The timeline is one run among the many the lesson made (on the browser
    // clock, every pool run came before it): the generic numbers, over the
    // whole trace, would not describe it. Its own results describe the shown run.
    extras: &[super::extras::Extra::BarsPickRunWithVerdict, super::extras::Extra::Numbers(&[])],
    heavy_steps: true,
    run: Run::Async(run),
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

/// The models that run on a real process pool where the host has one.
pub const REAL: [Model; 2] = [Model::Processes, Model::AsyncioPool];

/// A real pool run of `kind` under `model` (one of [`REAL`]): its makespan
/// on the run's clock and its items, times shifted onto that clock.
struct RealRun {
    t0: f64,
    makespan: f64,
    /// When the event loop's fetches ended (asyncio + process pool).
    fetched: Option<f64>,
    items: Vec<ProcRun>,
}

/// Runs `kind` under `model` on the host's process pool: as
/// `ProcessPoolExecutor(processes)`, each process fetching (it sleeps `io`)
/// then computing over its own copy of the job's `kb` KB; or, for asyncio +
/// process pool, all fetches on the loop at once, then each job's computing
/// submitted to the pool. Start-up and every copy are paid, not modelled.
async fn real(pool: &dyn AsyncProcessPool, model: Model, kind: &str, p: &Params, rt: &dyn Runtime) -> Result<RealRun, RunError> {
    let j = job(kind, p);
    let input = vec![1u8; (j.kb * 1024.0) as usize];
    let t0 = rt.now();
    let (io_in_process, fetched) = match model {
        Model::AsyncioPool => {
            if j.io_ms > 0.0 {
                rt.sleep(j.io_ms).await;
            }
            (0.0, Some(rt.now()))
        }
        _ => (j.io_ms, None),
    };
    let inputs = (0..j.n).map(|_| Task::Job { io_ms: io_in_process, cpu_ms: j.cpu_ms, input: input.clone() }.encode()).collect();
    let (items, pool_now) = pool.map(setup(p).processes, inputs).await.map_err(|e| RunError::Workload(format!("process pool: {e}")))?;
    let shift = rt.now() - pool_now;
    let items = items.into_iter().map(|r| r.shifted(shift)).collect();
    Ok(RealRun { t0, makespan: rt.now() - t0, fetched, items })
}

/// Draws a real run: the loop's fetches, then per process its start-up and
/// each item's copy in, work and copy out.
fn draw(rec: &Recorder, r: &RealRun, io_in_process: bool) -> Vec<LaneId> {
    let mut lanes = Vec::new();
    if let Some(f) = r.fetched {
        let l = rec.lane("event loop", LaneKind::Worker);
        rec.span(l, State::Io, r.t0, f, Some("every job fetches at once (await)".into()));
        lanes.push(l);
    }
    let procs = r.items.iter().map(|i| i.process + 1).max().unwrap_or(0);
    let plane: Vec<LaneId> = (0..procs).map(|w| rec.lane(format!("process {w}"), LaneKind::Worker)).collect();
    for (w, &lane) in plane.iter().enumerate() {
        if let Some(first) = r.items.iter().find(|i| i.process == w) {
            rec.span_on(lane, State::Running, "spawn", first.spawned, first.ready, Some("process start-up".into()));
        }
    }
    let work = if io_in_process { "fetch, then compute" } else { "compute" };
    for (j, i) in r.items.iter().enumerate() {
        let l = plane[i.process];
        rec.span_on(l, State::Io, "pipe", i.sent, i.received, Some(format!("job {j} · copy in · {} bytes", i.bytes_in)));
        rec.span(l, State::Running, i.received, i.done, Some(format!("job {j} · {work}")));
        rec.span_on(l, State::Io, "pipe", i.done, i.back, Some(format!("job {j} · copy out · {} bytes", i.output.len())));
    }
    lanes.extend(plane);
    lanes
}

/// The most KB of input (n × kb) the measured runs copy: they hold and copy
/// every job's input at once (200 inputs of 100 MB crashed the page).
pub const MEASURE_BUDGET_KB: f64 = 64.0 * 1024.0;
/// Said when a browser-clock run would copy more than [`MEASURE_BUDGET_KB`].
pub const ERR_COPY_BUDGET: &str = "err.chooser_copy_budget";

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let model = Model::from_id(p.choice("model")).unwrap_or(Model::AsyncioPool);
        let kind = p.choice("job");
        // Real processes where the host has them and time is real.
        let pool = rt.caps().processes();
        if pool.is_some() && p.int("n") as f64 * p.int("kb") as f64 > MEASURE_BUDGET_KB {
            return Err(RunError::Environment(ERR_COPY_BUDGET.into()));
        }
        let mut shown: Option<(RealRun, bool)> = None;
        for (k, times) in table(&p) {
            for &(m, ms) in &times {
                // Every model from CPython's model (the verdict's bars) ...
                rec.bar(k, m.id(), ms, BarSource::Modelled);
                // ... and, right after it, what this page's processes measured.
                let Some(pool) = pool.as_ref().filter(|_| REAL.contains(&m)) else { continue };
                let r = real(pool.as_ref(), m, k, &p, rt.as_ref()).await?;
                rec.bar(k, m.id(), r.makespan, BarSource::Measured);
                if k == kind && m == model {
                    shown = Some((r, m == Model::Processes && job(k, &p).io_ms > 0.0));
                }
            }
        }
        let t0 = shown.as_ref().map_or(rt.now(), |s| s.0.t0);
        rec.event(None, &format!("chooser_{kind}"), Some(model.id().to_owned()), t0);
        // The shown run's numbers (its bar's makespan, not the whole run's:
        // on the browser clock every pool run came before it).
        // `real`: the measured run's process count and item count, if it is one.
        let (lanes, start_up, pickling, makespan, real) = match shown {
            Some((r, io_in_process)) => {
                let lanes = draw(&rec, &r, io_in_process);
                let mut seen = std::collections::BTreeMap::new();
                for i in &r.items {
                    seen.insert(i.process, i.ready - i.spawned);
                }
                let copy: f64 = r.items.iter().map(|i| (i.received - i.sent) + (i.back - i.done)).sum();
                (lanes, seen.values().sum::<f64>(), copy, r.makespan, Some((seen.len(), r.items.len())))
            }
            None => {
                let s = pymodel::simulate(model, &job(kind, &p), &setup(&p), &CPYTHON);
                let lanes: Vec<LaneId> = s.lanes.iter().map(|l| rec.lane(l.clone(), LaneKind::Worker)).collect();
                pymodel::record(&rec, &s, &lanes, t0);
                // The shown run takes its modelled time on the run's clock.
                rt.sleep(s.makespan).await;
                (
                    lanes,
                    s.total(pymodel::Piece::Spawn),
                    s.total(pymodel::Piece::CopyIn) + s.total(pymodel::Piece::CopyOut),
                    s.makespan,
                    None,
                )
            }
        };
        rec.result("makespan_ms", makespan);
        rec.result("start_up_ms", start_up);
        rec.result("pickling_ms", pickling);
        if let Some((procs, items)) = real {
            // The shown run's processes (measured) next to CPython's on this
            // machine; a modelled shown run has only its modelled numbers.
            rec.result("proc_start_ms", start_up / procs.max(1) as f64);
            rec.result("proc_copy_ms", pickling / items.max(1) as f64);
            rec.result("cpython_start_ms", CPYTHON.spawn_ms);
            rec.result("cpython_copy_ms", CPYTHON.item_ms + p.int("kb") as f64 * CPYTHON.kb_ms);
        }
        let end = rt.now();
        for l in lanes {
            rec.finish_lane(l, Outcome::Done, end);
        }
        Ok(())
    })
}
