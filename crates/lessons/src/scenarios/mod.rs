//! The lesson catalogue. Each scenario is one file that declares a [`Scenario`]
//! (id, parameters, Python listing, how to run it); [`ALL`] registers them,
//! declared with their modules from the crate's one list, `with_lessons!`
//! (adding a lesson: CONTRIBUTING.md).

pub mod catalogue;
pub mod extras;
pub mod pymodel;
pub mod virtual_run;

use crate::engine::cpu::CpuCtx;
use crate::engine::params::{self, ParamError, ParamSpec, Params};
use crate::engine::recorder::{self, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::Trace;
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::collections::BTreeMap;
use std::rc::Rc;

/// What the page says a lesson is (its header, clock picker and isolation
/// notice); derived from how it runs ([`Run::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Tasks on the event loop (browser) or the virtual clock.
    Async,
    /// Work on the rayon pool; needs cross-origin isolation in the browser.
    Cpu,
    /// A model stepped and searched in the page (`crate::interleave`).
    Model,
}

/// An async lesson body: drives primitives on `rt`, records into `rec`.
pub type AsyncRun = fn(Params, Rc<dyn Runtime>, Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>>;
/// A CPU lesson body: runs on a pool thread, returns the finished trace.
pub type CpuRun = fn(&Params, &CpuCtx<'_>) -> Result<Trace, RunError>;

/// How a lesson runs, and with it what it is: each variant carries the body
/// that kind of lesson has, so no combination needs a special case.
#[derive(Clone, Copy)]
pub enum Run {
    /// Tasks on the event loop (browser clock) or the virtual clock.
    Async(AsyncRun),
    /// A CPU lesson on the worker pool: its body runs on a pool thread.
    Cpu(CpuRun),
    /// A CPU lesson whose body is event-loop code that offloads its work to
    /// the pool (hybrid: its requests need the loop): the pool is up before
    /// its clock starts, and it needs isolation like every CPU lesson.
    AsyncOnPool(AsyncRun),
    /// A model stepped and searched in the page; its body draws the model's
    /// showcase schedule, always on the virtual clock (steps are not timed).
    Model(AsyncRun),
}

impl Run {
    pub fn kind(&self) -> Kind {
        match self {
            Run::Async(_) => Kind::Async,
            Run::Cpu(_) | Run::AsyncOnPool(_) => Kind::Cpu,
            Run::Model(_) => Kind::Model,
        }
    }

    /// The event-loop body, for every lesson that has one.
    pub fn async_body(&self) -> Option<AsyncRun> {
        match *self {
            Run::Async(f) | Run::AsyncOnPool(f) | Run::Model(f) => Some(f),
            Run::Cpu(_) => None,
        }
    }

    /// The pool body of a CPU lesson.
    pub fn cpu(&self) -> Option<CpuRun> {
        match *self {
            Run::Cpu(f) => Some(f),
            _ => None,
        }
    }
}

pub struct Scenario {
    /// Stable id used in URLs; also the prefix of its translation keys
    /// (`<id>.title`, `<id>.notice`, `<id>.<param>`).
    pub id: &'static str,
    pub params: &'static [ParamSpec],
    // Its runnable CPython 3.11 listing of the same idea (stdlib only) is
    // `python/<id>.py`; the page fetches it when shown (`Listing`), so the
    // listings are not part of the wasm the first lesson waits for.
    /// Parameters for the CPython fidelity check (`crates/fidelity/src/lib.rs`): the
    /// listing is run with these as `--key value` plus `--json`, and compared
    /// with the virtual-clock run. Empty = not compared (CPU lessons).
    pub cpython: &'static [(&'static str, &'static str)],
    /// What the lesson adds to the page ([`extras::Extra`]); most add nothing.
    pub extras: &'static [extras::Extra],
    /// One loop step of its virtual-clock run may compute for long (hybrid
    /// counts real primes in a step; the chooser models every job under every
    /// model in one: seconds at the largest sizes; gilio its model likewise). A step is never cut, so on
    /// a page with the worker pool such a run goes to a pool worker, as CPU
    /// work does, instead of in slices on the page's thread.
    pub heavy_steps: bool,
    pub run: Run,
}

impl Scenario {
    /// A lesson on the worker pool: its id, parameters and body; what CPU
    /// lessons share (no CPython comparison, no extras, steps cut) is said here once.
    pub const fn cpu(id: &'static str, params: &'static [ParamSpec], run: CpuRun) -> Scenario {
        Scenario { id, params, cpython: &[], extras: &[], heavy_steps: false, run: Run::Cpu(run) }
    }

    /// The same lesson with what it adds to the page ([`extras::Extra`]).
    pub const fn with_extras(self, extras: &'static [extras::Extra]) -> Scenario {
        Scenario { extras, ..self }
    }

    pub fn kind(&self) -> Kind {
        self.run.kind()
    }

    pub fn validate(&self, raw: &BTreeMap<String, String>) -> Result<Params, Vec<ParamError>> {
        params::validate(self.params, raw)
    }

    pub fn defaults(&self) -> BTreeMap<String, String> {
        self.params.iter().map(|p| (p.key.to_owned(), p.default_string())).collect()
    }
}

macro_rules! lesson_modules {
    ($($id:ident),* $(,)?) => {
        $(pub mod $id;)*
        /// Every lesson, in the order the picker shows them (`with_lessons!`, the crate's root).
        pub static ALL: &[&Scenario] = &[$(&$id::SCENARIO),*];
    };
}
with_lessons!(lesson_modules);

/// How late (ms) every timer and request of an async lesson's `cpython` run may
/// be and still decide what the virtual clock decides (the same lanes ending
/// the same way, the same counts): `tests/late_timers.rs` checks it with
/// seeded lateness on the virtual clock, `tests/web.rs` on the browser's loop.
/// A budget, not a bound: on a loaded machine real timers can be later still.
pub const LATENESS_BUDGET_MS: f64 = 10.0;

pub fn find(id: &str) -> Option<&'static Scenario> {
    ALL.iter().copied().find(|s| s.id == id)
}

/// Runs an async scenario body on `rt` and turns its recorder into a trace.
/// The future can be dropped (Stop); [`finish_async`] then closes the trace.
pub fn start_async(run: AsyncRun, params: Params, rt: Rc<dyn Runtime>) -> (Rc<Recorder>, LocalBoxFuture<'static, Result<(), RunError>>) {
    let rec = Rc::new(Recorder::new());
    let fut = run(params, rt, rec.clone());
    (rec, fut)
}

/// Closes the trace of an async run once its future has finished or been dropped.
pub fn finish_async(scn: &Scenario, params: &Params, rec: Rc<Recorder>, rt: &dyn Runtime, stopped: bool) -> Result<Trace, RunError> {
    finish_async_at(scn, params, rec, rt, stopped, rt.now())
}

/// [`finish_async`] with the run's end taken earlier, at `end_ms` on `rt`'s
/// clock (the page closes a browser-clock trace a turn after its run ended).
pub fn finish_async_at(
    scn: &Scenario,
    params: &Params,
    rec: Rc<Recorder>,
    rt: &dyn Runtime,
    stopped: bool,
    end_ms: f64,
) -> Result<Trace, RunError> {
    let rec = Rc::try_unwrap(rec).map_err(|_| RunError::Workload("run still holds its recorder".into()))?;
    let mut meta = recorder::meta(scn.id, params.to_strings(), rt.clock());
    meta.stopped = stopped;
    Ok(rec.finish(meta, end_ms))
}

/// Runs an async scenario to completion on the virtual clock (deterministic,
/// instant). A run where every task blocks forever is reported, not hung.
/// (One unbounded slice of a [`virtual_run::LessonRun`].)
pub fn run_virtual(scn: &Scenario, raw: &BTreeMap<String, String>) -> Result<Trace, RunError> {
    let mut run = virtual_run::LessonRun::start(scn, raw)?;
    loop {
        if let Some(end) = run.run(u64::MAX) {
            return end;
        }
    }
}

/// Loop steps between two looks at the Stop flag in [`run_virtual_until`].
pub const STEPS_BETWEEN_STOP_CHECKS: u64 = 256;

/// [`run_virtual`] off the page's thread (a pool worker): `stopped` (the
/// page's Stop) is asked every [`STEPS_BETWEEN_STOP_CHECKS`] loop steps, and a
/// stopped run ends with its trace so far, marked stopped.
pub fn run_virtual_until(scn: &Scenario, raw: &BTreeMap<String, String>, stopped: &dyn Fn() -> bool) -> Result<Trace, RunError> {
    let mut run = virtual_run::LessonRun::start(scn, raw)?;
    // As the page's slices: at least one slice runs, so a run stopped at once
    // still shows the lanes its first step made.
    loop {
        if let Some(end) = run.run(STEPS_BETWEEN_STOP_CHECKS) {
            return end;
        }
        if stopped() {
            return run.stop();
        }
    }
}
