//! "What would Python do?" for a speedup lesson: from a run's thread sweep,
//! the speedup browser threads gave (no GIL), what CPython threads would give
//! on the same work (the GIL: one computes at a time) and what a process pool
//! would give, its start-up and pickling paid at the costs measured from
//! CPython on the project's machine (`data/cpython_costs.json`) ([`crate::scenarios::pymodel::CPYTHON`]). Both Python
//! figures are schedules of `scenarios::pymodel`, so this lesson and the chooser
//! agree. Pure: natively tested.

use crate::engine::metrics::speedup;
use crate::engine::trace::{State, Trace};
use crate::scenarios::pymodel::{self, Costs, Jobs, Model, Setup, CPYTHON};
use crate::scenarios::{self, extras};

/// Most tasks simulated one by one; more are merged (their per-task cost kept).
const MAX_TASKS: usize = 2_000;

#[derive(Debug, Clone, PartialEq)]
pub struct PythonView {
    /// Threads / processes compared (the sweep's largest thread count).
    pub workers: u32,
    /// Tasks the work was cut into (chunks of the 1-thread step).
    pub tasks: usize,
    /// What browser threads gave here: t(1) / t(workers).
    pub wasm_x: f64,
    /// The estimate of CPython's sequential time for this work, ms.
    pub cpython_ms: f64,
    /// CPython / wasm factor used, `None` when not measured for this lesson.
    pub slowdown: Option<f64>,
    pub threads_ms: f64,
    /// Sequential time / threads time (≈ 1: the GIL).
    pub threads_x: f64,
    pub processes_ms: f64,
    pub processes_x: f64,
    /// Of `processes_ms`: process start-up and pickling (ms on the critical path are not separated; totals over all workers).
    pub spawn_ms: f64,
    pub copy_ms: f64,
}

/// The view for a run with a thread sweep that includes 1 thread; `None` otherwise.
pub fn python_view(t: &Trace) -> Option<PythonView> {
    let pts = speedup(&t.meta.sweep);
    let one = pts.iter().find(|p| p.threads == 1)?;
    let top = pts.iter().max_by_key(|p| p.threads)?;
    let step = t.meta.sweep.iter().find(|p| p.threads == 1)?;
    let tasks = t
        .spans
        .iter()
        .filter(|s| s.state == State::Running && s.start_ms >= step.start_ms - 1e-9 && s.end_ms <= step.end_ms + 1e-9)
        .count()
        .max(1);
    // CPython's sequential time over the wasm 1-thread time for the same work,
    // as the lesson states it (`Extra::CpythonSlowdown`, from `data/cpython_costs.json`);
    // without one, as if CPython were as fast as wasm (which flatters start-up
    // and pickling: they weigh less next to CPython's slower work).
    let slowdown = scenarios::find(&t.meta.scenario).and_then(|s| extras::cpython_slowdown(s.extras));
    Some(estimate(one.ms * slowdown.unwrap_or(1.0), tasks, top.threads, top.speedup, slowdown, &CPYTHON))
}

/// The least and the greatest CPython slowdown over the lessons that state one
/// (`Extra::CpythonSlowdown`): what "real CPython is N–M× slower" quotes.
pub fn slowdown_range() -> (f64, f64) {
    let all = scenarios::ALL.iter().filter_map(|s| extras::cpython_slowdown(s.extras));
    all.fold((f64::INFINITY, 0.0), |(lo, hi), x| (lo.min(x), hi.max(x)))
}

/// The estimate for `work_ms` of CPython work cut into `tasks` tasks on `workers`.
pub fn estimate(work_ms: f64, tasks: usize, workers: u32, wasm_x: f64, slowdown: Option<f64>, costs: &Costs) -> PythonView {
    let n = tasks.clamp(1, MAX_TASKS);
    // Merged tasks keep their pickling cost.
    let costs = Costs { item_ms: costs.item_ms * tasks.max(1) as f64 / n as f64, ..*costs };
    let jobs = Jobs { n, io_ms: 0.0, cpu_ms: work_ms / n as f64, kb: 0.0 };
    let w = workers.max(1) as usize;
    let setup = Setup { threads: w, processes: w, cores: w };
    let threads_ms = pymodel::simulate(Model::ThreadsGil, &jobs, &setup, &costs).makespan;
    let procs = pymodel::simulate(Model::Processes, &jobs, &setup, &costs);
    let ratio = |ms: f64| if ms > 0.0 { work_ms / ms } else { 1.0 };
    PythonView {
        workers: w as u32,
        tasks,
        wasm_x,
        cpython_ms: work_ms,
        slowdown,
        threads_ms,
        threads_x: ratio(threads_ms),
        processes_ms: procs.makespan,
        processes_x: ratio(procs.makespan),
        spawn_ms: procs.total(pymodel::Piece::Spawn),
        copy_ms: procs.total(pymodel::Piece::CopyIn) + procs.total(pymodel::Piece::CopyOut),
    }
}
