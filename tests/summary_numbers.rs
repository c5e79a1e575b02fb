#![cfg(not(target_arch = "wasm32"))]
//! The summary's numbers (`view::numbers`): a lesson shows the generic numbers
//! that mean something for it (`Extra::Numbers`), labelled for what they count.

mod common;
use common::raw;

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::{BarSource, Trace};
use concurrency_playground::i18n;
use concurrency_playground::scenarios::extras::{self, Generic};
use concurrency_playground::scenarios::{chooser, run_virtual, threadpool, ALL};
use concurrency_playground::view::numbers::{numbers, Num};
use std::collections::BTreeSet;

fn shown(t: &Trace) -> Vec<Num> {
    let scn = concurrency_playground::scenarios::find(&t.meta.scenario).expect("a lesson");
    numbers(scn, &summarize(t), t)
}

fn value(v: &[Num], id: &str) -> Option<f64> {
    v.iter().find(|n| n.id == id).map(|n| n.value)
}

/// What counts lanes or the whole trace, where a lane or the trace is not what the lesson is about.
const LANE_COUNTS: [&str; 3] = ["tasks-done", "tasks-failed", "throughput"];

#[test]
fn the_thread_pool_counts_jobs_and_threads_not_lanes() {
    for (jobs, workers) in [(20, 5), (7, 3), (3, 8)] {
        let (j, w) = (jobs.to_string(), workers.to_string());
        let t = run_virtual(&threadpool::SCENARIO, &raw(&[("jobs", &j), ("workers", &w), ("ms", "100")])).expect("runs");
        let v = shown(&t);
        let ctx = format!("{jobs} jobs on {workers} threads");
        for id in LANE_COUNTS.iter().chain(&["makespan-ms"]) {
            assert_eq!(value(&v, id), None, "{ctx}: {id} is not the lesson's");
        }
        assert_eq!(value(&v, "jobs-done"), Some(jobs as f64), "{ctx}");
        let in_io = v.iter().find(|n| n.id == "max-in-flight").expect("threads parked in I/O");
        assert_eq!(in_io.value, workers.min(jobs) as f64, "{ctx}: every thread parked at once");
        assert_eq!(in_io.key, "num.threads_in_io", "{ctx}: labelled for what it counts");
        let rounds = (jobs as f64 / workers.min(jobs) as f64).ceil();
        assert_eq!(value(&v, "pool-ms"), Some(rounds * 100.0), "{ctx}");
        assert_eq!(value(&v, "p50-ms"), Some(100.0), "{ctx}: every request took its 100 ms");
    }
}

#[test]
fn the_chooser_shows_its_shown_runs_numbers_only() {
    let scn = &chooser::SCENARIO;
    let t = run_virtual(scn, &scn.defaults()).expect("runs");
    let v = shown(&t);
    for id in LANE_COUNTS.iter().chain(&["max-in-flight", "p50-ms"]) {
        assert_eq!(value(&v, id), None, "{id}: over every run, not the shown one");
    }
    let p = scn.validate(&scn.defaults()).expect("defaults");
    let bar = t
        .meta
        .bars
        .iter()
        .find(|b| b.group == p.choice("job") && b.series == p.choice("model") && b.source == BarSource::Modelled)
        .expect("the shown run's bar");
    let makespan = v.iter().find(|n| n.id == "makespan-ms").expect("the shown run's makespan");
    assert_eq!(makespan.value, bar.ms, "the makespan is the shown run's bar");
    assert_eq!(makespan.key, "num.makespan_ms", "labelled as the shown run's");
}

#[test]
fn every_lesson_shows_each_number_once_and_has_its_labels() {
    for scn in ALL {
        for s in extras::numbers(scn.extras) {
            if let Some(key) = s.label {
                assert!(i18n::has(key), "{}: missing {key}", scn.id);
                assert_ne!(s.number, Generic::Latency, "{}: latency is three numbers, one label each", scn.id);
            }
        }
        let numbers = extras::numbers(scn.extras);
        let distinct: BTreeSet<_> = numbers.iter().map(|s| format!("{:?}", s.number)).collect();
        assert_eq!(distinct.len(), numbers.len(), "{}: a generic number listed twice", scn.id);
    }
}
