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
//! reports are listed in [`Comparison::unshared_results`]). [`check_with`] compares other parameters than the
//! lesson's own, [`Tolerance`] states explicitly where a comparison needs more room.
//!
//! The listing prints (see `python/simnet.py` for the seeded latencies):
//! `{"makespan_ms": f, "max_in_flight": n, "tasks": [{"name", "end_ms", "outcome"}], "results": {…}}`.
//!
//! Native only (it starts a process); used by `tests/fidelity.rs` and by
//! `examples/fidelity.rs`, which writes `FIDELITY.md`.

use crate::engine::metrics::summarize;
use crate::engine::trace::{Outcome, State, Trace};
use crate::scenarios::{run_virtual, Exec, Scenario};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// How far CPython may be from the virtual clock and still agree. The
/// default ([`Tolerance::DEFAULT`]) is what `tests/fidelity.rs` holds every
/// lesson to: one-sided, because CPython's real timers only ever fire late.
/// On real time the listing runs under `python/tools/real_run.py`, which
/// measures the run's *loop slack* ([`PyReport::loop_slack_ms`]: the time
/// CPython's loop spent late or running code, which the virtual clock counts
/// as nothing); every finish time may then be at most 1 ms early and at most
/// that slack late, and two tasks whose virtual ends are closer than the slack
/// may finish in either order. Nothing is a fixed percentage: the bound is the
/// run's own lateness, so a busy machine widens it and an idle one tightens it.
/// On virtual time (`virtual_run.py`) there is no slack and the comparison is
/// exact (`fidelity_variants::EXACT`).
///
/// A comparison with other parameters than the lesson's `cpython` ones may
/// need more room (e.g. the engine's model of a real difference); it says so
/// explicitly with a looser value, documented where it is used, instead of
/// carrying its own copy of the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    /// Relative difference accepted either way (makespan, timed results).
    pub rel: f64,
    /// Extra milliseconds CPython may be early (on top of `rel`).
    pub early_ms: f64,
    /// Extra part of the engine value CPython may be late (real timers only overshoot).
    pub late_rel: f64,
    /// Extra milliseconds CPython may be late.
    pub late_ms: f64,
    /// Tasks ending within `tie_ms + tie_fraction · t` of each other may swap.
    pub tie_ms: f64,
    pub tie_fraction: f64,
    /// Result keys left out of the comparison (the caller checks them itself).
    pub skip_results: &'static [&'static str],
}

impl Tolerance {
    pub const DEFAULT: Tolerance = Tolerance {
        rel: 0.0,
        early_ms: 1.0,
        late_rel: 0.0,
        late_ms: 0.0,
        tie_ms: 1.0,
        tie_fraction: 0.0,
        skip_results: &[],
    };

    /// This tolerance widened by a real-time run's measured loop slack: that
    /// much later, and near-ties that close.
    pub fn with_slack(&self, slack_ms: f64) -> Tolerance {
        Tolerance { late_ms: self.late_ms + slack_ms, tie_ms: self.tie_ms + slack_ms, ..*self }
    }

    /// Whether a CPython measurement `python` agrees with the engine's `engine`.
    pub fn timing_ok(&self, engine: f64, python: f64) -> bool {
        let e = engine.abs().max(1e-9);
        python >= engine - self.rel * e - self.early_ms && python <= engine + (self.rel + self.late_rel) * e + self.late_ms
    }

    /// Whether a ratio `python` (a count per second, a speed-up: see
    /// [`is_ratio`]) agrees with `engine` when the run lasted `span_ms`: every
    /// time it is made of may be off by up to the early and late allowances,
    /// so the ratio by up to that share of the run, either way.
    pub fn ratio_ok(&self, engine: f64, python: f64, span_ms: f64) -> bool {
        let d = self.early_ms + self.late_ms;
        let share = d / (span_ms - d).max(d).max(1e-9);
        (python - engine).abs() <= share * engine.abs() + 1e-9
    }

    fn tie(&self, t: f64) -> f64 {
        self.tie_ms + self.tie_fraction * t
    }
}

impl Default for Tolerance {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PyTask {
    pub name: String,
    pub end_ms: f64,
    pub outcome: String,
}

/// What a listing prints with `--json`.
#[derive(Debug, Clone, Deserialize)]
pub struct PyReport {
    pub makespan_ms: f64,
    pub max_in_flight: u64,
    #[serde(default)]
    pub tasks: Vec<PyTask>,
    #[serde(default)]
    pub results: BTreeMap<String, f64>,
    /// Real time only (`python/tools/real_run.py`): how long the loop was late
    /// or busy in all, ms; what a real run may lag the virtual clock by.
    #[serde(default)]
    pub loop_slack_ms: Option<f64>,
    /// Anything else the listing prints (lesson-specific checks read it).
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One compared number.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub key: String,
    pub engine: f64,
    pub python: f64,
    pub ok: bool,
}

/// The comparison of one lesson.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub scenario: String,
    pub args: String,
    pub makespan: Pair,
    pub max_in_flight: Pair,
    pub tasks_compared: usize,
    /// Tasks the listing reported that the trace has no lane for (or the reverse).
    pub unmatched: Vec<String>,
    pub outcome_mismatches: Vec<String>,
    /// Pairs (a, b) that CPython finished a-then-b but the engine b-then-a, further apart than the tolerance's near-tie.
    pub order_swaps: Vec<(String, String)>,
    pub results: Vec<Pair>,
    /// Result keys only one side reports (`key (engine only)` / `key (CPython only)`).
    /// A failure unless [`crate::fidelity_variants::ENGINE_ONLY`] lists the
    /// key, with the reason the listing leaves it out.
    pub unshared_results: Vec<String>,
    /// The CPython report this comparison was made with.
    pub report: PyReport,
}

impl Comparison {
    pub fn failures(&self) -> Vec<String> {
        let mut f = Vec::new();
        if !self.makespan.ok {
            f.push(format!("makespan: engine {:.1} ms, CPython {:.1} ms", self.makespan.engine, self.makespan.python));
        }
        if !self.max_in_flight.ok {
            f.push(format!("max in flight: engine {}, CPython {}", self.max_in_flight.engine, self.max_in_flight.python));
        }
        if !self.unmatched.is_empty() {
            f.push(format!("tasks without a counterpart: {:?}", self.unmatched));
        }
        if !self.outcome_mismatches.is_empty() {
            f.push(format!("outcomes differ: {:?}", self.outcome_mismatches));
        }
        if !self.order_swaps.is_empty() {
            f.push(format!("completion order differs: {:?}", self.order_swaps));
        }
        for r in self.results.iter().filter(|r| !r.ok) {
            f.push(format!("{}: engine {}, CPython {}", r.key, r.engine, r.python));
        }
        let listed = |u: &String| u.strip_suffix(" (engine only)").is_some_and(|k| crate::fidelity_variants::engine_only(&self.scenario, k));
        let unlisted: Vec<&String> = self.unshared_results.iter().filter(|u| !listed(u)).collect();
        if !unlisted.is_empty() {
            f.push(format!("result keys only one side reports: {unlisted:?}"));
        }
        f
    }

    pub fn passed(&self) -> bool {
        self.failures().is_empty()
    }
}

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
    let out = cmd
        .args(cli_args(params))
        .arg("--json")
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
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

/// Whether a result key is a count (compared exactly) or a measurement.
/// The fewest and the most requests (spans in [`State::Io`]) that can be in
/// flight at once when any start or end may come up to `slack_ms` late: a
/// request that ended less than `slack_ms` before another started may still
/// be in flight then, unless it ended at that very instant (on the virtual
/// clock, an end and a start at the same time are cause and effect, such as a
/// semaphore slot handed on, and stay in that order on real time too).
fn in_flight_range(trace: &Trace, slack_ms: f64) -> (usize, usize) {
    let io: Vec<(f64, f64)> = trace.spans.iter().filter(|s| s.state == State::Io && s.end_ms > s.start_ms).map(|s| (s.start_ms, s.end_ms)).collect();
    let at = |t: f64, late_start: f64, still: &dyn Fn(f64) -> bool| io.iter().filter(|&&(s, e)| s + late_start <= t && still(e)).count();
    let most = io.iter().map(|&(t, _)| at(t, 0.0, &|e| e > t || (e + slack_ms > t && e != t))).max().unwrap_or(0);
    let fewest = io.iter().map(|&(t, _)| t + slack_ms).map(|t| at(t, slack_ms, &|e| e > t)).max().unwrap_or(0);
    (fewest.min(most), most)
}

/// Results that divide by a duration or by each other: they move either way
/// when times are late.
fn is_ratio(key: &str) -> bool {
    ["_x", "_rate", "_per_s"].iter().any(|s| key.ends_with(s))
}

fn is_measure(key: &str) -> bool {
    ["_ms", "_x", "_rate", "_per_s", "_s"].iter().any(|s| key.ends_with(s))
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
    let mut unshared_results: Vec<String> =
        trace.meta.results.keys().filter(|k| compared(k) && !py.results.contains_key(*k)).map(|k| format!("{k} (engine only)")).collect();
    unshared_results.extend(py.results.keys().filter(|k| compared(k) && !trace.meta.results.contains_key(*k)).map(|k| format!("{k} (CPython only)")));

    let (em, pm) = (trace.meta.makespan_ms, py.makespan_ms);
    let (ef, pf) = (summary.max_in_flight as f64, py.max_in_flight as f64);
    let (fewest, most) = in_flight_range(trace, tol.late_ms + tol.early_ms);
    Comparison {
        scenario: scn.id.to_owned(),
        args: cli_args(params).join(" "),
        makespan: Pair { key: "makespan_ms".into(), engine: em, python: pm, ok: tol.timing_ok(em, pm) },
        max_in_flight: Pair { key: "max_in_flight".into(), engine: ef, python: pf, ok: pf == ef || (fewest as f64..=most as f64).contains(&pf) },
        tasks_compared: matched.len(),
        unmatched,
        outcome_mismatches,
        order_swaps,
        results,
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
    if !matches!(scn.exec, Exec::Async(_)) {
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

/// The FIDELITY.md table, one row per lesson.
pub fn markdown_table(rows: &[Comparison]) -> String {
    let mut s = String::from(
        "| lesson | CPython arguments | tasks | outcomes | completion order | max in flight (engine / CPython) | makespan ms (engine / CPython, diff) | loop slack ms | results compared | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for c in rows {
        let diff = if c.makespan.engine > 0.0 { (c.makespan.python - c.makespan.engine) / c.makespan.engine * 100.0 } else { 0.0 };
        let results: Vec<String> = c
            .results
            .iter()
            .map(|r| format!("{} {}{} / {}", r.key, if r.ok { "" } else { "✗ " }, short(r.engine), short(r.python)))
            .collect();
        s.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} / {} | {:.1} / {:.1} ({:+.1}%) | {} | {} | {} |\n",
            c.scenario,
            c.args,
            c.tasks_compared,
            if c.outcome_mismatches.is_empty() && c.unmatched.is_empty() { "same" } else { "differ" },
            if c.order_swaps.is_empty() { "same" } else { "differs" },
            c.max_in_flight.engine,
            c.max_in_flight.python,
            c.makespan.engine,
            c.makespan.python,
            diff,
            c.report.loop_slack_ms.map_or("–".to_owned(), |s| format!("{s:.1}")),
            if results.is_empty() { "–".to_owned() } else { results.join("; ") },
            if c.passed() { "agrees" } else { "DIFFERS" },
        ));
    }
    s
}

fn short(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}
