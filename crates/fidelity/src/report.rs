//! What a listing reports (`--json`), what a comparison found, and the
//! FIDELITY.md table made of comparisons' rows.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// CPU-time floors (listings with CPU work on GIL builds): for a result
    /// key (or `makespan_ms`), the least time CPython's GIL allows, from the
    /// CPU time the run's computing took while holding the GIL (loop turns
    /// after a gap of 100 µs, where the GIL or the CPU was lost, not counted),
    /// one thread at a time, plus any wait that must come first. Load only adds wall time, never
    /// CPU time, so the engine's value may not be below it (see
    /// [`Comparison::floors`]).
    #[serde(default)]
    pub floors: BTreeMap<String, f64>,
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
    /// Each of the report's [`PyReport::floors`]: `engine` is the engine's
    /// value of that key, `python` the floor; `ok` when the engine is at most
    /// [`FLOOR_EARLY_MS`] below it (a model that lets GIL threads compute at
    /// once is below it by the work it overlapped).
    pub floors: Vec<Pair>,
    /// Result keys only one side reports (`key (engine only)` / `key (CPython only)`).
    /// A failure unless [`crate::variants::ENGINE_ONLY`] lists the
    /// key, with the reason the listing leaves it out.
    pub unshared_results: Vec<String>,
    /// The CPython report this comparison was made with.
    pub report: PyReport,
}

impl Comparison {
    pub fn failures(&self) -> Vec<String> {
        let mut f = Vec::new();
        if !self.makespan.ok {
            let slack = self.report.loop_slack_ms.map_or(String::new(), |s| format!(" (loop slack {s:.1} ms)"));
            f.push(format!("makespan: engine {:.1} ms, CPython {:.1} ms{slack}", self.makespan.engine, self.makespan.python));
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
        for r in self.floors.iter().filter(|r| !r.ok) {
            f.push(format!(
                "{}: engine {:.1} ms, below the {:.1} ms CPython's GIL allows for the CPU time its threads took",
                r.key, r.engine, r.python
            ));
        }
        let listed = |u: &String| u.strip_suffix(" (engine only)").is_some_and(|k| crate::variants::engine_only(&self.scenario, k));
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

/// How far below a CPU-time floor the engine may be: the clock resolution the
/// real-time comparison allows everywhere (`Tolerance::DEFAULT.early_ms`).
/// The floor only counts uninterrupted loop turns, so it is at most the
/// computing done (a few % under it on a loaded machine), never over it.
pub const FLOOR_EARLY_MS: f64 = 1.0;

/// One row of a FIDELITY.md table, as shown: what the real-time rows keep in
/// `data/fidelity_real_time.json` (one run's measurements), and what the
/// virtual-time rows are made of on every run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub lesson: String,
    pub args: String,
    pub tasks: usize,
    pub outcomes_same: bool,
    pub order_same: bool,
    /// Engine, CPython.
    pub max_in_flight: [f64; 2],
    /// Engine, CPython (ms).
    pub makespan_ms: [f64; 2],
    /// CPython's makespan against the engine's, %.
    pub diff_pct: f64,
    pub loop_slack_ms: Option<f64>,
    /// `key engine / CPython` (`✗` before a failing one), then the CPU-time floors.
    pub results: Vec<String>,
    pub agrees: bool,
}

impl From<&Comparison> for Row {
    fn from(c: &Comparison) -> Row {
        let diff = if c.makespan.engine > 0.0 { (c.makespan.python - c.makespan.engine) / c.makespan.engine * 100.0 } else { 0.0 };
        let results = c
            .results
            .iter()
            .map(|r| format!("{} {}{} / {}", r.key, if r.ok { "" } else { "✗ " }, short(r.engine), short(r.python)))
            .chain(
                c.floors
                    .iter()
                    .map(|r| format!("{} {}{} ≥ CPU floor {}", r.key, if r.ok { "" } else { "✗ " }, short(r.engine), short(r.python))),
            )
            .collect();
        Row {
            lesson: c.scenario.clone(),
            args: c.args.clone(),
            tasks: c.tasks_compared,
            outcomes_same: c.outcome_mismatches.is_empty() && c.unmatched.is_empty(),
            order_same: c.order_swaps.is_empty(),
            max_in_flight: [c.max_in_flight.engine, c.max_in_flight.python],
            makespan_ms: [c.makespan.engine, c.makespan.python],
            diff_pct: diff,
            loop_slack_ms: c.report.loop_slack_ms,
            results,
            agrees: c.passed(),
        }
    }
}

/// The FIDELITY.md table of rows.
pub fn rows_table(rows: &[Row]) -> String {
    let mut s = String::from(
        "| lesson | CPython arguments | tasks | outcomes | completion order | max in flight (engine / CPython) | makespan ms (engine / CPython, diff) | loop slack ms | results compared | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        s.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} / {} | {:.1} / {:.1} ({:+.1}%) | {} | {} | {} |\n",
            r.lesson,
            r.args,
            r.tasks,
            if r.outcomes_same { "same" } else { "differ" },
            if r.order_same { "same" } else { "differs" },
            r.max_in_flight[0],
            r.max_in_flight[1],
            r.makespan_ms[0],
            r.makespan_ms[1],
            r.diff_pct,
            r.loop_slack_ms.map_or("–".to_owned(), |s| format!("{s:.1}")),
            if r.results.is_empty() { "–".to_owned() } else { r.results.join("; ") },
            if r.agrees { "agrees" } else { "DIFFERS" },
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
