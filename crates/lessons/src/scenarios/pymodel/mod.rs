//! How CPython runs a batch of jobs under each of its concurrency models, as
//! an exact schedule on a virtual clock. Every job fetches (`io_ms`, the GIL
//! released, as `time.sleep` or a socket read does) and then computes
//! (`cpu_ms`, holding the GIL or a core). The models:
//!
//! - **sequential**: one thread, job after job;
//! - **threads (GIL)**: a pool of `threads` threads. Waiting on I/O drops the
//!   GIL; computing holds it. A holder gives it up after the switch interval
//!   when someone waits (CPython's forced switching) and joins the back of the
//!   queue; so only one thread ever computes;
//! - **threads (free-threaded)**: the same threads on `cores` cores, no GIL;
//! - **processes**: `processes` workers, each started in turn by the parent
//!   (`spawn_ms` each, serial), that fetch and compute on their own core and
//!   pay for pickling the input and result (`item_ms` + `kb` × `kb_ms`);
//! - **asyncio**: one task per job, all fetching at once; computing runs on
//!   the one event loop, never preempted;
//! - **asyncio + process pool**: as asyncio, but each job's computing is sent
//!   to a process pool (`run_in_executor`), which starts at the first submit.
//!
//! The costs of a real CPython on this machine are [`CPYTHON`]. Everything
//! here is a pure function: the lessons record its schedule, tests derive
//! its makespans from the parameters.

pub mod measured;
mod sim;
use crate::engine::trace::State;

/// What CPython's mechanisms cost, in ms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Costs {
    /// GIL switch interval (`sys.getswitchinterval()`, 5 ms by default); also
    /// the time slice when more threads than cores compute.
    pub switch_ms: f64,
    /// Starting one worker process (fork, import, first task); the parent
    /// starts them one after another.
    pub spawn_ms: f64,
    /// Pickling a task and its result and passing both through the pipe.
    pub item_ms: f64,
    /// Copying one KB of input to a worker process.
    pub kb_ms: f64,
}

/// CPython's costs as measured by `python3 python/tools/cpython_costs.py --write`
/// (python/chooser.py's measure(): pools of 1, 2 and 4 processes, 2,000
/// trivial tasks through a warm pool, a 100 KB input; the minimum of its
/// runs), read at compile time from `data/cpython_costs.json`, which records
/// the date, the machine and whether it was quiet ([`measured`]).
pub const CPYTHON: Costs = Costs {
    switch_ms: measured::value("switch_ms"),
    spawn_ms: measured::value("spawn_ms"),
    item_ms: measured::value("item_ms"),
    kb_ms: measured::value("kb_ms"),
};

/// The same job `n` times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Jobs {
    pub n: usize,
    pub io_ms: f64,
    pub cpu_ms: f64,
    /// Input size of one job's computing (what a process must be sent), KB.
    pub kb: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Model {
    Sequential,
    ThreadsGil,
    FreeThreads,
    Processes,
    Asyncio,
    AsyncioPool,
}

impl Model {
    pub const ALL: [Model; 6] =
        [Model::Sequential, Model::ThreadsGil, Model::FreeThreads, Model::Processes, Model::Asyncio, Model::AsyncioPool];

    /// Stable ids, in [`Model::ALL`] order.
    pub const IDS: [&'static str; 6] = ["sequential", "threads_gil", "free_threaded", "process_pool", "asyncio_loop", "asyncio_procs"];

    pub fn from_id(id: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Stable id (result keys, test ids, translation keys `choice.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Model::Sequential => "sequential",
            Model::ThreadsGil => "threads_gil",
            Model::FreeThreads => "free_threaded",
            Model::Processes => "process_pool",
            Model::Asyncio => "asyncio_loop",
            Model::AsyncioPool => "asyncio_procs",
        }
    }
}

/// How many of each there are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setup {
    pub threads: usize,
    pub processes: usize,
    pub cores: usize,
}

/// What a span of the schedule was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// Waiting on I/O (the GIL released).
    Io,
    /// Computing (holding the GIL, a core or the event loop).
    Compute,
    /// A worker process starting.
    Spawn,
    /// Unpickling the input in a worker.
    CopyIn,
    /// Pickling the result back.
    CopyOut,
    /// Waiting for the GIL, a core, the event loop or a pool worker.
    Wait,
}

impl Piece {
    pub fn state(self) -> State {
        match self {
            Piece::Io => State::Io,
            Piece::Compute | Piece::Spawn => State::Running,
            Piece::CopyIn | Piece::CopyOut => State::Io,
            Piece::Wait => State::Waiting,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Seg {
    pub lane: usize,
    pub piece: Piece,
    /// What was waited on or used (`GIL`, `core`, `event loop`, `pipe`, …).
    pub resource: Option<&'static str>,
    pub start: f64,
    pub end: f64,
    /// The job it belongs to (`usize::MAX` for start-up).
    pub job: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schedule {
    pub lanes: Vec<String>,
    pub segs: Vec<Seg>,
    pub makespan: f64,
}

impl Schedule {
    /// Total time of one kind of piece over all lanes.
    pub fn total(&self, piece: Piece) -> f64 {
        self.segs.iter().filter(|s| s.piece == piece).map(|s| s.end - s.start).sum()
    }
}

/// The schedule of `jobs` under `model`.
pub fn simulate(model: Model, jobs: &Jobs, setup: &Setup, costs: &Costs) -> Schedule {
    sim::run(model, jobs, setup, costs)
}

/// Makespans of every model, in [`Model::ALL`] order.
pub fn makespans(jobs: &Jobs, setup: &Setup, costs: &Costs) -> Vec<(Model, f64)> {
    Model::ALL.iter().map(|&m| (m, simulate(m, jobs, setup, costs).makespan)).collect()
}

/// The models within `tolerance` (0.1 = 10%) of the fastest, fastest first.
pub fn verdict(times: &[(Model, f64)], tolerance: f64) -> Vec<Model> {
    let best = times.iter().map(|t| t.1).fold(f64::INFINITY, f64::min);
    let mut v: Vec<(Model, f64)> = times.iter().copied().filter(|t| t.1 <= best * (1.0 + tolerance) + 1e-9).collect();
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    v.into_iter().map(|t| t.0).collect()
}

/// Records `s` into `rec` on `lanes` (one per schedule lane), shifted by `t0`;
/// the lanes end `Done` at `t0 + makespan`.
pub fn record(rec: &crate::engine::recorder::Recorder, s: &Schedule, lanes: &[crate::engine::recorder::LaneId], t0: f64) {
    for g in &s.segs {
        let Some(&lane) = lanes.get(g.lane) else { continue };
        let what = match g.piece {
            Piece::Io => "fetch (GIL released)",
            Piece::Compute => "compute",
            Piece::Spawn => "process start-up",
            Piece::CopyIn => "unpickle input",
            Piece::CopyOut => "pickle result",
            Piece::Wait => "wait",
        };
        let label = match (g.job, g.resource) {
            (NO_JOB, _) => what.to_owned(),
            (j, Some(r)) => format!("job {j} · {what} · {r}"),
            (j, None) => format!("job {j} · {what}"),
        };
        match g.resource {
            Some(r) => rec.span_on(lane, g.piece.state(), r, t0 + g.start, t0 + g.end, Some(label)),
            None => rec.span(lane, g.piece.state(), t0 + g.start, t0 + g.end, Some(label)),
        }
    }
}

/// `job` of a [`Seg`] that belongs to no job (process start-up).
pub const NO_JOB: usize = usize::MAX;
