//! Lesson: state shared between processes. `procs` processes each do
//! `v.value += 1` `increments` times (a read, then a write):
//!
//! - **shared**: `v` is a `multiprocessing.Value`, memory every process maps;
//! - **manager**: `v` is a `Manager().Value` proxy: the value lives in the
//!   manager's process and every access is a message there and back;
//! - **plain**: nothing shared: `COUNTER += 1` on a module-level global, then
//!   `SEEN["x"] = COUNTER` in a plain dict. Each process changes its own copy:
//!   a child reads `increments` at its end, and the parent's global and dict,
//!   read after the join, are as they were (0, `{}`).
//!
//! Without the lock another process can write between a read and its write,
//! and updates are lost; with it (`v.get_lock()`, a Manager `Lock`) the total
//! is exact and the processes take turns. Results: the final value, the
//! expected `procs × increments`, the lost updates, and the time per access
//! a process saw (its loop over 2 × increments accesses, waiting included).
//!
//! On the browser clock it is real (the runtime's `Caps::shared`): Web Worker
//! processes with their own wasm memory, handed one `SharedArrayBuffer`
//! (shared) or a `MessagePort` each to a manager worker (manager); in plain
//! mode the global and the dict are statics of each instance's own memory,
//! and the parent reads the page's after the join. On the
//! virtual clock it is a model with CPython's costs on this machine
//! ([`COSTS`], `python3 python/mpshared.py --measure`): unlocked processes
//! run in lockstep, the worst interleaving (every round all read the same
//! value: `(procs − 1) × increments` lost); locked ones take turns, one
//! increment each; a manager serves one request at a time.

use super::mpqueue;
use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::procshared::{SharedProc, SharedSpec};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::Runtime;
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "mpshared",
    params: &[
        ParamSpec::choice("mode", &["shared_memory", "manager", "plain"], "shared_memory"),
        ParamSpec::choice("lock", &["unlocked", "locked"], "unlocked"),
        ParamSpec::int("procs", 1, 8, 4),
        ParamSpec::int("increments", 1, 200_000, 10_000),
    ],
    cpython: &[("mode", "shared_memory"), ("lock", "locked"), ("procs", "2"), ("increments", "20000")],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// What CPython 3.11.7 paid on this machine (ms), `python3 python/mpshared.py
/// --measure` (2026-12-07 01:20 UTC, load average ~15 on 2 cores; each
/// increment figure the least of 3 × 3 runs of 2,000, one process alone):
/// starting a Manager (its server process), and one `v.value += 1` per mode
/// and lock; the plain global's `COUNTER += 1` (under a `Lock` or not) the
/// same way at 04:59 UTC, load average ~3.5 (a build running). Starting each worker process: `mpqueue::COSTS.start_fork_ms`.
pub struct Costs {
    pub manager_start_ms: f64,
    pub shared_unlocked_ms: f64,
    pub shared_locked_ms: f64,
    pub manager_unlocked_ms: f64,
    pub manager_locked_ms: f64,
    pub plain_unlocked_ms: f64,
    pub plain_locked_ms: f64,
}

pub const COSTS: Costs = Costs {
    manager_start_ms: 180.17,
    shared_unlocked_ms: 0.000266,
    shared_locked_ms: 0.000526,
    manager_unlocked_ms: 0.0405,
    manager_locked_ms: 0.0757,
    plain_unlocked_ms: 0.0000316,
    plain_locked_ms: 0.000221,
};

/// One increment alone, for these parameters.
pub fn increment_ms(p: &Params) -> f64 {
    match (p.choice("mode"), p.choice("lock")) {
        ("manager", "locked") => COSTS.manager_locked_ms,
        ("manager", _) => COSTS.manager_unlocked_ms,
        ("plain", "locked") => COSTS.plain_locked_ms,
        ("plain", _) => COSTS.plain_unlocked_ms,
        (_, "locked") => COSTS.shared_locked_ms,
        _ => COSTS.shared_unlocked_ms,
    }
}

/// The model: each process's `(start, end)` of its loop (ms from the start),
/// and the final value as the parent reads it. Processes are ready after the
/// manager (if any) and one fork. Locked: turns of one increment each,
/// process 0 first. Unlocked in shared memory or plain: all at once, in
/// lockstep. Unlocked through a manager: in lockstep too, the manager serving
/// the `procs` requests of a round one by one. Plain: the parent's global
/// stays 0 (each child changed its own copy).
pub fn model(p: &Params) -> (Vec<(f64, f64)>, f64) {
    let (procs, n) = (p.int("procs") as usize, p.int("increments") as f64);
    let manager = p.choice("mode") == "manager";
    let start = mpqueue::COSTS.start_fork_ms + if manager { COSTS.manager_start_ms } else { 0.0 };
    let c = increment_ms(p);
    let pf = procs as f64;
    let loops = (0..procs)
        .map(|i| match (p.choice("lock"), manager) {
            ("locked", _) => (start, start + (n - 1.0) * pf * c + (i as f64 + 1.0) * c),
            (_, false) => (start, start + n * c),
            (_, true) => (start, start + n * pf * c),
        })
        .collect();
    let value = match (p.choice("mode"), p.choice("lock")) {
        ("plain", _) => 0.0,
        (_, "locked") => pf * n,
        _ => n,
    };
    (loops, value)
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let t0 = rt.now();
        let (procs, n) = (p.int("procs") as usize, p.int("increments") as u32);
        let manager = p.choice("mode") == "manager";
        let plain = p.choice("mode") == "plain";
        let main = rec.lane("main", LaneKind::Worker);
        let host = rt.caps().shared();
        let (runs, value, parent_keys, measured) = match host {
            Some(h) => {
                let spec = SharedSpec { procs, increments: n, manager, plain, lock: p.choice("lock") == "locked" };
                let r = h.run(spec).await.map_err(|e| RunError::Workload(format!("processes: {e}")))?;
                let shift = rt.now() - r.now;
                let runs: Vec<SharedProc> = r
                    .procs
                    .iter()
                    .map(|s| SharedProc {
                        spawned: s.spawned + shift,
                        ready: s.ready + shift,
                        start: s.start + shift,
                        end: s.end + shift,
                        ..*s
                    })
                    .collect();
                (runs, r.value, r.parent_keys, true)
            }
            None => {
                let (loops, value) = model(&p);
                let ready = t0 + mpqueue::COSTS.start_fork_ms + if manager { COSTS.manager_start_ms } else { 0.0 };
                // Plain: each child reads its own global, `increments`; the parent's dict stays empty.
                let saw = plain.then_some(n as f64);
                let runs: Vec<SharedProc> =
                    loops.iter().map(|&(s, e)| SharedProc { spawned: t0, ready, start: s + t0, end: e + t0, saw }).collect();
                let end = runs.iter().map(|r| r.end).fold(ready, f64::max);
                rt.sleep(end - t0).await;
                (runs, value, plain.then_some(0.0), false)
            }
        };
        let what = match p.choice("mode") {
            "manager" => "through the manager (a round trip per access)",
            "plain" => "a plain global: this process's own copy",
            _ => "in shared memory",
        };
        let op = if plain { "COUNTER += 1" } else { "v.value += 1" };
        let lock = if p.choice("lock") == "locked" { "with the lock" } else { "no lock" };
        for (i, r) in runs.iter().enumerate() {
            let l = rec.lane(format!("process {i}"), LaneKind::Worker);
            rec.span_on(l, State::Running, "spawn", r.spawned, r.ready.max(r.spawned), Some("process start-up".into()));
            let from = r.start.max(r.ready).max(r.spawned);
            rec.span(l, State::Io, from, r.end.max(from), Some(format!("{n} × {op} · {what} · {lock}")));
            rec.finish_lane(l, Outcome::Done, r.end.max(from));
        }
        let end = rt.now();
        rec.span(main, State::Waiting, t0, end, Some("join: waiting for the processes".into()));
        rec.finish_lane(main, Outcome::Done, end);
        let expected = procs as f64 * n as f64;
        rec.result("final_value", value);
        rec.result("expected", expected);
        rec.result("lost_updates", expected - value);
        if plain {
            // What the children saw in their own copies, and the parent's dict after the join.
            rec.result("child_value", runs.iter().filter_map(|r| r.saw).fold(f64::NAN, f64::max));
            rec.result("parent_dict_keys", parent_keys.unwrap_or(f64::NAN));
        }
        let per: f64 = runs.iter().map(|r| (r.end - r.start) / (2.0 * n as f64)).sum::<f64>() / runs.len().max(1) as f64;
        rec.result("access_us", per * 1000.0);
        if measured {
            // CPython's cost for one access alone, same mode and lock: listed apart.
            rec.result("cpython_access_us", increment_ms(&p) / 2.0 * 1000.0);
        }
        Ok(())
    })
}
