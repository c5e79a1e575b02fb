//! The gather lesson on the virtual clock, and what its listing must share with it.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::scenarios::{crawler, gather, run_virtual};
use playground_fidelity::{raw_params as raw, run_engine, run_python};
use std::path::Path;

fn latencies(pairs: &[(&str, &str)]) -> Vec<f64> {
    let p = crawler::SCENARIO.validate(&raw(pairs)).unwrap();
    crawler::plan(&p).iter().map(|r| r.latency_ms).collect()
}

#[test]
fn sequential_takes_the_sum_and_gather_the_max() {
    let pairs = [("n", "9"), ("latency", "longtail"), ("ms", "80"), ("seed", "3")];
    let t = run_virtual(&gather::SCENARIO, &raw(&pairs)).unwrap();
    t.validate().unwrap();
    let lat = latencies(&pairs);
    let (sum, max) = (lat.iter().sum::<f64>(), lat.iter().cloned().fold(0.0, f64::max));
    let r = &t.meta.results;
    assert!((r["await_loop_ms"] - sum).abs() < 1e-6, "{} vs {sum}", r["await_loop_ms"]);
    assert!((r["gather_ms"] - max).abs() < 1e-6, "{} vs {max}", r["gather_ms"]);
    assert!((r["speedup_x"] - sum / max).abs() < 1e-9);
    let s = summarize(&t);
    assert_eq!(s.lanes, 18, "one lane per request per phase");
    assert_eq!(s.done, 18);
    assert_eq!(s.max_in_flight, 9, "gather has every request in flight at once");
    // The two phase markers sit at 0 and at the end of the sequential phase.
    let marks: Vec<f64> = t.events.iter().filter(|e| e.lane.is_none()).map(|e| e.t_ms).collect();
    assert_eq!(marks, vec![0.0, r["await_loop_ms"]]);
}

/// tests/fidelity.rs compares the lesson with CPython (timings within 5%);
/// here what holds on every run: the listing draws the same latencies from
/// the same seed, and real sleeps never end before the virtual time.
#[test]
fn the_listing_plans_the_same_latencies_and_never_beats_the_virtual_clock() {
    let py = run_python(&gather::SCENARIO, Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    let plan: Vec<f64> = py.extra["plan_ms"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    assert_eq!(plan, latencies(gather::SCENARIO.cpython));
    let t = run_engine(&gather::SCENARIO).unwrap();
    for key in ["await_loop_ms", "gather_ms"] {
        let (v, p) = (t.meta.results[key], py.results[key]);
        assert!(p >= v - 0.5, "{key}: CPython {p:.1} ms, engine {v:.1} ms");
    }
}
