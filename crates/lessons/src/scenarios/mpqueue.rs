//! Lesson: moving data between processes. `items` items of `work` ms each
//! (a sleep in the process, standing in for its work) over `kb` KB of data go
//! to processes that share nothing with the parent, three ways:
//!
//! - **queue**: `procs` long-lived processes take items from one
//!   `multiprocessing.Queue` (a free process takes the next) and put results
//!   on another: one message per item each way;
//! - **pipe**: one process at the other end of a `Pipe`, one item at a time
//!   (send, then recv): every message waits for the previous answer;
//! - **pool**: `Pool(procs).map`, which sends items in chunks of
//!   ⌈items / (4 · procs)⌉ (CPython's default chunksize): fewer messages.
//!
//! Start-up (one per process, per start method) and each message's copy in
//! and out are their own spans (resources `spawn`, `pipe`). On the virtual
//! clock the schedule is exact and its costs are modelled: [`COSTS`], CPython
//! 3.11 on this machine (`python3 python/mpqueue.py --measure`). On the
//! browser clock the processes are the page's Web Worker processes
//! (the runtime's `Caps::processes`): start-up and copies are measured, and
//! every worker starts as `spawn` does (a fresh instance: the browser cannot
//! fork), so CPython's modelled start-up for the chosen method is listed
//! beside it, never mixed into it. `func = lambda` ends the run where CPython
//! raises `PicklingError`, `func = inner` (a function defined inside `run`)
//! where it raises `AttributeError: Can't pickle local object` (a Pool
//! pickles its function with every task; a Process target is pickled by spawn
//! and forkserver, not by fork): a rule applied on both clocks, there being
//! no Python function in the page.
//!
//! Pool.map's workers compute `i * MULT`, a module-level global: `initializer
//! = set` runs `init(2)` once in each new process (counted: `init_calls`);
//! `none` sets `MULT = 2` in the parent only, which a forked process copies
//! and a spawned one (spawn, forkserver) never has: the run stops where
//! CPython raises `NameError`. On the browser clock the global is a static of
//! each process's own wasm instance (`engine::procinit`): the initializer
//! really runs in each process as it starts, fork's copy of the parent's
//! global is sent with the start, and the `NameError` is a process's own.

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::procinit;
use crate::engine::procpool::ProcRun;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use crate::scenarios::pymodel::CPYTHON;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

mod real;
mod rules;
pub use rules::*;

pub const MODES: [&str; 3] = ["queue", "pipe", "pool_map"];
pub const METHODS: [&str; 3] = ["spawn", "fork", "forkserver"];

pub static SCENARIO: Scenario = Scenario {
    id: "mpqueue",
    params: &[
        ParamSpec::choice("mode", &MODES, "queue"),
        ParamSpec::choice("method", &METHODS, "spawn"),
        ParamSpec::int("procs", 1, 8, 3),
        ParamSpec::int("items", 1, 200, 10),
        ParamSpec::int("work", 0, 2_000, 100),
        // At most 200 × 100 KB = 20 MB copied: every message's input is built on the page.
        ParamSpec::int("kb", 0, 100, 1),
        ParamSpec::choice("func", &["def", "lambda", "inner"], "def"),
        ParamSpec::choice("initializer", &["set", "none"], "set"),
    ],
    cpython: &[
        ("mode", "queue"),
        ("method", "fork"),
        ("procs", "2"),
        ("items", "6"),
        ("work", "50"),
        ("kb", "1"),
        ("func", "def"),
        ("initializer", "set"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// What CPython 3.11.7 paid on this machine (ms), the least over two runs of
/// `python3 python/mpqueue.py --measure` (each the best of 5; 2026-12-07
/// 01:00 UTC, load average ~15 on 2 cores: load only adds time, so the least
/// is the least disturbed): one process's start-up per start method (created,
/// started, its first message back), and one 1 KB message's round trip to
/// an already started process and back per mode (a Pool's: one `apply`). KB
/// beyond the message: `CPYTHON.kb_ms` (data/cpython_costs.json).
pub struct Costs {
    pub start_spawn_ms: f64,
    pub start_fork_ms: f64,
    pub start_forkserver_ms: f64,
    pub message_queue_ms: f64,
    pub message_pipe_ms: f64,
    pub message_pool_ms: f64,
}

pub const COSTS: Costs = Costs {
    start_spawn_ms: 143.17,
    start_fork_ms: 2.51,
    start_forkserver_ms: 55.94,
    message_queue_ms: 0.0578,
    message_pipe_ms: 0.0253,
    message_pool_ms: 1.181,
};

/// One process's modelled start-up for `method`.
pub fn start_ms(method: &str) -> f64 {
    match method {
        "fork" => COSTS.start_fork_ms,
        "forkserver" => COSTS.start_forkserver_ms,
        _ => COSTS.start_spawn_ms,
    }
}

/// One message's modelled round trip for `mode` (1 KB).
pub fn message_ms(mode: &str) -> f64 {
    match mode {
        "pipe" => COSTS.message_pipe_ms,
        "pool_map" => COSTS.message_pool_ms,
        _ => COSTS.message_queue_ms,
    }
}

/// Processes started: one at the end of a pipe, else `procs`.
pub fn processes(p: &Params) -> usize {
    if p.choice("mode") == "pipe" {
        1
    } else {
        p.int("procs") as usize
    }
}

/// Items per message: Pool.map's default chunksize, ⌈items / (4 · procs)⌉; 1 otherwise.
pub fn chunksize(p: &Params) -> usize {
    let items = p.int("items") as usize;
    if p.choice("mode") == "pool_map" {
        items.div_ceil(4 * p.int("procs") as usize)
    } else {
        1
    }
}

/// The items each message carries, in order.
pub fn messages(p: &Params) -> Vec<usize> {
    let (items, c) = (p.int("items") as usize, chunksize(p));
    (0..items.div_ceil(c)).map(|m| c.min(items - m * c)).collect()
}

/// One message in the modelled schedule (ms from the start).
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub process: usize,
    pub items: usize,
    pub sent: f64,
    pub received: f64,
    pub done: f64,
    pub back: f64,
}

/// The modelled schedule: every process starts at 0 and is ready after
/// [`start_ms`]; each message goes to the process free first (the lowest
/// index on a tie), costs half its round trip plus its data's copy going in,
/// its `items × work` in the process, and the other half coming back.
pub fn schedule(p: &Params) -> (f64, Vec<Msg>) {
    let start = start_ms(p.choice("method"));
    let (half, kb, work) = (message_ms(p.choice("mode")) / 2.0, p.int("kb") as f64, p.int("work") as f64);
    let mut free = vec![start; processes(p)];
    let mut out = Vec::new();
    for k in messages(p) {
        let (w, &at) = free.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).unwrap_or((0, &start));
        let received = at + half + kb * k as f64 * CPYTHON.kb_ms;
        let done = received + work * k as f64;
        let back = done + half;
        out.push(Msg { process: w, items: k, sent: at, received, done, back });
        free[w] = back;
    }
    (start, out)
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let t0 = rt.now();
        let (mode, method) = (p.choice("mode"), p.choice("method"));
        let main = rec.lane("main", LaneKind::Worker);
        if let Some(err) = pickling_error(&p) {
            rec.finish_lane(main, Outcome::Failed, t0);
            return Err(RunError::Workload(err.into()));
        }
        let sizes = messages(&p);
        let pool = rt.caps().processes();
        let (msgs, starts, init, measured) = match pool {
            Some(pool) => {
                let r = pool.map_started(processes(&p), real::start(&p), real::inputs(&p, &sizes)).await;
                let (runs, starts, pool_now) = r.map_err(|e| {
                    // A process's own NameError (it has no MULT): CPython's, named.
                    RunError::Workload(if e.contains(procinit::NAME_ERROR) { ERR_NAME.into() } else { format!("process pool: {e}") })
                })?;
                let shift = rt.now() - pool_now;
                let runs: Vec<ProcRun> = runs.into_iter().map(|r| r.shifted(shift)).collect();
                let (msgs, init) = real::measured_run(&runs, &starts, &sizes);
                let starts = starts.iter().enumerate().map(|(w, s)| (w, s.spawned + shift, s.ready + shift)).collect();
                (msgs, starts, init, true)
            }
            None => {
                let (start, msgs) = schedule(&p);
                let starts: Vec<(usize, f64, f64)> = (0..processes(&p)).map(|w| (w, t0, t0 + start)).collect();
                if name_error(&p) {
                    // The processes start; the first item each reads MULT and raises.
                    rt.sleep(start).await;
                    rec.finish_lane(main, Outcome::Failed, rt.now());
                    return Err(RunError::Workload(ERR_NAME.into()));
                }
                let msgs: Vec<Msg> = msgs
                    .into_iter()
                    .map(|m| Msg { sent: m.sent + t0, received: m.received + t0, done: m.done + t0, back: m.back + t0, ..m })
                    .collect();
                let end = msgs.iter().map(|m| m.back).fold(t0 + start, f64::max);
                rt.sleep(end - t0).await;
                let items = p.int("items") as u64;
                (msgs, starts, Some((items * items.saturating_sub(1), init_calls(&p) as u64)), false)
            }
        };
        let lanes = draw(&rec, &msgs, &starts);
        rec.span(main, State::Waiting, t0, rt.now(), Some(format!("{mode} · {method}: waiting for the results")));
        let start_up: f64 = starts.iter().map(|s| s.2 - s.1).sum::<f64>() / starts.len().max(1) as f64;
        let copies: f64 = msgs.iter().map(|m| (m.received - m.sent) + (m.back - m.done)).sum();
        rec.result("messages", msgs.len() as f64);
        rec.result("results", msgs.iter().map(|m| m.items).sum::<usize>() as f64);
        rec.result("processes", starts.len() as f64);
        rec.result("chunksize", chunksize(&p) as f64);
        rec.result("proc_start_ms", start_up);
        rec.result("per_message_ms", copies / msgs.len().max(1) as f64);
        if let (Some((total, calls)), "pool_map") = (init, mode) {
            // 2 × Σ i: MULT came from the initializer or from fork's copy.
            rec.result("init_total", total as f64);
            rec.result("init_calls", calls as f64);
        }
        if measured {
            // CPython's modelled costs for the same method and mode, listed apart.
            rec.result("cpython_start_ms", start_ms(method));
            rec.result("cpython_message_ms", message_ms(mode) + p.int("kb") as f64 * chunksize(&p) as f64 * CPYTHON.kb_ms);
        }
        let end = rt.now();
        for (w, l) in lanes {
            let last = msgs.iter().filter(|m| m.process == w).map(|m| m.back).fold(f64::NAN, f64::max);
            let ready = starts.iter().find(|s| s.0 == w).map_or(end, |s| s.2);
            rec.finish_lane(l, Outcome::Done, if last.is_nan() { ready } else { last });
        }
        rec.finish_lane(main, Outcome::Done, end);
        Ok(())
    })
}

/// Per process: its start-up, then per message its copy in, work, copy out.
fn draw(rec: &Recorder, msgs: &[Msg], starts: &[(usize, f64, f64)]) -> Vec<(usize, LaneId)> {
    let lanes: Vec<(usize, LaneId)> = starts.iter().map(|s| (s.0, rec.lane(format!("process {}", s.0), LaneKind::Worker))).collect();
    let lane = |w: usize| lanes.iter().find(|l| l.0 == w).map(|l| l.1);
    for &(w, spawned, ready) in starts {
        if let Some(l) = lane(w) {
            rec.span_on(l, State::Running, "spawn", spawned, ready, Some("process start-up".into()));
        }
    }
    for (j, m) in msgs.iter().enumerate() {
        let Some(l) = lane(m.process) else { continue };
        rec.span_on(l, State::Running, "pipe", m.sent, m.received, Some(format!("message {j} · {} item(s) · copy in", m.items)));
        rec.span(l, State::Io, m.received, m.done, Some(format!("message {j} · work")));
        rec.span_on(l, State::Running, "pipe", m.done, m.back, Some(format!("message {j} · copy out")));
    }
    lanes
}
