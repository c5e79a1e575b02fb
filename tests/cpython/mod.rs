//! Shared by the async lesson tests: runs a lesson's Python listing under real
//! CPython with the scenario's `cpython` params and compares its JSON with the
//! virtual-clock trace (outcome per task, completion order up to near-ties,
//! max in flight, makespan and shared results within real-time slack).

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::{Outcome, Trace};
use concurrency_playground::scenarios::{run_virtual, Scenario};
use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

/// Tasks whose virtual end times are this close may finish in either order in
/// CPython: asyncio rounds timer waits up to whole milliseconds, and on a busy
/// machine each real sleep is late by more, which piles up along a chain of
/// sleeps (arrival, attempt, backoff, …), so the slack grows with the time.
pub fn tie_ms(t: f64) -> f64 {
    2.0 + 0.05 * t
}

pub fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

pub fn run_listing(scn: &Scenario) -> Value {
    let mut args: Vec<String> = vec![format!("{}/python/{}.py", env!("CARGO_MANIFEST_DIR"), scn.id)];
    for (k, v) in scn.cpython {
        args.push(format!("--{k}"));
        args.push((*v).to_owned());
    }
    args.push("--json".into());
    let out = Command::new("python3").args(&args).output().expect("python3 runs");
    assert!(out.status.success(), "{}.py failed: {}", scn.id, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("listing prints JSON")
}

fn outcome_str(o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Done) => "done",
        Some(Outcome::Failed) => "failed",
        Some(Outcome::Cancelled) => "cancelled",
        None => "none",
    }
}

/// Each lane's end (its last span's end) on the virtual clock.
pub fn lane_ends(t: &Trace) -> BTreeMap<String, (f64, &'static str)> {
    t.lanes
        .iter()
        .map(|l| {
            let end = t.lane_spans(l.id).map(|s| s.end_ms).fold(0.0, f64::max);
            (l.name.clone(), (end, outcome_str(l.outcome)))
        })
        .collect()
}

/// Structural checks on every attempt; the rest must all hold on one of three
/// attempts (a busy machine delays real timers and may flip a close decision).
pub fn matches_cpython(scn: &Scenario) -> Trace {
    let params: Vec<(&str, &str)> = scn.cpython.to_vec();
    let t = run_virtual(scn, &raw(&params)).expect("virtual run");
    t.validate().unwrap();
    let v = lane_ends(&t);
    let v_max = summarize(&t).max_in_flight as u64;
    let mut failures = Vec::new();
    for _ in 0..3 {
        let py = run_listing(scn);
        let mut bad = Vec::new();
        if py["max_in_flight"].as_u64() != Some(v_max) {
            bad.push(format!("max in flight {} vs virtual {v_max}", py["max_in_flight"]));
        }
        let tasks = py["tasks"].as_array().expect("tasks");
        let mut p: Vec<(String, f64, String)> = tasks
            .iter()
            .map(|x| (x["name"].as_str().unwrap().to_owned(), x["end_ms"].as_f64().unwrap(), x["outcome"].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(p.len(), v.len(), "{}: one task per lane", scn.id);
        for (name, _, outcome) in &p {
            let (_, vo) = v.get(name).unwrap_or_else(|| panic!("{}: no lane {name}", scn.id));
            if outcome != vo {
                bad.push(format!("{name}: {outcome} vs virtual {vo}"));
            }
        }
        p.sort_by(|a, b| a.1.total_cmp(&b.1));
        let swapped: Vec<(String, String)> = (0..p.len())
            .flat_map(|i| (i + 1..p.len()).map(move |j| (i, j)))
            .filter(|(i, j)| v[&p[*i].0].0 - v[&p[*j].0].0 > tie_ms(v[&p[*i].0].0))
            .map(|(i, j)| (p[i].0.clone(), p[j].0.clone()))
            .collect();
        let (pm, vm) = (py["makespan_ms"].as_f64().unwrap(), t.meta.makespan_ms);
        if !swapped.is_empty() {
            bad.push(format!("out of order: {swapped:?}"));
        }
        if !(pm >= vm - 0.5 && pm <= vm * 1.1 + 20.0) {
            bad.push(format!("makespan {pm:.1} vs virtual {vm:.1}"));
        }
        for (key, pv) in py["results"].as_object().expect("results") {
            let Some(vv) = t.meta.results.get(key) else { continue };
            let pv = pv.as_f64().unwrap();
            if key.ends_with("_ms") {
                if !(pv >= vv - 0.5 && pv <= vv * 1.1 + 20.0) {
                    bad.push(format!("{key}: {pv:.1} vs virtual {vv:.1}"));
                }
            } else if pv != *vv {
                bad.push(format!("{key}: {pv} vs virtual {vv}"));
            }
        }
        for key in t.meta.results.keys() {
            assert!(py["results"].get(key).is_some(), "{}: the listing does not report {key}", scn.id);
        }
        if bad.is_empty() {
            return t;
        }
        failures.push(bad.join("; "));
    }
    panic!("{}: CPython and the virtual clock disagree in all attempts:\n{}", scn.id, failures.join("\n"));
}
