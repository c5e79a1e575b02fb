//! The fidelity comparison as a dev-only crate (tests and `examples/fidelity.rs`): it reads the
//! lessons and the engine, and nothing of the page can reach it.
//!
//! CPython fidelity: does the playground's timeline agree with what CPython's
//! asyncio actually does with the lesson's own listing?
//!
//! For an async scenario, [`check`] runs `python3 python/<id>.py` with the
//! scenario's `cpython` parameters (`--key value … --json`), runs the same
//! parameters on the virtual clock, and [`compare`]s the two: the same outcome
//! per task, the same completion order (pairs that end closer than the run's
//! loop slack may swap), the same maximum number of fetches in flight, the
//! makespan and every timed result no earlier and no later than the run's own
//! measured lateness allows ([`Tolerance`]), counts exactly (keys only one side
//! reports are listed in [`Comparison::unshared_results`]), and, where the
//! listing computes with real CPU work, the engine's times no lower than the
//! CPU-time floors the listing measured ([`PyReport::floors`]: under the GIL
//! its threads' computing cannot overlap). [`check_with`] compares other parameters than the
//! lesson's own, [`Tolerance`] states explicitly where a comparison needs more room.
//!
//! The listing prints (see `python/simnet.py` for the seeded latencies):
//! `{"makespan_ms": f, "max_in_flight": n, "tasks": [{"name", "end_ms", "outcome"}], "results": {…}}`.
//!
//! Native only (it starts a process); used by `tests/fidelity.rs` and by
//! `examples/fidelity.rs`, which writes the real-time figures FIDELITY.md
//! is rendered from ([`doc`]).

use playground_engine as engine;
use playground_lessons::scenarios;

use crate::engine::metrics::summarize;
use crate::engine::trace::{Outcome, Trace};
use crate::scenarios::{run_virtual, Scenario};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

pub mod doc;
mod report;
mod tolerance;
pub mod variants;

pub use report::{rows_table, Comparison, Pair, PyReport, PyTask, Row, FLOOR_EARLY_MS};
pub use tolerance::Tolerance;
use tolerance::{in_flight_range, is_measure, is_ratio};

/// `(key, value)` pairs as the raw parameter map scenarios validate.
pub fn raw_params(params: &[(&str, &str)]) -> BTreeMap<String, String> {
    params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// `--key value` arguments for the listing.
pub fn cli_args(params: &[(&str, &str)]) -> Vec<String> {
    params.iter().flat_map(|(k, v)| [format!("--{k}"), (*v).to_owned()]).collect()
}

/// `python3 --version` (e.g. `Python 3.11.7`).
pub fn python_version() -> Result<String, String> {
    let out = Command::new("python3").arg("--version").output().map_err(|e| format!("cannot run python3: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs the scenario's listing under `python3` with its `cpython` parameters.
pub fn run_python(scn: &Scenario, repo: &Path) -> Result<PyReport, String> {
    run_python_with(scn, scn.cpython, repo)
}

/// Runs the scenario's listing under `python3` with `params`.
pub fn run_python_with(scn: &Scenario, params: &[(&str, &str)], repo: &Path) -> Result<PyReport, String> {
    run_listing(scn, params, repo, false)
}

/// Runs the scenario's listing under `python3` with `params` on CPython's
/// event loop with a virtual clock (`python/tools/virtual_run.py`): asyncio's
/// own scheduling, timers exactly on time. Deterministic, and instant.
pub fn run_python_virtual_with(scn: &Scenario, params: &[(&str, &str)], repo: &Path) -> Result<PyReport, String> {
    run_listing(scn, params, repo, true)
}

fn run_listing(scn: &Scenario, params: &[(&str, &str)], repo: &Path, virtual_time: bool) -> Result<PyReport, String> {
    let script = repo.join("python").join(format!("{}.py", scn.id));
    let mut cmd = Command::new("python3");
    cmd.current_dir(repo.join("python"));
    let runner = if virtual_time { "virtual_run.py" } else { "real_run.py" };
    cmd.arg(repo.join("python").join("tools").join(runner)).arg(scn.id);
    let out = cmd.args(cli_args(params)).arg("--json").output().map_err(|e| format!("cannot run python3: {e}"))?;
    if !out.status.success() {
        return Err(format!("{} failed: {}", script.display(), String::from_utf8_lossy(&out.stderr)));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("{} --json printed no report: {e}", script.display()))
}

/// The virtual-clock trace for the scenario's `cpython` parameters.
pub fn run_engine(scn: &Scenario) -> Result<Trace, String> {
    run_engine_with(scn, scn.cpython)
}

/// The virtual-clock trace for `params` (over the scenario's defaults), validated.
pub fn run_engine_with(scn: &Scenario, params: &[(&str, &str)]) -> Result<Trace, String> {
    let t = run_virtual(scn, &raw_params(params)).map_err(|e| format!("{} {params:?}: {e}", scn.id))?;
    t.validate().map_err(|e| format!("{} {params:?}: invalid trace: {e:?}", scn.id))?;
    Ok(t)
}

fn outcome_name(o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Done) => "done",
        Some(Outcome::Failed) => "failed",
        Some(Outcome::Cancelled) => "cancelled",
        None => "unfinished",
    }
}

/// Compares a virtual-clock trace (of the scenario's `cpython` parameters)
/// with the listing's report, with the default tolerance.
pub fn compare(scn: &Scenario, trace: &Trace, py: &PyReport) -> Comparison {
    compare_with(scn, scn.cpython, trace, py, &Tolerance::DEFAULT)
}

/// Compares a virtual-clock trace of `params` with the listing's report of the same `params`.
pub fn compare_with(scn: &Scenario, params: &[(&str, &str)], trace: &Trace, py: &PyReport, tol: &Tolerance) -> Comparison {
    let tol = &tol.with_slack(py.loop_slack_ms.unwrap_or(0.0));
    let summary = summarize(trace);
    let engine_end = |lane: u32| trace.lane_spans(lane).map(|s| s.end_ms).fold(0.0, f64::max);
    let lanes: BTreeMap<&str, (f64, Option<Outcome>)> =
        trace.lanes.iter().map(|l| (l.name.as_str(), (engine_end(l.id), l.outcome))).collect();

    let mut unmatched = Vec::new();
    let mut outcome_mismatches = Vec::new();
    let mut matched: Vec<(&PyTask, f64)> = Vec::new();
    for t in &py.tasks {
        match lanes.get(t.name.as_str()) {
            None => unmatched.push(format!("{} (CPython only)", t.name)),
            Some((end, outcome)) => {
                if outcome_name(*outcome) != t.outcome {
                    outcome_mismatches.push(format!("{}: engine {}, CPython {}", t.name, outcome_name(*outcome), t.outcome));
                }
                matched.push((t, *end));
            }
        }
    }
    if !py.tasks.is_empty() {
        let named: std::collections::BTreeSet<&str> = py.tasks.iter().map(|t| t.name.as_str()).collect();
        unmatched.extend(lanes.keys().filter(|n| !named.contains(*n)).map(|n| format!("{n} (engine only)")));
    }
    matched.sort_by(|a, b| a.0.end_ms.total_cmp(&b.0.end_ms));
    let mut order_swaps = Vec::new();
    for i in 0..matched.len() {
        for j in i + 1..matched.len() {
            let ((a, ea), (b, eb)) = (&matched[i], &matched[j]);
            if ea - eb > tol.tie(*ea) {
                order_swaps.push((a.name.clone(), b.name.clone()));
            }
        }
    }

    let compared = |k: &String| !tol.skip_results.contains(&k.as_str());
    let results = py
        .results
        .iter()
        .filter(|(k, _)| compared(k))
        .filter_map(|(k, p)| trace.meta.results.get(k).map(|e| (k, *e, *p)))
        .map(|(k, e, p)| {
            let ok = if is_ratio(k) {
                tol.ratio_ok(e, p, trace.meta.makespan_ms)
            } else if is_measure(k) {
                // A result may be a time (never early) or the difference of
                // two times (e.g. a loop lag), whose two ends can each be late:
                // it may then be short by the slack too.
                let span = Tolerance { early_ms: tol.early_ms + tol.late_ms, ..*tol };
                span.timing_ok(e, p) || (p - e).abs() <= 0.5
            } else {
                e == p
            };
            Pair { key: k.clone(), engine: e, python: p, ok }
        })
        .collect();
    let floors = py
        .floors
        .iter()
        .map(|(k, &floor)| {
            let engine = if k == "makespan_ms" { Some(trace.meta.makespan_ms) } else { trace.meta.results.get(k).copied() };
            // A floor the engine has no value for fails (NaN is below nothing).
            let engine = engine.unwrap_or(f64::NAN);
            Pair { key: k.clone(), engine, python: floor, ok: engine >= floor - FLOOR_EARLY_MS }
        })
        .collect();
    let mut unshared_results: Vec<String> =
        trace.meta.results.keys().filter(|k| compared(k) && !py.results.contains_key(*k)).map(|k| format!("{k} (engine only)")).collect();
    unshared_results
        .extend(py.results.keys().filter(|k| compared(k) && !trace.meta.results.contains_key(*k)).map(|k| format!("{k} (CPython only)")));

    let (em, pm) = (trace.meta.makespan_ms, py.makespan_ms);
    let (ef, pf) = (summary.max_in_flight as f64, py.max_in_flight as f64);
    let (fewest, most) = in_flight_range(trace, tol.late_ms + tol.early_ms);
    Comparison {
        scenario: scn.id.to_owned(),
        args: cli_args(params).join(" "),
        makespan: Pair { key: "makespan_ms".into(), engine: em, python: pm, ok: tol.timing_ok(em, pm) },
        max_in_flight: Pair {
            key: "max_in_flight".into(),
            engine: ef,
            python: pf,
            ok: pf == ef || (fewest as f64..=most as f64).contains(&pf),
        },
        tasks_compared: matched.len(),
        unmatched,
        outcome_mismatches,
        order_swaps,
        results,
        floors,
        unshared_results,
        report: py.clone(),
    }
}

/// Runs and compares one async scenario with its `cpython` parameters: one
/// CPython run, no retry (real timers are only ever late, and the tolerance
/// is one-sided for that reason).
pub fn check(scn: &Scenario, repo: &Path) -> Result<Comparison, String> {
    if scn.cpython.is_empty() {
        return Err(format!("{} has no CPython comparison", scn.id));
    }
    check_with(scn, scn.cpython, repo)
}

/// Like [`check`] with other parameters (over the scenario's defaults).
pub fn check_with(scn: &Scenario, params: &[(&str, &str)], repo: &Path) -> Result<Comparison, String> {
    check_with_tolerance(scn, params, &Tolerance::DEFAULT, repo)
}

/// Like [`check_with`] with an explicit [`Tolerance`].
pub fn check_with_tolerance(scn: &Scenario, params: &[(&str, &str)], tol: &Tolerance, repo: &Path) -> Result<Comparison, String> {
    if scn.run.async_body().is_none() {
        return Err(format!("{} has no CPython comparison", scn.id));
    }
    let trace = run_engine_with(scn, params)?;
    let py = run_python_with(scn, params, repo)?;
    Ok(compare_with(scn, params, &trace, &py, tol))
}

/// Compares the lesson with `params` against its listing on CPython's event
/// loop with a virtual clock ([`run_python_virtual_with`]): one run, since
/// both sides are deterministic.
pub fn check_virtual(scn: &Scenario, params: &[(&str, &str)], tol: &Tolerance, repo: &Path) -> Result<Comparison, String> {
    let trace = run_engine_with(scn, params)?;
    let py = run_python_virtual_with(scn, params, repo)?;
    Ok(compare_with(scn, params, &trace, &py, tol))
}
