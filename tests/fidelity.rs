//! Every async lesson against real CPython 3.11 running its own listing with
//! the same parameters and seed (see `crates/fidelity/src/lib.rs` for what is compared),
//! on CPython's loop with a virtual clock (exact). The real-time comparison is
//! `tests/fidelity_real_time.rs`, alone in its binary so that no other test
//! of this crate loads the CPU while CPython's timers run.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::repo;

use concurrency_playground::scenarios::{crawler, Kind, ALL};
use playground_fidelity::doc::{render, RealTime, REAL_TIME_DATA};
use playground_fidelity::variants::{variants, variants_virtual, ENGINE_ONLY, NOT_VIRTUAL};
use playground_fidelity::{check_virtual, cli_args, compare, python_version, run_engine, PyReport, PyTask, Row};

fn python_is_3_11() {
    let v = python_version().expect("python3 runs");
    assert!(v.starts_with("Python 3.11."), "the listings are compared with CPython 3.11, found {v}");
}

/// Virtual time: every variant of every lesson against its listing on
/// CPython's own event loop with a virtual clock: same times, same order,
/// same results, exactly.
#[test]
fn every_variant_agrees_exactly_with_cpython_on_virtual_time() {
    python_is_3_11();
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut rows = Vec::new();
    for scn in ALL.iter().filter(|s| s.kind() == Kind::Async) {
        for (params, tol) in variants_virtual(scn) {
            match check_virtual(scn, &params, &tol, repo()) {
                Ok(c) if c.passed() => {
                    assert!(c.tasks_compared > 0, "{} {params:?}: the listing reported no tasks", scn.id);
                    compared += 1;
                    rows.push(Row::from(&c));
                }
                Ok(c) => failures.push(format!("{} {}: {}", scn.id, c.args, c.failures().join("; "))),
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(failures.is_empty(), "CPython disagrees:\n{}", failures.join("\n"));
    // deadlock 2 + ratelimit 4 + prodcons 4 + actors 2 variants, one each for the other 7 but blocking.
    assert!(compared >= 18, "{compared} comparisons");
    // FIDELITY.md is not stale: it is rendered from this run's virtual-time
    // rows (deterministic) and the real-time figures kept in REAL_TIME_DATA.
    let want = render(&real_time(), &rows, &[]);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(repo().join("FIDELITY.md"), &want).unwrap();
    }
    assert!(fidelity_md() == want, "{STALE}");
}

const STALE: &str = "FIDELITY.md is stale: run UPDATE_DOCS=1 cargo test --test fidelity";
const STALE_DATA: &str = "the real-time figures are stale: run `cargo run --example fidelity -- --write` on a quiet machine";

fn fidelity_md() -> String {
    std::fs::read_to_string(repo().join("FIDELITY.md")).unwrap_or_default()
}

fn real_time() -> RealTime {
    let json = std::fs::read_to_string(repo().join(REAL_TIME_DATA)).unwrap_or_else(|e| panic!("{REAL_TIME_DATA}: {e}"));
    RealTime::parse(&json).unwrap()
}

/// The real-time figures FIDELITY.md is rendered from are not stale: one row
/// for every variant the code compares (lesson and CPython arguments, in
/// order) and no other, each agreeing, and no error. (The figures themselves
/// are one run's measurements; the row set is the code's.) The rendered
/// document also lists every lesson not run on virtual time, and every
/// engine-only result key, with its reason.
#[test]
fn the_real_time_figures_are_the_variants_the_code_compares() {
    let real = real_time();
    let have: Vec<(String, String)> = real.rows.iter().map(|r| (r.lesson.clone(), r.args.clone())).collect();
    let want: Vec<(String, String)> = ALL
        .iter()
        .filter(|s| s.kind() == Kind::Async)
        .flat_map(|scn| variants(scn).into_iter().map(move |(params, _)| (scn.id.to_string(), cli_args(&params).join(" "))))
        .collect();
    assert_eq!(have, want, "{STALE_DATA}: its rows are not the variants of crates/fidelity/src/variants.rs");
    for r in &real.rows {
        assert!(r.agrees, "{STALE_DATA}: a row that does not agree: {} {}", r.lesson, r.args);
    }
    assert!(real.errors.is_empty(), "{STALE_DATA}: {:?}", real.errors);
    let doc = fidelity_md();
    for (id, why) in NOT_VIRTUAL {
        assert!(doc.contains(&format!("- {id}: {why}")), "{STALE}: {id} is not listed as not run on virtual time");
    }
    for (id, key, why) in ENGINE_ONLY {
        assert!(doc.contains(&format!("- {id} `{key}`: {why}")), "{STALE}: {id} {key} is not listed as engine-only");
    }
}

/// Every key listed as engine-only belongs to an async lesson, and the engine
/// really reports it with that lesson's `cpython` parameters.
#[test]
fn engine_only_keys_exist() {
    for (id, key, why) in ENGINE_ONLY {
        assert!(!why.is_empty());
        let scn = ALL.iter().find(|s| s.id == *id).unwrap_or_else(|| panic!("{id}: no such lesson"));
        let t = run_engine(scn).unwrap();
        assert!(t.meta.results.contains_key(*key), "{id}: the engine reports no {key}");
    }
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
    // A real run whose loop was 3 ms late in all: everything ends up to 3 + 1 ms late.
    let slack = 3.0;
    let honest = PyReport {
        makespan_ms: trace.meta.makespan_ms + 2.5,
        max_in_flight: 3,
        tasks: trace.lanes.iter().map(|l| PyTask { name: l.name.clone(), end_ms: end(&l.name) + 0.5, outcome: "done".into() }).collect(),
        results: Default::default(),
        loop_slack_ms: Some(slack),
        floors: Default::default(),
        extra: Default::default(),
    };
    assert!(compare(&crawler::SCENARIO, &trace, &honest).passed(), "{:?}", compare(&crawler::SCENARIO, &trace, &honest).failures());

    let mut swapped = honest.clone();
    let (first, last) = (0, swapped.tasks.len() - 1);
    let (a, b) = (swapped.tasks[first].end_ms, swapped.tasks[last].end_ms);
    swapped.tasks[first].end_ms = b;
    swapped.tasks[last].end_ms = a;
    assert!(!compare(&crawler::SCENARIO, &trace, &swapped).order_swaps.is_empty());

    // Later than the run's own lateness allows, or early at all: caught.
    let mut slow = honest.clone();
    slow.makespan_ms = trace.meta.makespan_ms + slack + 1.5;
    assert!(!compare(&crawler::SCENARIO, &trace, &slow).makespan.ok);
    let mut early = honest.clone();
    early.makespan_ms = trace.meta.makespan_ms - 1.5;
    assert!(!compare(&crawler::SCENARIO, &trace, &early).makespan.ok);
    // The same lateness on a busier run (more slack) is physics, not a disagreement.
    let mut busy = slow.clone();
    busy.loop_slack_ms = Some(slack + 2.0);
    assert!(compare(&crawler::SCENARIO, &trace, &busy).makespan.ok);

    // On a run with no slack, one request more in flight than the semaphore
    // allows is caught (with slack, near-ties may overlap: the exact check of
    // the count is the virtual-time comparison above).
    let mut wider = honest.clone();
    wider.loop_slack_ms = Some(0.0);
    wider.makespan_ms = trace.meta.makespan_ms;
    wider.max_in_flight = 4;
    assert!(!compare(&crawler::SCENARIO, &trace, &wider).passed());

    // A CPU-time floor: the engine may be at most 1 ms below it, never more
    // (a schedule that overlapped GIL threads' computing), whatever the slack.
    let mut floored = busy.clone();
    floored.floors.insert("makespan_ms".into(), trace.meta.makespan_ms + 0.9);
    assert!(compare(&crawler::SCENARIO, &trace, &floored).floors[0].ok);
    floored.floors.insert("makespan_ms".into(), trace.meta.makespan_ms + 1.1);
    floored.loop_slack_ms = Some(1e6);
    assert!(!compare(&crawler::SCENARIO, &trace, &floored).passed());
    let mut unknown = honest.clone();
    unknown.floors.insert("no_such_key_ms".into(), 0.0);
    assert!(!compare(&crawler::SCENARIO, &trace, &unknown).passed(), "a floor on a key the engine lacks is a failure");

    let mut lost = honest.clone();
    lost.tasks.pop();
    lost.tasks[0].outcome = "failed".into();
    let c = compare(&crawler::SCENARIO, &trace, &lost);
    assert_eq!(c.unmatched.len(), 1);
    assert_eq!(c.outcome_mismatches.len(), 1);
}
