#![cfg(not(target_arch = "wasm32"))]
//! Coordination primitives on the virtual clock, and the coordination variants
//! against real CPython. The deadlock lesson is in `async_deadlock.rs`.

mod common;
use common::repo;
use common::virtual_run::{lane_end, lane_id, nth_start, run, virtual_run};

use concurrency_playground::engine::metrics::{max_overlap, summarize};
use concurrency_playground::engine::primitives::{TracedCondition, TracedLock, WaitForGraph};
use concurrency_playground::engine::trace::{LaneKind, State};
use concurrency_playground::scenarios::coordination;
use futures::future::join_all;
use playground_fidelity::{check_with_tolerance, Tolerance};
use std::cell::RefCell;
use std::rc::Rc;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn lock_is_exclusive_and_fifo_in_the_lesson() {
    let (n, ms, seed) = (6, 50, 2);
    let t = run(&coordination::SCENARIO, &[("primitive", "lock"), ("n", "6"), ("ms", "50"), ("seed", "2")]);
    let lat = coordination::latencies(seed, 2 * n, ms as f64);
    assert_eq!(max_overlap(&t, State::Io), 1, "only the holder does its request");
    assert_eq!(t.meta.results["counter"], n as f64, "no lost update");
    assert!(close(t.meta.makespan_ms, lat[..n].iter().sum()));
    // Everyone arrived at 0, so they get the lock in spawn order.
    let starts: Vec<f64> = (0..n).map(|i| nth_start(&t, lane_id(&t, &format!("task {i}")), State::Io, 0)).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert_eq!(t.track("waiters").unwrap().max(), (n - 1) as f64);
    assert_eq!(summarize(&t).done, n);
}

#[test]
fn lock_hands_over_in_arrival_order() {
    // Task i arrives at 10·(5 − i) ms: arrival order is the reverse of spawn order.
    let order = Rc::new(RefCell::new(Vec::new()));
    let got = order.clone();
    let t = virtual_run(move |rec, rt| async move {
        let graph = WaitForGraph::new(rec.clone(), rt.clone());
        let lock = TracedLock::new("lock", &graph, Some("waiters"));
        let holder = rec.lane("holder 0", LaneKind::Task);
        let first = lock.acquire(holder).await;
        let tasks = (0..5).map(|i| {
            let (rec, rt, lock, got) = (rec.clone(), rt.clone(), lock.clone(), got.clone());
            let lane = rec.lane(format!("task {i}"), LaneKind::Task);
            async move {
                rt.sleep(10.0 * (5 - i) as f64).await;
                let _g = lock.acquire(lane).await;
                got.borrow_mut().push((i, rt.now()));
                rt.sleep(5.0).await;
            }
        });
        let release = async {
            rt.sleep(100.0).await;
            drop(first);
        };
        futures::join!(join_all(tasks), release);
    });
    let order = order.borrow();
    assert_eq!(order.iter().map(|o| o.0).collect::<Vec<_>>(), vec![4, 3, 2, 1, 0]);
    assert_eq!(order.iter().map(|o| o.1).collect::<Vec<_>>(), vec![100.0, 105.0, 110.0, 115.0, 120.0]);
    assert_eq!(t.track("waiters").unwrap().max(), 5.0);
    assert_eq!(t.events.iter().filter(|e| e.name == "released").count(), 6);
    for i in 0..5u32 {
        let lane = lane_id(&t, &format!("task {i}"));
        let w = t.lane_spans(lane).find(|s| s.state == State::Waiting).unwrap();
        assert_eq!(w.resource.as_deref(), Some("lock"));
        assert!(close(w.start_ms, 10.0 * (5 - i) as f64));
    }
}

#[test]
fn event_wakes_every_waiter_at_the_set_time() {
    let n = 5;
    let t = run(&coordination::SCENARIO, &[("primitive", "event"), ("n", "5"), ("ms", "80"), ("seed", "9")]);
    let lat = coordination::latencies(9, 2 * n, 80.0);
    let set = t.meta.results["set_ms"];
    assert!(close(set, lat[0]));
    let woken: Vec<_> = t.events.iter().filter(|e| e.name == "woken").collect();
    assert_eq!(woken.len(), n);
    assert!(woken.iter().all(|e| close(e.t_ms, set)));
    for i in 0..n {
        let lane = lane_id(&t, &format!("waiter {i}"));
        let w = t.lane_spans(lane).find(|s| s.state == State::Waiting).unwrap();
        assert!(close(w.start_ms, 0.0) && close(w.end_ms, set), "waiter {i}: {w:?}");
        assert!(close(nth_start(&t, lane, State::Io, 0), set));
        assert!(close(lane_end(&t, lane), set + lat[1 + i]));
    }
    assert_eq!(t.track("waiters").unwrap().max(), n as f64);
    assert_eq!(t.events.iter().filter(|e| e.lane.is_none() && e.name == "event_set").count(), 1);
}

#[test]
fn condition_notify_wakes_that_many_longest_waiting_first() {
    let woken = Rc::new(RefCell::new(Vec::new()));
    let got = woken.clone();
    let counts = Rc::new(RefCell::new(Vec::new()));
    let cs = counts.clone();
    virtual_run(move |rec, rt| async move {
        let graph = WaitForGraph::new(rec.clone(), rt.clone());
        let lock = TracedLock::new("lock", &graph, None);
        let cond = TracedCondition::new("condition", lock, "waiters", rec.clone(), rt.clone());
        let waiters = (0..4).map(|i| {
            let (rec, rt, cond, got) = (rec.clone(), rt.clone(), cond.clone(), got.clone());
            let lane = rec.lane(format!("waiter {i}"), LaneKind::Task);
            async move {
                rt.sleep(i as f64).await; // arrive in id order
                let g = cond.acquire(lane).await;
                let _g = cond.wait(g).await;
                got.borrow_mut().push((i, rt.now()));
            }
        });
        let notifier = async {
            let lane = rec.lane("notifier 0", LaneKind::Task);
            for (at, n) in [(10.0, 1), (20.0, 2), (30.0, 5), (40.0, 1)] {
                rt.sleep(at - rt.now()).await;
                let g = cond.acquire(lane).await;
                let w = if n == 5 { cond.notify_all(&g) } else { cond.notify(&g, n) };
                cs.borrow_mut().push(w);
            }
        };
        futures::join!(join_all(waiters), notifier);
    });
    assert_eq!(*woken.borrow(), vec![(0, 10.0), (1, 20.0), (2, 20.0), (3, 30.0)]);
    assert_eq!(*counts.borrow(), vec![1, 2, 1, 0], "notify reports how many it woke; none left at 40 ms");
}

#[test]
fn condition_lesson_hands_each_item_to_one_consumer() {
    let n = 4;
    let t = run(&coordination::SCENARIO, &[("primitive", "condition"), ("n", "4"), ("ms", "60"), ("seed", "3")]);
    let lat = coordination::latencies(3, 2 * n, 60.0);
    let mut made = 0.0;
    for (i, l) in lat.iter().enumerate().take(n) {
        made += l;
        let lane = lane_id(&t, &format!("consumer {i}"));
        // Consumer i (the i-th to wait) gets item i the moment it is made.
        assert!(close(nth_start(&t, lane, State::Io, 0), made), "consumer {i}");
        let io = t.lane_spans(lane).find(|s| s.state == State::Io).unwrap();
        assert_eq!(io.label.as_deref(), Some(format!("process item {i}").as_str()));
    }
    assert_eq!(t.events.iter().filter(|e| e.name == "woken").count(), n, "no spurious wake-ups");
    assert_eq!(summarize(&t).done, n + 1);
}

#[test]
fn barrier_releases_all_parties_together() {
    let n = 6;
    let t = run(&coordination::SCENARIO, &[("primitive", "barrier"), ("n", "6"), ("ms", "70"), ("seed", "5")]);
    let lat = coordination::latencies(5, 2 * n, 70.0);
    let open = lat[..n].iter().cloned().fold(0.0, f64::max);
    assert!(close(t.meta.results["barrier_ms"], open));
    for i in 0..n {
        let lane = lane_id(&t, &format!("task {i}"));
        assert!(close(nth_start(&t, lane, State::Io, 1), open), "task {i} starts phase 2 when the barrier opens");
    }
    assert_eq!(t.track("arrived").unwrap().max(), (n - 1) as f64);
    assert_eq!(t.events.iter().filter(|e| e.name == "barrier_open").count(), 1);
    assert!(close(t.meta.makespan_ms, open + lat[n..].iter().cloned().fold(0.0, f64::max)));
}

#[test]
fn pool_never_exceeds_its_size_and_reuses_connections() {
    for (n, k) in [(10usize, 3usize), (4, 6), (7, 1)] {
        let (ns, ks) = (n.to_string(), k.to_string());
        let t = run(&coordination::SCENARIO, &[("primitive", "pool"), ("n", &ns), ("k", &ks), ("ms", "50"), ("seed", "4")]);
        let ctx = format!("n={n} k={k}");
        let in_use = t.track("connections_in_use").unwrap();
        assert_eq!(in_use.max(), n.min(k) as f64, "{ctx}");
        assert_eq!(summarize(&t).max_in_flight, n.min(k), "{ctx}");
        assert_eq!(t.meta.results["connections_reused"], n.saturating_sub(k) as f64, "{ctx}");
        let conns: std::collections::BTreeSet<String> =
            t.spans.iter().filter_map(|s| s.label.as_deref()).filter_map(|l| l.split(" on ").nth(1)).map(str::to_owned).collect();
        assert_eq!(conns.len(), n.min(k), "{ctx}: {conns:?}");
        assert_eq!(t.track("waiters").unwrap().max(), n.saturating_sub(k) as f64, "{ctx}");
    }
}

#[test]
fn periodic_ticks_at_exact_virtual_times_and_the_sleep_loop_drifts() {
    let (n, p) = (5, 100.0);
    let t = run(&coordination::SCENARIO, &[("primitive", "periodic"), ("n", "5"), ("ms", "100"), ("seed", "6")]);
    let lat = coordination::latencies(6, 2 * n, p / 2.0);
    let (sched, lp) = (lane_id(&t, "scheduler 0"), lane_id(&t, "loop 0"));
    let mut drift = 0.0;
    for (i, l) in lat.iter().enumerate().take(n) {
        assert!(close(nth_start(&t, sched, State::Io, i), i as f64 * p), "scheduler tick {i}");
        assert!(close(nth_start(&t, lp, State::Io, i), i as f64 * p + drift), "loop tick {i}");
        if i + 1 < n {
            drift += l;
        }
    }
    assert!(close(t.meta.results["loop_drift_ms"], drift));
    assert_eq!(t.meta.results["scheduler_drift_ms"], 0.0);
    assert_eq!(t.events.iter().filter(|e| e.name == "tick").count(), 2 * n);
    assert!(close(t.track("loop_lateness").unwrap().max(), drift));
}

const VARIANTS: Tolerance = Tolerance { skip_results: &["scheduler_drift_ms"], ..Tolerance::DEFAULT };

#[test]
fn coordination_variants_match_cpython() {
    for v in ["lock", "event", "condition", "barrier", "periodic"] {
        let pairs = [("primitive", v), ("n", "4"), ("ms", "40"), ("seed", "11")];
        let c = check_with_tolerance(&coordination::SCENARIO, &pairs, &VARIANTS, repo()).unwrap_or_else(|e| panic!("{e}"));
        assert!(c.passed(), "{v}: CPython disagrees: {:?}", c.failures());
        assert!(c.unshared_results.iter().all(|k| k.ends_with("(engine only)")), "{v}: {:?}", c.unshared_results);
        if v == "periodic" {
            // Real timers are a little late, but a deadline schedule does not add up the jobs.
            let (s, l) = (c.report.results["scheduler_drift_ms"], c.report.results["loop_drift_ms"]);
            assert!(s < l, "a deadline schedule keeps time: {s} vs the sleep loop's {l}");
        }
    }
}
