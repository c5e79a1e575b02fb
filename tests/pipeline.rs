//! The pipeline lesson on the virtual clock (`tests/fidelity.rs` compares it with CPython).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::engine::trace::{Outcome, State};
use concurrency_playground::scenarios::pipeline::{plan, SCENARIO};
use concurrency_playground::scenarios::Scenario;
use playground_fidelity::{raw_params as raw, run_engine_with};

/// The lesson on the virtual clock with `pairs` over its defaults, validated.
fn run(scn: &Scenario, pairs: &[(&str, &str)]) -> Trace {
    run_engine_with(scn, pairs).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn pipeline_counts_add_up_and_stage_times_follow_the_plan() {
    for (n, workers, maxsize, fail, seed) in [(20, 3, 4, 15, 1), (1, 1, 1, 0, 2), (40, 5, 2, 50, 3), (12, 2, 8, 100, 4), (30, 8, 1, 0, 5)] {
        let (ns, ws, ms, fs, ss) = (n.to_string(), workers.to_string(), maxsize.to_string(), fail.to_string(), seed.to_string());
        let pairs = [("n", ns.as_str()), ("workers", &ws), ("maxsize", &ms), ("fail", &fs), ("seed", &ss)];
        let t = run(&SCENARIO, &pairs);
        let items = plan(&SCENARIO.validate(&raw(&pairs)).unwrap());
        let r = &t.meta.results;
        let failing = items.iter().filter(|i| i.fails).count() as f64;
        assert_eq!(r["produced"], n as f64, "{pairs:?}");
        assert_eq!(r["processed"], n as f64, "{pairs:?}");
        assert_eq!(r["errors"], failing, "{pairs:?}");
        assert_eq!(r["stored"] + r["errors"], r["processed"], "{pairs:?}");
        // Stage means are the plan's means (virtual time is exact).
        let mean = |f: fn(&concurrency_playground::scenarios::pipeline::Item) -> f64, only_ok: bool| {
            let v: Vec<f64> = items.iter().filter(|i| !only_ok || !i.fails).map(f).collect();
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        assert!((r["produce_mean_ms"] - mean(|i| i.produce_ms, false)).abs() < 1e-6);
        assert!((r["process_mean_ms"] - mean(|i| i.process_ms, false)).abs() < 1e-6);
        assert!((r["store_mean_ms"] - mean(|i| i.store_ms, true)).abs() < 1e-6);
        // Queues stay bounded, processors overlap at most N requests, every task ends.
        for tr in ["work_queue_depth", "results_queue_depth"] {
            assert!(t.track(tr).unwrap().max() <= maxsize as f64, "{pairs:?}: {tr}");
        }
        assert!(summarize(&t).max_in_flight <= workers);
        assert_eq!(t.lanes.len(), workers + 3);
        assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Done)), "{pairs:?}");
        assert_eq!(t.events.iter().filter(|e| e.name == "error_logged").count() as f64, failing);
    }
}

#[test]
fn slow_processors_set_the_pace_and_back_up_the_producer() {
    // Processing (100 ms on 2 workers) is slower than producing (20 ms): the
    // producer waits on a full work queue, and the run lasts about n/2 requests.
    let pairs = [("n", "30"), ("workers", "2"), ("maxsize", "3"), ("produce", "20"), ("process", "100"), ("store", "10"), ("fail", "0")];
    let t = run(&SCENARIO, &pairs);
    assert!(t.spans.iter().any(|s| s.state == State::Waiting && s.resource.as_deref() == Some("work queue (full)")));
    let total: f64 = plan(&SCENARIO.validate(&raw(&pairs)).unwrap()).iter().map(|i| i.process_ms).sum();
    assert!(t.meta.makespan_ms >= total / 2.0, "two processors can't beat half the total work");
    assert_eq!(summarize(&t).max_in_flight, 2);
    // More processors: faster.
    let faster = run(
        &SCENARIO,
        &[("n", "30"), ("workers", "6"), ("maxsize", "3"), ("produce", "20"), ("process", "100"), ("store", "10"), ("fail", "0")],
    );
    assert!(faster.meta.makespan_ms < t.meta.makespan_ms * 0.7);
}
