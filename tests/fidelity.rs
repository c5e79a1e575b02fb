//! Every async lesson against real CPython 3.11 running its own listing with
//! the same parameters and seed (see `src/fidelity.rs` for what is compared).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::fidelity::{check, compare, run_engine, PyReport, PyTask};
use concurrency_playground::scenarios::{crawler, Kind, ALL};
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Lessons whose listing reports every result key the engine has (the rest
/// may leave out engine-only statistics, e.g. pipeline's per-stage means).
const LISTING_REPORTS_EVERY_RESULT: &[&str] = &["blocking", "gather", "resilience", "results", "taskgroup"];

#[test]
fn every_async_lesson_agrees_with_cpython() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for scn in ALL.iter().filter(|s| s.kind == Kind::Async) {
        assert!(!scn.cpython.is_empty(), "{}: async lessons declare their CPython comparison parameters", scn.id);
        match check(scn, repo(), 5) {
            Ok(c) if c.passed() => {
                assert!(c.tasks_compared > 0, "{}: the listing reported no tasks", scn.id);
                if LISTING_REPORTS_EVERY_RESULT.contains(&scn.id) {
                    assert!(c.unshared_results.is_empty(), "{}: {:?}", scn.id, c.unshared_results);
                }
                compared += 1;
            }
            Ok(c) => failures.push(format!("{}: {}", scn.id, c.failures().join("; "))),
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "CPython disagrees:\n{}", failures.join("\n"));
    assert!(compared >= 2);
}

/// The comparison itself must be able to fail: a report that swaps two
/// requests, loses one, or reports another concurrency is caught.
#[test]
fn the_comparison_catches_disagreements() {
    let trace = run_engine(&crawler::SCENARIO).unwrap();
    let end = |name: &str| {
        let lane = trace.lanes.iter().find(|l| l.name == name).unwrap().id;
        trace.lane_spans(lane).map(|s| s.end_ms).fold(0.0, f64::max)
    };
    let honest = PyReport {
        makespan_ms: trace.meta.makespan_ms * 1.01,
        max_in_flight: 3,
        tasks: trace.lanes.iter().map(|l| PyTask { name: l.name.clone(), end_ms: end(&l.name) + 0.5, outcome: "done".into() }).collect(),
        results: Default::default(),
        extra: Default::default(),
    };
    assert!(compare(&crawler::SCENARIO, &trace, &honest).passed(), "{:?}", compare(&crawler::SCENARIO, &trace, &honest).failures());

    let mut swapped = honest.clone();
    let (first, last) = (0, swapped.tasks.len() - 1);
    let (a, b) = (swapped.tasks[first].end_ms, swapped.tasks[last].end_ms);
    swapped.tasks[first].end_ms = b;
    swapped.tasks[last].end_ms = a;
    assert!(!compare(&crawler::SCENARIO, &trace, &swapped).order_swaps.is_empty());

    let mut slow = honest.clone();
    slow.makespan_ms = trace.meta.makespan_ms * 1.06;
    assert!(!compare(&crawler::SCENARIO, &trace, &slow).makespan.ok);

    let mut wider = honest.clone();
    wider.max_in_flight = 4;
    assert!(!compare(&crawler::SCENARIO, &trace, &wider).passed());

    let mut lost = honest.clone();
    lost.tasks.pop();
    lost.tasks[0].outcome = "failed".into();
    let c = compare(&crawler::SCENARIO, &trace, &lost);
    assert_eq!(c.unmatched.len(), 1);
    assert_eq!(c.outcome_mismatches.len(), 1);
}
