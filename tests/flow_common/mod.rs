//! Shared by the async-flow lesson tests: run a lesson on the virtual clock,
//! and compare it with its CPython listing the way the fidelity harness does.
#![allow(dead_code)]

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::{Outcome, Trace};
use concurrency_playground::scenarios::{run_virtual, Scenario};
use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

pub fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Runs `scn` on the virtual clock with `pairs` over its defaults; checks the trace.
pub fn run(scn: &Scenario, pairs: &[(&str, &str)]) -> Trace {
    let t = run_virtual(scn, &raw(pairs)).unwrap_or_else(|e| panic!("{} {pairs:?}: {e}", scn.id));
    t.validate().expect("valid trace");
    t
}

/// Runs `python/<id>.py` with the scenario's `cpython` params and `--json`.
pub fn python(scn: &Scenario) -> Value {
    python_with(scn, scn.cpython)
}

/// Runs `python/<id>.py` with `pairs` and `--json`.
pub fn python_with(scn: &Scenario, pairs: &[(&str, &str)]) -> Value {
    let mut cmd = Command::new("python3");
    cmd.arg(format!("{}/python/{}.py", env!("CARGO_MANIFEST_DIR"), scn.id));
    for (k, v) in pairs {
        cmd.args([format!("--{k}"), v.to_string()]);
    }
    let out = cmd.arg("--json").output().expect("python3 runs");
    assert!(out.status.success(), "{}.py: {}", scn.id, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

fn outcome_name(o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Done) => "done",
        Some(Outcome::Failed) => "failed",
        Some(Outcome::Cancelled) => "cancelled",
        None => "none",
    }
}

/// Completion times closer than this may swap in CPython (sleeps overshoot by ≤ ~1 ms each).
pub const TIE_MS: f64 = 3.0;

/// Extra makespan allowance for a loaded machine (see `compare`).
pub const MAKESPAN_SLACK_MS: f64 = 15.0;

/// One comparison; `Err` says what differed.
pub fn compare(scn: &Scenario, t: &Trace, py: &Value) -> Result<(), String> {
    // Same tasks, same outcomes.
    let mut py_end: BTreeMap<String, (f64, String)> = BTreeMap::new();
    for task in py["tasks"].as_array().ok_or("no tasks")? {
        let name = task["name"].as_str().ok_or("task name")?.to_owned();
        py_end.insert(name, (task["end_ms"].as_f64().ok_or("end_ms")?, task["outcome"].as_str().ok_or("outcome")?.to_owned()));
    }
    let mut v_end: Vec<(String, f64)> = Vec::new();
    for l in &t.lanes {
        let (_, o) = py_end.get(&l.name).ok_or(format!("{}: no CPython task {}", scn.id, l.name))?;
        if o != outcome_name(l.outcome) {
            return Err(format!("{}: outcome differs: {o} vs {:?}", l.name, l.outcome));
        }
        v_end.push((l.name.clone(), lane_end(t, l.id)));
    }
    if py_end.len() != t.lanes.len() {
        return Err(format!("{} CPython tasks vs {} lanes", py_end.len(), t.lanes.len()));
    }
    // Same completion order, up to near-ties.
    for a in &v_end {
        for b in &v_end {
            if a.1 + TIE_MS < b.1 && py_end[&a.0].0 > py_end[&b.0].0 {
                return Err(format!("order: {} ({:.1}) before {} ({:.1}) on the virtual clock, not in CPython", a.0, a.1, b.0, b.1));
            }
        }
    }
    let s = summarize(t);
    let p_max = py["max_in_flight"].as_u64().ok_or("max_in_flight")? as usize;
    if p_max != s.max_in_flight {
        return Err(format!("max in flight {p_max} vs {}", s.max_in_flight));
    }
    let close = |p: f64, v: f64| (p - v).abs() <= 0.05 * v.abs().max(1e-9) || (p - v).abs() < 1e-9;
    let p_make = py["makespan_ms"].as_f64().ok_or("makespan_ms")?;
    // Real sleeps only overshoot, by ~1 ms each on an idle machine and ~4 ms under
    // heavy load (many builds on two cores); allow that on top of the harness's 5%.
    if !(p_make >= t.meta.makespan_ms - 1.0 && p_make <= t.meta.makespan_ms * 1.05 + MAKESPAN_SLACK_MS) {
        return Err(format!("makespan {p_make:.1} vs {:.1}", t.meta.makespan_ms));
    }
    if let Some(res) = py["results"].as_object() {
        for (k, v) in res {
            let Some(e) = t.meta.results.get(k) else { continue };
            let p = v.as_f64().ok_or(format!("result {k}"))?;
            if !close(p, *e) {
                return Err(format!("result {k}: CPython {p} vs engine {e}"));
            }
        }
    }
    Ok(())
}

/// The fidelity check: must pass on one of three attempts (a busy machine
/// delays real sleeps); the engine side is deterministic.
pub fn matches_cpython(scn: &Scenario) {
    matches_cpython_with(scn, scn.cpython)
}

/// Like [`matches_cpython`] with other parameters.
pub fn matches_cpython_with(scn: &Scenario, pairs: &[(&str, &str)]) {
    let t = run(scn, pairs);
    let mut errs = Vec::new();
    for _ in 0..3 {
        match compare(scn, &t, &python_with(scn, pairs)) {
            Ok(()) => return,
            Err(e) => errs.push(e),
        }
    }
    panic!("{}: CPython and the engine differ: {errs:#?}", scn.id);
}

/// Virtual completion times of the lanes, sorted; for picking tie-free params.
pub fn min_gap(t: &Trace, prefix: &str) -> f64 {
    let mut ends: Vec<f64> = t.lanes.iter().filter(|l| l.name.starts_with(prefix)).map(|l| lane_end(t, l.id)).collect();
    ends.sort_by(f64::total_cmp);
    ends.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min)
}

/// When a lane's work ended: its last span or its last event.
pub fn lane_end(t: &Trace, lane: u32) -> f64 {
    let spans = t.lane_spans(lane).map(|s| s.end_ms).fold(0.0, f64::max);
    t.events.iter().filter(|e| e.lane == Some(lane)).map(|e| e.t_ms).fold(spans, f64::max)
}
