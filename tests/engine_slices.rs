#![cfg(not(target_arch = "wasm32"))]
//! A virtual-clock run taken in slices (the page yields to the browser between
//! them) is the run made in one go: the same trace, byte for byte, for every
//! async lesson and several seeds; and Stop between slices closes the trace
//! where the clock was.

mod common;
use common::raw;

use concurrency_playground::engine::trace::Outcome;
use concurrency_playground::scenarios::virtual_run::LessonRun;
use concurrency_playground::scenarios::{self, crawler, run_virtual, Scenario};
use std::collections::BTreeMap;

/// Runs `scn` in slices of `steps`; returns the trace (as JSON) and how many slices it took.
fn sliced(scn: &Scenario, raw: &BTreeMap<String, String>, steps: u64) -> (String, u64) {
    let mut run = LessonRun::start(scn, raw).expect("starts");
    let mut slices = 1;
    let trace = loop {
        match run.run(steps) {
            Some(end) => break end.expect("runs"),
            None => slices += 1,
        }
    };
    (serde_json::to_string(&trace).expect("serialises"), slices)
}

fn params_of(scn: &Scenario, seed: u64) -> BTreeMap<String, String> {
    if scn.params.iter().any(|p| p.key == "seed") {
        raw(&[("seed", &seed.to_string())])
    } else {
        BTreeMap::new()
    }
}

#[test]
fn every_async_lesson_sliced_gives_the_unsliced_trace() {
    let lessons: Vec<&Scenario> = scenarios::ALL.iter().copied().filter(|s| s.run.async_body().is_some()).collect();
    assert!(lessons.len() >= 10, "{} async lessons", lessons.len());
    for scn in lessons {
        for seed in [1, 2, 7] {
            let raw = params_of(scn, seed);
            let whole = serde_json::to_string(&run_virtual(scn, &raw).expect("runs")).expect("serialises");
            for steps in [1, 3, 64] {
                let (parts, slices) = sliced(scn, &raw, steps);
                assert!(parts == whole, "{} seed {seed}: {steps} steps a slice gives another trace", scn.id);
                if steps == 1 {
                    // One step a slice really cut the run (else the check proves nothing).
                    assert!(slices >= 2, "{}: only {slices} slice", scn.id);
                }
            }
        }
    }
}

#[test]
fn the_large_crawl_sliced_gives_the_unsliced_trace() {
    for seed in [1, 5] {
        let raw = raw(&[("n", "10000"), ("k", "100"), ("ms", "50"), ("fail", "10"), ("seed", &seed.to_string())]);
        let whole = serde_json::to_string(&run_virtual(&crawler::SCENARIO, &raw).expect("runs")).expect("serialises");
        let (parts, slices) = sliced(&crawler::SCENARIO, &raw, 1000);
        assert!(slices > 20, "{slices} slices");
        assert!(parts == whole, "seed {seed}: the sliced crawl differs");
    }
}

#[test]
fn stop_between_slices_closes_the_trace_at_the_clock() {
    // 1,000 requests, 10 at a time, 100 ms each: waves end at 100, 200, … ms.
    let (n, k, ms, stop_at) = (1000usize, 10usize, 100.0, 500.0);
    let raw = raw(&[("n", &n.to_string()), ("k", &k.to_string()), ("latency", "fixed"), ("ms", "100")]);
    let mut run = LessonRun::start(&crawler::SCENARIO, &raw).expect("starts");
    while run.now() < stop_at {
        assert!(run.run(1).is_none(), "the run ended before {stop_at} ms");
    }
    let t = run.stop().expect("a stopped run still gives its trace");
    assert!(t.meta.stopped);
    assert_eq!(t.meta.makespan_ms, stop_at);
    // The step that moved the clock to 500 ms fired the first timer only: the
    // waves that ended at 100..400 ms are done, nothing else is.
    let waves_done = (stop_at / ms) as usize - 1;
    let done = t.lanes.iter().filter(|l| l.outcome == Some(Outcome::Done)).count();
    let cancelled = t.lanes.iter().filter(|l| l.outcome == Some(Outcome::Cancelled)).count();
    assert_eq!(done, k * waves_done);
    assert_eq!(cancelled, n - k * waves_done);
    assert!(t.validate().is_ok(), "{:?}", t.validate());
}
