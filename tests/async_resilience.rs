//! Async lesson 5 on the virtual clock: timeouts at exact times, backoff delays
//! exact for a seed, circuit-breaker transitions (`tests/fidelity.rs` compares it with its
//! CPython listing).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::latency::SplitMix64;
use concurrency_playground::engine::primitives::{timeout, Backoff, BreakerState, CircuitBreaker};
use concurrency_playground::engine::recorder::{self, Recorder};
use concurrency_playground::engine::runtime::{Runtime, SimRequest};
use concurrency_playground::engine::trace::{ClockKind, LaneKind, Outcome, State, Trace};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::scenarios::{resilience, run_virtual};
use playground_fidelity::{raw_params as raw, run_engine};
use std::collections::BTreeMap;
use std::rc::Rc;

fn run(pairs: &[(&str, &str)]) -> Trace {
    let t = run_virtual(&resilience::SCENARIO, &raw(pairs)).unwrap();
    t.validate().unwrap();
    t
}

fn finish(rec: Rc<Recorder>, end: f64) -> Trace {
    let rec = Rc::try_unwrap(rec).ok().expect("sole owner");
    rec.finish(recorder::meta("test", BTreeMap::new(), ClockKind::Virtual), end)
}

#[test]
fn timeout_cancels_at_exactly_the_deadline() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let (rt2, rec2) = (rt.clone(), rec.clone());
    let out = vrt
        .block_on(async move {
            let lane = rec2.lane("call 0", LaneKind::Task);
            rt2.sleep(12.5).await;
            let slow = timeout(rt2.as_ref(), &rec2, lane, 100.0, rt2.fetch(SimRequest { id: 0, latency_ms: 150.0, status: 200 })).await;
            let t_slow = rt2.now();
            let fast = timeout(rt2.as_ref(), &rec2, lane, 100.0, rt2.fetch(SimRequest { id: 1, latency_ms: 60.0, status: 200 })).await;
            (slow.is_err(), t_slow, fast.is_ok(), rt2.now())
        })
        .unwrap();
    assert_eq!(out, (true, 112.5, true, 172.5));
    let t = finish(rec, 172.5);
    let ev: Vec<(f64, &str)> = t.events.iter().map(|e| (e.t_ms, e.name.as_str())).collect();
    assert_eq!(ev, vec![(112.5, "timed_out")], "only the slow request timed out, at start + limit");
}

#[test]
fn breaker_goes_closed_open_half_open_closed() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let (rt2, rec2) = (rt.clone(), rec.clone());
    vrt.block_on(async move {
        let lane = rec2.lane("call 0", LaneKind::Task);
        let b = CircuitBreaker::new(2, 100.0, rec2.clone(), rt2.clone());
        let t = b.admit(lane).unwrap();
        b.record(t, false, lane);
        assert_eq!(b.state(), BreakerState::Closed, "one failure is below the threshold");
        rt2.sleep(10.0).await;
        let t = b.admit(lane).unwrap();
        b.record(t, false, lane);
        assert_eq!(b.state(), BreakerState::Open);
        rt2.sleep(99.0).await;
        assert!(b.admit(lane).is_err(), "still open 1 ms before open_ms has passed");
        rt2.sleep(1.0).await;
        let probe = b.admit(lane).unwrap();
        assert_eq!(b.state(), BreakerState::HalfOpen);
        assert!(b.admit(lane).is_err(), "one trial call at a time");
        rt2.sleep(5.0).await;
        b.record(probe, false, lane);
        assert_eq!(b.state(), BreakerState::Open, "a failed trial reopens");
        rt2.sleep(100.0).await;
        let probe = b.admit(lane).unwrap();
        b.record(probe, true, lane);
        assert_eq!(b.state(), BreakerState::Closed);
        assert_eq!((b.opens(), b.rejected()), (2, 2));
    })
    .unwrap();
    let t = finish(rec, 300.0);
    let samples: Vec<(f64, f64)> = t.track("breaker_state").unwrap().samples.iter().map(|s| (s.t_ms, s.value)).collect();
    assert_eq!(samples, samples_expected());
}

/// Half-open and closed at the same instant collapse into one sample (the track is a function).
fn samples_expected() -> Vec<(f64, f64)> {
    vec![(0.0, 0.0), (10.0, 1.0), (110.0, 2.0), (115.0, 1.0), (215.0, 0.0), (300.0, 0.0)]
}

#[test]
fn backoff_delays_are_exact_for_a_seed() {
    // Every request fails and the breaker never opens: every call uses all its attempts.
    let pairs = [
        ("n", "5"),
        ("interval", "0"),
        ("latency", "fixed"),
        ("ms", "30"),
        ("fail", "100"),
        ("timeout", "1000"),
        ("attempts", "4"),
        ("base", "40"),
        ("cap", "200"),
        ("threshold", "100"),
        ("seed", "11"),
    ];
    let t = run(&pairs);
    let b = Backoff { base_ms: 40.0, cap_ms: 200.0 };
    assert_eq!([0, 1, 2, 3].map(|a| b.ceiling(a)), [40.0, 80.0, 160.0, 200.0]);
    let mut rng = SplitMix64::new(12); // seed + 1, call-major
    for call in 0..5u32 {
        let spans: Vec<_> = t.lane_spans(call).filter(|s| s.state == State::Sleeping).collect();
        let expected: Vec<f64> = (0..4).map(|a| b.delay(a, rng.next_f64())).take(3).collect();
        rng.next_f64(); // the fourth draw is never used (no retry after the last attempt)
        let got: Vec<f64> = spans.iter().map(|s| (s.duration_ms() * 10.0).round() / 10.0).collect();
        assert_eq!(got, expected, "call {call}");
        assert!(got.iter().zip([40.0, 80.0, 160.0]).all(|(d, c)| *d >= 0.0 && *d < c));
        let io = t.lane_spans(call).filter(|s| s.state == State::Io).count();
        assert_eq!(io, 4, "call {call}: four attempts");
        let end = t.lane_spans(call).last().unwrap().end_ms;
        assert!((end - (4.0 * 30.0 + expected.iter().sum::<f64>())).abs() < 1e-6, "call {call} ends after its attempts and backoffs");
    }
    assert_eq!(t.meta.results["attempts"], 20.0);
    assert_eq!(t.meta.results["successes"], 0.0);
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Failed)));
}

#[test]
fn lesson_counts_agree_with_its_trace() {
    for seed in ["1", "2", "3", "17"] {
        let t = run(&[("n", "30"), ("seed", seed)]);
        let r = &t.meta.results;
        let io = t.spans.iter().filter(|s| s.state == State::Io).count() as f64;
        assert_eq!(r["attempts"], io, "seed {seed}");
        let count = |name: &str| t.events.iter().filter(|e| e.name == name).count() as f64;
        assert_eq!(r["timeouts"], count("timed_out"), "seed {seed}");
        assert_eq!(r["rejected_by_breaker"], count("rejected"), "seed {seed}");
        assert_eq!(r["breaker_opens"], count("breaker_open"), "seed {seed}");
        assert_eq!(r["successes"], t.lanes.iter().filter(|l| l.outcome == Some(Outcome::Done)).count() as f64);
        // A timed-out attempt lasts exactly the timeout (default 200 ms).
        for e in t.events.iter().filter(|e| e.name == "timed_out") {
            let io = t.lane_spans(e.lane.unwrap()).find(|s| s.state == State::Io && s.end_ms == e.t_ms).unwrap();
            assert_eq!(io.duration_ms(), 200.0);
        }
        // While open, nothing is admitted: every rejection happens with the track at 1 or 2.
        let track = t.track("breaker_state").unwrap();
        for e in t.events.iter().filter(|e| e.name == "rejected") {
            let v = track.samples.iter().rfind(|s| s.t_ms <= e.t_ms).unwrap().value;
            assert!(v == 1.0 || v == 2.0, "seed {seed}: rejected at {} with breaker {v}", e.t_ms);
        }
    }
    let t = run(&[("seed", "1")]);
    assert!(t.meta.results["rejected_by_breaker"] > 0.0 && t.meta.results["timeouts"] > 0.0, "defaults show the breaker and timeouts");
}

/// The CPython comparison needs decisions (timeouts, failures, breaker checks)
/// on different calls to be well apart: under load CPython's timers drift by
/// milliseconds and near-ties could go either way there.
#[test]
fn cpython_params_have_no_near_ties() {
    let params: Vec<(&str, &str)> = resilience::SCENARIO.cpython.to_vec();
    let get = |k: &str| params.iter().find(|p| p.0 == k).unwrap().1.parse::<f64>().unwrap();
    let (limit, attempts, open_ms) = (get("timeout"), get("attempts") as usize, get("open_ms"));
    let t = run(&params);
    let mut moments: Vec<(f64, u32)> = t.spans.iter().flat_map(|s| [(s.start_ms, s.lane), (s.end_ms, s.lane)]).collect();
    moments.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    moments.dedup();
    for w in moments.windows(2) {
        if w[0].1 != w[1].1 {
            assert!(w[1].0 - w[0].0 >= 4.0, "calls {} and {} act {:.1} ms apart at {:.1}", w[0].1, w[1].1, w[1].0 - w[0].0, w[0].0);
        }
    }
    // No attempt ends close to its timeout (the timer and the answer would race).
    let plan = resilience::plan(&resilience::SCENARIO.validate(&raw(&params)).unwrap());
    for l in &t.lanes {
        for (k, _) in t.lane_spans(l.id).filter(|s| s.state == State::Io).enumerate() {
            let lat = plan[l.id as usize * attempts + k].latency_ms;
            assert!((lat - limit).abs() >= 8.0, "{} attempt {k}: latency {lat} vs timeout {limit}", l.name);
        }
    }
    // No call acts just around the moment an open breaker may turn half-open.
    for e in t.events.iter().filter(|e| e.name == "breaker_open") {
        let due = e.t_ms + open_ms;
        assert!(moments.iter().all(|(m, _)| (m - due).abs() >= 4.0), "a call acts near {due}");
    }
}

/// What the CPython comparison (tests/fidelity.rs, with the `cpython` params) is meant to show.
#[test]
fn cpython_params_show_timeouts_the_breaker_and_successes() {
    let t = run_engine(&resilience::SCENARIO).unwrap();
    let r = &t.meta.results;
    assert!(r["timeouts"] > 0.0 && r["rejected_by_breaker"] > 0.0 && r["successes"] > 0.0, "{r:?}");
}

/// The e2e spec's expectations (tests/e2e/lessons/resilience.mjs) hold on the virtual clock.
#[test]
fn e2e_expectations_hold_virtually() {
    let t = run(&[
        ("n", "4"),
        ("interval", "0"),
        ("latency", "fixed"),
        ("ms", "300"),
        ("fail", "0"),
        ("timeout", "100"),
        ("attempts", "2"),
        ("base", "20"),
        ("cap", "20"),
        ("threshold", "100"),
    ]);
    let r = &t.meta.results;
    assert_eq!((r["attempts"], r["timeouts"], r["successes"], r["rejected_by_breaker"]), (8.0, 8.0, 0.0, 0.0));
    assert!(t.meta.makespan_ms >= 200.0 && t.meta.makespan_ms < 220.0, "{}", t.meta.makespan_ms);
    let t = run(&[
        ("n", "8"),
        ("interval", "50"),
        ("latency", "fixed"),
        ("ms", "70"),
        ("fail", "100"),
        ("timeout", "1000"),
        ("attempts", "1"),
        ("threshold", "2"),
        ("open_ms", "5000"),
    ]);
    let r = &t.meta.results;
    assert_eq!((r["successes"], r["breaker_opens"], r["rejected_by_breaker"], r["attempts"]), (0.0, 1.0, 5.0, 3.0));
    let opened = t.events.iter().find(|e| e.name == "breaker_open").unwrap();
    assert_eq!(opened.t_ms, 120.0);
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Failed)));
}
