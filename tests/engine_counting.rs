#![cfg(not(target_arch = "wasm32"))]
//! A virtual-clock run with a counting recorder (no trace kept, for sweeps) is
//! the recorded run: the same makespan, the same results, and as many spans,
//! events and track samples as the recorded trace holds, for every async
//! lesson and several seeds; the sweeps built on it give the recorded runs'
//! makespans.

use concurrency_playground::engine::recorder::Counts;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::scenarios::virtual_run::run_virtual_numbers;
use concurrency_playground::scenarios::{self, crawler, run_virtual, threadpool, Scenario};
use std::collections::BTreeMap;

fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn counts(t: &Trace) -> Counts {
    Counts { spans: t.spans.len(), events: t.events.len(), samples: t.tracks.iter().map(|t| t.samples.len()).sum() }
}

#[test]
fn every_async_lesson_counted_gives_the_recorded_numbers() {
    let lessons: Vec<&Scenario> = scenarios::ALL.iter().copied().filter(|s| s.run.async_body().is_some()).collect();
    assert!(lessons.len() >= 10, "{} async lessons", lessons.len());
    for scn in lessons {
        for seed in ["1", "2", "7"] {
            let raw = if scn.params.iter().any(|p| p.key == "seed") { raw(&[("seed", seed)]) } else { BTreeMap::new() };
            let (t, n) = (run_virtual(scn, &raw), run_virtual_numbers(scn, &raw));
            let (t, n) = match (t, n) {
                (Ok(t), Ok(n)) => (t, n),
                (Err(a), Err(b)) => {
                    assert_eq!(a.to_string(), b.to_string(), "{} seed {seed}", scn.id);
                    continue;
                }
                (t, n) => panic!("{} seed {seed}: recorded {:?}, counted {:?}", scn.id, t.err(), n.err()),
            };
            assert_eq!(n.makespan_ms.to_bits(), t.meta.makespan_ms.to_bits(), "{} seed {seed}: makespan", scn.id);
            assert_eq!(n.results, t.meta.results, "{} seed {seed}: results", scn.id);
            assert_eq!(n.counts, counts(&t), "{} seed {seed}: counts", scn.id);
            // A run that records nothing would pass the line above trivially.
            assert!(n.counts.spans > 0, "{}: no spans", scn.id);
        }
    }
}

#[test]
fn the_sweeps_give_the_recorded_runs_makespans() {
    let base = raw(&[("n", "300"), ("k", "7"), ("latency", "uniform"), ("ms", "50"), ("fail", "10"), ("seed", "3")]);
    let sweep = crawler::k_sweep(&crawler::SCENARIO.validate(&base).expect("valid"));
    assert!(sweep.len() >= 8, "{sweep:?}");
    for (k, ms) in sweep {
        let mut p = base.clone();
        p.insert("k".into(), k.to_string());
        let t = run_virtual(&crawler::SCENARIO, &p).expect("runs");
        assert_eq!(ms.to_bits(), t.meta.makespan_ms.to_bits(), "K = {k}");
    }
    let p = threadpool::SCENARIO.validate(&BTreeMap::new()).expect("valid");
    let sweep = threadpool::workers_sweep(&p);
    assert!(sweep.len() >= 3, "{sweep:?}");
    for (w, ms) in sweep {
        let mut raw = p.to_strings();
        raw.insert("workers".into(), w.to_string());
        let t = run_virtual(&threadpool::SCENARIO, &raw).expect("runs");
        assert_eq!(ms.to_bits(), t.meta.results["pool_ms"].to_bits(), "workers = {w}");
    }
}
