//! The rate-limiting lesson on the virtual clock (exact);
//! `tests/fidelity.rs` compares it with CPython.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::{Outcome, State, Trace};
use concurrency_playground::scenarios::ratelimit::SCENARIO;
use concurrency_playground::scenarios::Scenario;
use playground_fidelity::run_engine_with;

/// The lesson on the virtual clock with `pairs` over its defaults, validated.
fn run(scn: &Scenario, pairs: &[(&str, &str)]) -> Trace {
    run_engine_with(scn, pairs).unwrap_or_else(|e| panic!("{e}"))
}

/// When each request passed the limiter (its request started), sorted.
fn admissions(t: &Trace) -> Vec<f64> {
    let mut v: Vec<f64> = t.spans.iter().filter(|s| s.state == State::Io).map(|s| s.start_ms).collect();
    v.sort_by(f64::total_cmp);
    v
}

#[test]
fn token_bucket_admits_at_the_configured_rate_exactly() {
    // 25 requests arrive within 2.5 ms; the bucket holds 5 and refills 10/s.
    let t = run(&SCENARIO, &[("n", "25"), ("rate", "10"), ("burst", "5"), ("arrive", "10000"), ("ms", "50")]);
    let adm = admissions(&t);
    assert_eq!(adm.len(), 25);
    for (k, at) in adm.iter().enumerate() {
        // The burst passes on arrival; after it, one token every 100 ms (tokens
        // accrue from t = 0, so the 6th request gets one at exactly 100 ms).
        let want = if k < 5 { k as f64 * 0.1 } else { (k - 4) as f64 * 100.0 };
        assert!((at - want).abs() < 1e-6, "admission {k} at {at}, want {want}");
    }
    let r = &t.meta.results;
    assert_eq!((r["admitted"], r["delayed"], r["rejected"]), (5.0, 20.0, 0.0));
    // FIFO: requests pass in arrival (id) order.
    let io_start = |id: u32| t.lane_spans(id).find(|s| s.state == State::Io).map(|s| s.start_ms).unwrap();
    assert!((1..25).all(|id| io_start(id - 1) <= io_start(id)));
    // Delayed lanes show waiting on the bucket; the level never leaves [0, burst].
    assert!(t.spans.iter().any(|s| s.state == State::Waiting && s.resource.as_deref() == Some("token bucket")));
    let tokens = t.track("tokens").unwrap();
    assert!(tokens.samples.iter().all(|s| (0.0..=5.0).contains(&s.value)));
    assert!(tokens.samples.iter().any(|s| s.value < 1e-9), "the bucket runs dry");

    // Without a burst the achieved rate is the configured rate, exactly.
    let t = run(&SCENARIO, &[("n", "21"), ("rate", "10"), ("burst", "1"), ("arrive", "10000")]);
    assert!((t.meta.results["achieved_rate"] - 10.0).abs() < 1e-6, "{}", t.meta.results["achieved_rate"]);
    assert_eq!(t.meta.results["configured_rate"], 10.0);
}

#[test]
fn token_bucket_never_exceeds_burst_plus_rate() {
    for (rate, burst, arrive, overflow) in [(10, 5, 100, "reject"), (20, 3, 50, "delay"), (7, 1, 1000, "reject"), (50, 10, 200, "delay")] {
        let (rs, bs, ars) = (rate.to_string(), burst.to_string(), arrive.to_string());
        let t = run(&SCENARIO, &[("n", "60"), ("rate", &rs), ("burst", &bs), ("arrive", &ars), ("overflow", overflow)]);
        let adm = admissions(&t);
        for i in 0..adm.len() {
            for j in i..adm.len() {
                let allowed = burst as f64 + rate as f64 * (adm[j] - adm[i]) / 1000.0;
                assert!(
                    (j - i + 1) as f64 <= allowed + 1e-6,
                    "{overflow} r={rate} b={burst}: {} passed in [{}, {}]",
                    j - i + 1,
                    adm[i],
                    adm[j]
                );
            }
        }
        let r = &t.meta.results;
        assert_eq!(r["admitted"] + r["delayed"] + r["rejected"], 60.0);
        if overflow == "reject" {
            assert_eq!(r["delayed"], 0.0);
            assert!(r["rejected"] > 0.0, "arrivals outpace the bucket");
            assert!(t.spans.iter().all(|s| s.state != State::Waiting), "rejected requests never wait");
            let failed = t.lanes.iter().filter(|l| l.outcome == Some(Outcome::Failed)).count() as f64;
            assert_eq!(failed, r["rejected"]);
            let marks = t.spans.iter().filter(|s| s.state == State::Failed && s.duration_ms() == 0.0).count() as f64;
            assert_eq!(marks, r["rejected"], "each rejection is marked on its lane");
        } else {
            assert_eq!(r["rejected"], 0.0);
        }
    }
}

#[test]
fn sliding_window_never_exceeds_m_per_window() {
    for (limit, window, arrive, overflow) in
        [(5, 500, 25, "delay"), (3, 200, 100, "reject"), (10, 1000, 1000, "delay"), (1, 50, 30, "delay")]
    {
        let (ls, ws, ars) = (limit.to_string(), window.to_string(), arrive.to_string());
        let pairs = [("n", "50"), ("limiter", "sliding_window"), ("limit", &ls), ("window", &ws), ("arrive", &ars), ("overflow", overflow)];
        let t = run(&SCENARIO, &pairs);
        let adm = admissions(&t);
        for (i, a) in adm.iter().enumerate() {
            let inside = adm[i..].iter().take_while(|b| **b < a + window as f64 - 1e-3).count();
            assert!(inside <= limit, "{pairs:?}: {inside} admissions in the window from {a}");
        }
        let wc = t.track("window_count").unwrap();
        assert!(wc.max() <= limit as f64);
        let r = &t.meta.results;
        assert_eq!(r["configured_rate"], limit as f64 * 1000.0 / window as f64);
        // Measured to the end of demand, the rate can't run far above the configured one.
        assert!(r["achieved_rate"] <= 2.0 * r["configured_rate"], "{pairs:?}: {} /s", r["achieved_rate"]);
        if overflow == "delay" {
            assert_eq!(adm.len(), 50);
            // Saturated: the window is full whenever someone waits, so the
            // (k·M)-th admission comes exactly k windows after the first.
            if arrive as f64 > r["configured_rate"] * 1.5 {
                for k in 1..(50 / limit) {
                    assert!((adm[k * limit] - adm[0] - (k * window) as f64).abs() < 1e-6, "{pairs:?} k={k}");
                }
            }
        }
    }
}

#[test]
fn ratelimit_is_deterministic() {
    let p = [("n", "40"), ("limiter", "sliding_window"), ("seed", "9")];
    assert_eq!(run(&SCENARIO, &p), run(&SCENARIO, &p));
}
