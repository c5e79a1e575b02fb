//! Async lessons 3 and 4 on the virtual clock: gather (fail-fast and
//! return_exceptions), as_completed, and TaskGroup cancellation with cleanup;
//! `tests/fidelity.rs` compares each with its CPython listing.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::primitives::{TaskError, TaskGroup};
use concurrency_playground::engine::recorder::Recorder;
use concurrency_playground::engine::runtime::Runtime;
use concurrency_playground::engine::trace::{Outcome, State, Trace};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::scenarios::{crawler, results, run_virtual, taskgroup};
use playground_fidelity::{raw_params as raw, run_engine};
use std::rc::Rc;

fn plan(pairs: &[(&str, &str)]) -> Vec<(f64, bool)> {
    let p = crawler::SCENARIO.validate(&raw(pairs)).unwrap();
    crawler::plan(&p).iter().map(|r| (r.latency_ms, r.status >= 400)).collect()
}

fn lane(t: &Trace, name: &str) -> u32 {
    t.lanes.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("no lane {name}")).id
}

/// When the lane's last span ends.
fn lane_end(t: &Trace, name: &str) -> f64 {
    t.lane_spans(lane(t, name)).map(|s| s.end_ms).fold(0.0, f64::max)
}

#[test]
fn fail_fast_gather_raises_at_the_first_failure_and_cancels_nothing() {
    let pairs = [("n", "12"), ("latency", "longtail"), ("ms", "100"), ("fail", "30"), ("seed", "4")];
    let reqs = plan(&pairs);
    let first_fail = reqs.iter().filter(|r| r.1).map(|r| r.0).fold(f64::INFINITY, f64::min);
    assert!(first_fail.is_finite(), "this seed must inject a failure");
    let t = run_virtual(&results::SCENARIO, &raw(&pairs)).unwrap();
    t.validate().unwrap();
    let r = &t.meta.results;
    assert_eq!(r["failfast_ms"], first_fail);
    let still = reqs.iter().filter(|q| q.0 > first_fail).count();
    assert!(still > 0);
    assert_eq!(r["finished_after_raise"], still as f64);
    // Nobody was cancelled: every fail-fast request ran to its own end.
    for (i, (lat, failed)) in reqs.iter().enumerate() {
        let l = &t.lanes[lane(&t, &format!("failfast {i}")) as usize];
        assert_eq!(l.outcome, Some(if *failed { Outcome::Failed } else { Outcome::Done }), "failfast {i}");
        assert_eq!(lane_end(&t, &l.name), *lat, "failfast {i} ends at its latency");
    }
    let raised = t.events.iter().find(|e| e.name == "gather_raised").expect("gather_raised");
    assert_eq!(raised.t_ms, first_fail);
    let failing_id: usize = raised.detail.as_deref().unwrap().parse().unwrap();
    assert_eq!(reqs[failing_id], (first_fail, true));
}

#[test]
fn return_exceptions_collects_everything_and_as_completed_follows_finish_order() {
    let pairs = [("n", "10"), ("latency", "uniform"), ("ms", "80"), ("fail", "40"), ("seed", "9")];
    let reqs = plan(&pairs);
    let t = run_virtual(&results::SCENARIO, &raw(&pairs)).unwrap();
    let r = &t.meta.results;
    assert_eq!(r["failures_seen"], reqs.iter().filter(|q| q.1).count() as f64);
    let max = reqs.iter().map(|q| q.0).fold(0.0, f64::max);
    // Three phases, each as long as the slowest request.
    assert!((t.meta.makespan_ms - 3.0 * max).abs() < 1e-6);
    let mut by_latency: Vec<usize> = (0..reqs.len()).collect();
    by_latency.sort_by(|a, b| reqs[*a].0.total_cmp(&reqs[*b].0));
    assert_eq!(r["first_completed_id"], by_latency[0] as f64);
    assert_ne!(by_latency, (0..reqs.len()).collect::<Vec<_>>(), "this seed completes out of submission order");
    // as_completed yields ranks 0, 1, … in completion order.
    let ranked: Vec<usize> = by_latency
        .iter()
        .map(|i| {
            let id = lane(&t, &format!("stream {i}"));
            let e = t.events.iter().find(|e| e.lane == Some(id) && e.name == "yielded").unwrap();
            e.detail.as_deref().unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(ranked, (0..reqs.len()).collect::<Vec<_>>());
}

#[test]
fn gather_without_failures_returns_after_the_slowest() {
    let pairs = [("n", "7"), ("latency", "uniform"), ("ms", "50"), ("fail", "0"), ("seed", "2")];
    let max = plan(&pairs).iter().map(|q| q.0).fold(0.0, f64::max);
    let t = run_virtual(&results::SCENARIO, &raw(&pairs)).unwrap();
    assert_eq!(t.meta.results["failfast_ms"], max);
    assert_eq!(t.meta.results["finished_after_raise"], 0.0);
    assert_eq!(t.meta.results["failures_seen"], 0.0);
    assert!(!t.events.iter().any(|e| e.name == "gather_raised"));
    assert_eq!(t.events.iter().filter(|e| e.name == "gather_returned").count(), 2);
}

fn tg(pairs: &[(&str, &str)]) -> (Trace, Vec<f64>) {
    let p = taskgroup::SCENARIO.validate(&raw(pairs)).unwrap();
    let t = run_virtual(&taskgroup::SCENARIO, &raw(pairs)).unwrap();
    t.validate().unwrap();
    (t, taskgroup::latencies(&p))
}

/// A cancelled lane: `cancelled` event at `at`, then exactly `cleanup` ms in State::Cancelled.
fn assert_cancelled_at(t: &Trace, name: &str, at: f64, cleanup: f64) {
    let id = lane(t, name);
    assert_eq!(t.lanes[id as usize].outcome, Some(Outcome::Cancelled), "{name}");
    let ev = t.events.iter().find(|e| e.lane == Some(id) && e.name == "cancelled").expect("cancelled event");
    assert_eq!(ev.t_ms, at, "{name} cancelled at");
    let last = t.lane_spans(id).last().unwrap();
    assert_eq!((last.state, last.start_ms, last.end_ms), (State::Cancelled, at, at + cleanup), "{name} cleanup span");
}

#[test]
fn taskgroup_cancels_running_siblings_after_a_failure() {
    let (t, lat) = tg(&[("n", "6"), ("ms", "200"), ("fail_at", "170"), ("cleanup", "30"), ("seed", "5")]);
    let (fail_at, cleanup) = (170.0, 30.0);
    let fail = lane(&t, "child 0");
    assert_eq!(t.lanes[fail as usize].outcome, Some(Outcome::Failed));
    assert_eq!(lane_end(&t, "child 0"), fail_at);
    let mut cancelled = 0;
    for i in 1..=6 {
        let name = format!("child {i}");
        if lat[i - 1] > fail_at {
            assert_cancelled_at(&t, &name, fail_at, cleanup);
            cancelled += 1;
        } else {
            assert_eq!(t.lanes[lane(&t, &name) as usize].outcome, Some(Outcome::Done), "{name}");
            assert_eq!(lane_end(&t, &name), lat[i - 1]);
        }
    }
    assert!(cancelled > 0 && cancelled < 6, "this seed has both kinds: {lat:?}");
    let r = &t.meta.results;
    assert_eq!(r["children_cancelled"], cancelled as f64);
    assert_eq!(r["exceptions"], 1.0);
    assert_eq!(r["group_raised_ms"], fail_at + cleanup, "the group waits for every cleanup");
    assert_eq!(t.meta.makespan_ms, fail_at + cleanup);
}

#[test]
fn nested_group_failure_cancels_the_outer_children_one_cleanup_later() {
    let (t, lat) = tg(&[("n", "5"), ("ms", "300"), ("fail_at", "200"), ("cleanup", "50"), ("nested", "nested"), ("seed", "3")]);
    let (fail_at, cleanup) = (200.0, 50.0);
    for j in 1..=5 {
        if lat[5 + j - 1] > fail_at {
            assert_cancelled_at(&t, &format!("inner {j}"), fail_at, cleanup);
        }
    }
    let outer_at = fail_at + cleanup; // the inner group raises once its cleanups are done
    let mut cancelled = 0;
    for i in 1..=5 {
        if lat[i - 1] > outer_at {
            assert_cancelled_at(&t, &format!("child {i}"), outer_at, cleanup);
            cancelled += 1;
        }
    }
    assert!(cancelled > 0, "{lat:?}");
    let raised: Vec<f64> = t.events.iter().filter(|e| e.name == "group_raised").map(|e| e.t_ms).collect();
    assert_eq!(raised, vec![outer_at, outer_at + cleanup], "inner, then outer");
    assert_eq!(t.meta.results["group_raised_ms"], outer_at + cleanup);
    assert_eq!(t.meta.results["exceptions"], 1.0, "one leaf inside the nested exception group");
}

#[test]
fn a_group_without_failures_succeeds_and_a_cancelled_parent_cancels_the_nested_group() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let (rt2, rec2) = (rt.clone(), rec.clone());
    let out = vrt.block_on(async move {
        let mut g = TaskGroup::new(rec2.clone(), rt2.clone());
        let s = g.scope(None);
        let r = rt2.clone();
        g.spawn(None, async move { s.checkpoint(r.sleep(10.0)).await }, None);
        let ok = g.join().await;
        let mut outer = TaskGroup::new(rec2.clone(), rt2.clone());
        let scope = outer.scope(None);
        let mut inner = TaskGroup::nested(&scope, rec2.clone(), rt2.clone());
        let s = inner.scope(None);
        let r = rt2.clone();
        inner.spawn(None, async move { s.checkpoint(r.sleep(1_000.0)).await }, None);
        let (inner_result, r2) = (Rc::new(std::cell::RefCell::new(None)), rt2.clone());
        let slot = inner_result.clone();
        outer.spawn(
            None,
            async move {
                let res = inner.join().await;
                *slot.borrow_mut() = Some(res.clone());
                res
            },
            None,
        );
        outer.spawn(
            None,
            async move {
                r2.sleep(40.0).await;
                Err(TaskError::Failed("boom".into()))
            },
            None,
        );
        let outer_result = outer.join().await;
        let inner_seen = inner_result.borrow().clone();
        (ok, outer_result, inner_seen, rt2.now())
    });
    let (ok, outer, inner, end) = out.expect("no deadlock");
    assert_eq!(ok, Ok(()));
    assert_eq!(inner, Some(Err(TaskError::Cancelled)), "the nested group was cancelled, not failed");
    assert_eq!(outer, Err(TaskError::Group(vec![TaskError::Failed("boom".into())])));
    assert_eq!(end, 50.0, "10 ms group, then the failure at +40 cancels the 1 s sleep at once");
}

/// What the CPython comparison (tests/fidelity.rs, with the `cpython` params) is meant to show.
#[test]
fn cpython_params_show_what_the_lessons_teach() {
    let t = run_engine(&results::SCENARIO).unwrap();
    assert!(t.meta.results["finished_after_raise"] > 0.0, "cpython params should show survivors");
    let t = run_engine(&taskgroup::SCENARIO).unwrap();
    assert!(t.meta.results["children_cancelled"] >= 2.0);
}

/// The e2e specs' expectations (tests/e2e/lessons/{results,taskgroup}.mjs) hold on the virtual clock.
#[test]
fn e2e_expectations_hold_virtually() {
    use concurrency_playground::engine::metrics::summarize;
    let t = run_virtual(&results::SCENARIO, &raw(&[("n", "6"), ("latency", "uniform"), ("ms", "120"), ("fail", "35"), ("seed", "14")]))
        .unwrap();
    let r = &t.meta.results;
    assert_eq!((r["failfast_ms"], r["finished_after_raise"], r["failures_seen"], r["first_completed_id"]), (110.0, 3.0, 2.0, 2.0));
    let s = summarize(&t);
    assert_eq!((s.failed, s.done, s.max_in_flight, s.lanes), (6, 12, 6, 18));
    let (t, _) = tg(&[("n", "3"), ("latency", "fixed"), ("ms", "400"), ("fail_at", "100"), ("cleanup", "150")]);
    let r = &t.meta.results;
    assert_eq!((r["children_cancelled"], r["exceptions"], r["group_raised_ms"], t.lanes.len()), (3.0, 1.0, 250.0, 4));
    let (t, _) = tg(&[("n", "2"), ("latency", "fixed"), ("ms", "500"), ("fail_at", "100"), ("cleanup", "100"), ("nested", "nested")]);
    let r = &t.meta.results;
    assert_eq!((r["children_cancelled"], r["exceptions"], r["group_raised_ms"], t.lanes.len()), (4.0, 1.0, 300.0, 5));
}
