//! The discrete-event simulation behind [`super::simulate`]. Units (threads,
//! processes, tasks, the event loop) run lists of operations; computing needs
//! one of `slots` CPU slots (1 for the GIL or the event loop, `cores`
//! otherwise), taken in FIFO order and given up after `slice` ms if someone
//! waits. At one instant, finished waits are handled before slices end, so a
//! thread whose I/O just ended is already queued when the holder's interval
//! runs out (CPython's "drop request").

mod work;

use super::{Costs, Jobs, Model, Piece, Schedule, Seg, Setup};
use std::collections::VecDeque;

const EPS: f64 = 1e-9;
use super::NO_JOB;

#[derive(Debug, Clone, Copy)]
enum Op {
    /// Stay idle until this time (no span).
    Until(f64),
    /// Take this long without a CPU slot (I/O, process start-up).
    Sleep(f64, Piece),
    /// Compute this long on a CPU slot.
    Cpu(f64, Piece),
    /// Hand the job's computing to the executors and wait for it.
    Offload,
    /// Wake this (offloading) unit: its job's computing is done.
    Notify(usize),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Ready,
    Busy { start: f64, until: f64, piece: Option<Piece>, job: usize },
    WantCpu { since: f64, ms: f64, piece: Piece, job: usize },
    Running { span_start: f64, seg_start: f64, seg_end: f64, left: f64, piece: Piece, job: usize },
    Blocked { since: f64, job: usize },
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    /// Pulls whole jobs from the batch.
    Jobs,
    /// Pulls offloaded computing (an executor); starts at the first submit.
    Pool,
    /// Runs its own list only (an asyncio task).
    Own,
}

struct Unit {
    source: Source,
    ops: VecDeque<(Op, usize)>,
    status: Status,
}

struct Sim<'a> {
    jobs: &'a Jobs,
    costs: &'a Costs,
    t: f64,
    units: Vec<Unit>,
    next_job: usize,
    pool_q: VecDeque<(usize, usize)>,
    pool_started: bool,
    /// Executors pay for pickling (processes), the event loop does not.
    pool_copies: bool,
    ready: VecDeque<usize>,
    free: usize,
    slice: f64,
    cpu_res: &'static str,
    out: Schedule,
}

pub(super) fn run(model: Model, jobs: &Jobs, setup: &Setup, costs: &Costs) -> Schedule {
    let (threads, procs, cores) = (setup.threads.max(1), setup.processes.max(1), setup.cores.max(1));
    let mut lanes = Vec::new();
    let mut units = Vec::new();
    let unit = |source| Unit { source, ops: VecDeque::new(), status: Status::Ready };
    let (slots, slice, cpu_res) = match model {
        Model::Sequential => (1, f64::INFINITY, "GIL"),
        Model::ThreadsGil => (1, costs.switch_ms, "GIL"),
        Model::Asyncio => (1, f64::INFINITY, "event loop"),
        Model::FreeThreads | Model::Processes | Model::AsyncioPool => (cores, costs.switch_ms, "core"),
    };
    match model {
        Model::Sequential => {
            lanes.push("main".to_owned());
            units.push(unit(Source::Jobs));
        }
        Model::ThreadsGil | Model::FreeThreads => {
            for i in 0..threads {
                lanes.push(format!("thread {i}"));
                units.push(unit(Source::Jobs));
            }
        }
        Model::Processes => {
            for i in 0..procs {
                lanes.push(format!("process {i}"));
                let mut u = unit(Source::Jobs);
                u.ops.push_back((Op::Until(i as f64 * costs.spawn_ms), NO_JOB));
                u.ops.push_back((Op::Sleep(costs.spawn_ms, Piece::Spawn), NO_JOB));
                units.push(u);
            }
        }
        Model::Asyncio | Model::AsyncioPool => {
            let executors = if model == Model::Asyncio { 1 } else { procs };
            for i in 0..executors {
                lanes.push(if model == Model::Asyncio { "event loop".to_owned() } else { format!("process {i}") });
                units.push(unit(Source::Pool));
            }
            for j in 0..jobs.n {
                lanes.push(format!("task {j}"));
                let mut u = unit(Source::Own);
                u.ops.push_back((Op::Sleep(jobs.io_ms, Piece::Io), j));
                u.ops.push_back((Op::Offload, j));
                units.push(u);
            }
        }
    }
    let mut sim = Sim {
        jobs,
        costs,
        t: 0.0,
        units,
        next_job: 0,
        pool_q: VecDeque::new(),
        pool_started: model == Model::Asyncio,
        pool_copies: model == Model::AsyncioPool,
        ready: VecDeque::new(),
        free: slots,
        slice,
        cpu_res,
        out: Schedule { lanes, segs: Vec::new(), makespan: 0.0 },
    };
    sim.main(model == Model::Processes);
    sim.out
}

impl Sim<'_> {
    fn main(&mut self, fetch_in_worker: bool) {
        loop {
            self.settle(true, fetch_in_worker);
            let next = self.units.iter().filter_map(|u| match u.status {
                Status::Busy { until, .. } => Some(until),
                Status::Running { seg_end, .. } => Some(seg_end),
                _ => None,
            });
            let next = next.fold(f64::INFINITY, f64::min);
            if !next.is_finite() {
                break;
            }
            self.t = next;
            for i in 0..self.units.len() {
                if let Status::Busy { start, until, piece, job } = self.units[i].status {
                    if until <= self.t + EPS {
                        if let Some(p) = piece {
                            self.seg(i, p, None, start, job);
                        }
                        self.units[i].status = Status::Ready;
                    }
                }
            }
            self.settle(false, fetch_in_worker);
            for i in 0..self.units.len() {
                let Status::Running { span_start, seg_start, seg_end, left, piece, job } = self.units[i].status else { continue };
                if seg_end > self.t + EPS {
                    continue;
                }
                let left = left - (self.t - seg_start);
                if left <= EPS {
                    self.seg(i, piece, Some(self.res(piece)), span_start, job);
                    self.free += 1;
                    self.units[i].status = Status::Ready;
                } else if !self.ready.is_empty() {
                    // Forced switch: give the slot up and queue again.
                    self.seg(i, piece, Some(self.res(piece)), span_start, job);
                    self.free += 1;
                    self.ready.push_back(i);
                    self.units[i].status = Status::WantCpu { since: self.t, ms: left, piece, job };
                } else {
                    let seg_end = self.t + left.min(self.slice);
                    self.units[i].status = Status::Running { span_start, seg_start: self.t, seg_end, left, piece, job };
                }
            }
        }
        self.out.makespan = self.out.segs.iter().map(|s| s.end).fold(0.0, f64::max);
    }

    fn res(&self, piece: Piece) -> &'static str {
        match piece {
            Piece::CopyIn | Piece::CopyOut => "pipe",
            _ => self.cpu_res,
        }
    }

    fn seg(&mut self, lane: usize, piece: Piece, resource: Option<&'static str>, start: f64, job: usize) {
        if self.t > start + EPS {
            let resource = resource.or(match piece {
                Piece::Io => Some("I/O"),
                Piece::Spawn => Some("spawn"),
                _ => None,
            });
            self.out.segs.push(Seg { lane, piece, resource, start, end: self.t, job });
        }
    }

    /// Runs every zero-time step until nothing changes; with `assign`, also
    /// hands free CPU slots to the queue.
    fn settle(&mut self, assign: bool, fetch_in_worker: bool) {
        loop {
            let mut changed = false;
            for i in 0..self.units.len() {
                if self.units[i].status == Status::Ready {
                    changed |= self.step(i, fetch_in_worker);
                }
            }
            while assign && self.free > 0 {
                let Some(i) = self.ready.pop_front() else { break };
                let Status::WantCpu { since, ms, piece, job } = self.units[i].status else { continue };
                self.seg(i, Piece::Wait, Some(self.cpu_res), since, job);
                self.free -= 1;
                let seg_end = self.t + ms.min(self.slice);
                self.units[i].status = Status::Running { span_start: self.t, seg_start: self.t, seg_end, left: ms, piece, job };
                changed = true;
            }
            if !changed {
                return;
            }
        }
    }

    /// One zero-time step of a ready unit; false when it has nothing to do yet.
    fn step(&mut self, i: usize, fetch_in_worker: bool) -> bool {
        let Some((op, job)) = self.units[i].ops.pop_front() else { return self.pull(i, fetch_in_worker) };
        let t = self.t;
        self.units[i].status = match op {
            Op::Until(x) if x > t + EPS => Status::Busy { start: t, until: x, piece: None, job },
            Op::Sleep(ms, piece) if ms > EPS => Status::Busy { start: t, until: t + ms, piece: Some(piece), job },
            Op::Cpu(ms, piece) if ms > EPS => {
                self.ready.push_back(i);
                Status::WantCpu { since: t, ms, piece, job }
            }
            Op::Offload => {
                self.pool_q.push_back((job, i));
                if !self.pool_started {
                    self.start_pool();
                }
                Status::Blocked { since: t, job }
            }
            Op::Notify(task) => {
                if let Status::Blocked { since, job } = self.units[task].status {
                    let wait = if self.cpu_res == "event loop" { "event loop" } else { "process pool" };
                    self.seg(task, Piece::Wait, Some(wait), since, job);
                    self.units[task].status = Status::Ready;
                }
                Status::Ready
            }
            _ => Status::Ready,
        };
        true
    }
}
