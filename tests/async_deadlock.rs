#![cfg(not(target_arch = "wasm32"))]
//! The deadlock lesson on the virtual clock (the wait-for cycle found, named
//! and ending the run; ordered locking completing; a cancelled wait leaving the
//! graph), and its naming of the cycle against real CPython. The coordination
//! primitives are in `async_coordination.rs`.

mod common;

use common::repo;
use common::virtual_run::{lane_end, lane_id, run, virtual_run};
use concurrency_playground::engine::primitives::{TracedLock, WaitForGraph};
use concurrency_playground::engine::trace::{LaneKind, Outcome, State};
use concurrency_playground::scenarios::deadlock;
use futures::future::join_all;
use playground_fidelity::run_python_with;

#[test]
fn deadlock_is_detected_named_and_ends_the_run() {
    let t = run(&deadlock::SCENARIO, &[("ordering", "opposite"), ("n", "2"), ("ms", "100")]);
    let dl: Vec<_> = t.events.iter().filter(|e| e.name == "deadlock").collect();
    assert_eq!(dl.len(), 1);
    assert_eq!(dl[0].lane, None, "a run-wide marker");
    assert_eq!(dl[0].detail.as_deref(), Some("task 0 holds lock A, waits for lock B; task 1 holds lock B, waits for lock A"));
    assert_eq!(dl[0].t_ms, 100.0, "found when the second wait starts");
    assert_eq!(t.meta.makespan_ms, 100.0);
    assert_eq!(t.meta.results["deadlock_detected"], 1.0);
    assert_eq!(t.meta.results["tasks_done"], 0.0);
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Cancelled)));
    let waits: Vec<_> = t.spans.iter().filter(|s| s.state == State::Waiting).map(|s| s.resource.clone().unwrap()).collect();
    assert_eq!(waits, vec!["lock B".to_owned(), "lock A".to_owned()]);

    let t = run(&deadlock::SCENARIO, &[("ordering", "opposite"), ("n", "4"), ("ms", "30")]);
    let d = t.events.iter().find(|e| e.name == "deadlock").and_then(|e| e.detail.clone()).unwrap();
    assert_eq!(
        d,
        "task 0 holds lock A, waits for lock B; task 1 holds lock B, waits for lock C; \
         task 2 holds lock C, waits for lock D; task 3 holds lock D, waits for lock A"
    );
}

#[test]
fn only_the_tasks_in_the_cycle_are_named() {
    // Task 2 queues for lock A before the cycle closes; it waits, but is not in the cycle.
    let t = virtual_run(|rec, rt| async move {
        let graph = WaitForGraph::new(rec.clone(), rt.clone());
        let (a, b) = (TracedLock::new("lock A", &graph, None), TracedLock::new("lock B", &graph, None));
        let plan = [(0u32, a.clone(), b.clone(), 0.0), (1, b.clone(), a.clone(), 0.0), (2, a.clone(), b.clone(), 1.0)];
        let tasks = plan.into_iter().map(|(i, first, second, delay)| {
            let (rec, rt) = (rec.clone(), rt.clone());
            let lane = rec.lane(format!("task {i}"), LaneKind::Task);
            async move {
                rt.sleep(delay).await;
                let _g1 = first.acquire(lane).await;
                rt.sleep(10.0).await;
                let _g2 = second.acquire(lane).await;
            }
        });
        let g = graph.clone();
        futures::future::select(Box::pin(join_all(tasks)), Box::pin(async move { g.deadlock().await })).await;
        assert!(graph.cycle().is_some());
    });
    let d: Vec<_> = t.events.iter().filter(|e| e.name == "deadlock").filter_map(|e| e.detail.clone()).collect();
    assert_eq!(d, vec!["task 0 holds lock A, waits for lock B; task 1 holds lock B, waits for lock A".to_owned()]);
    assert_eq!(t.meta.makespan_ms, 10.0);
}

#[test]
fn ordered_locking_completes() {
    for n in 2..=8 {
        let ns = n.to_string();
        let t = run(&deadlock::SCENARIO, &[("ordering", "ordered"), ("n", &ns), ("ms", "20")]);
        assert_eq!(t.meta.results["deadlock_detected"], 0.0, "n={n}");
        assert_eq!(t.meta.results["tasks_done"], n as f64, "n={n}");
        assert!(t.events.iter().all(|e| e.name != "deadlock"));
        assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Done)), "n={n}");
        assert!(t.meta.makespan_ms <= 2.0 * n as f64 * 20.0 + 1e-6, "n={n}: {}", t.meta.makespan_ms);
    }
}

// ---- CPython (each lesson's own `cpython` params: tests/fidelity.rs) ----

/// Real time, one CPython run each, held to the default one-sided bound: at
/// most 1 ms early and at most the run's measured loop slack late (chains of
/// 40 ms sleeps: every real sleep's lateness is in that slack).
/// `scheduler_drift_ms` is about lateness itself (0 virtually, real timer
/// overshoot in CPython); the periodic variant checks it against the loop's drift.
#[test]
fn deadlock_listing_names_the_same_cycle() {
    // The listing detects the deadlock by timeout; it names the same cycle.
    let pairs = [("ordering", "opposite"), ("n", "3"), ("ms", "20")];
    let t = run(&deadlock::SCENARIO, &pairs);
    let py = run_python_with(&deadlock::SCENARIO, &pairs, repo()).unwrap();
    let named = t.events.iter().find(|e| e.name == "deadlock").and_then(|e| e.detail.clone());
    assert_eq!(py.extra.get("deadlock").and_then(|d| d.as_str()).map(str::to_owned), named);
    assert_eq!(py.results["deadlock_detected"], 1.0);
    assert_eq!(py.results["tasks_done"], 0.0);
    assert!(py.tasks.iter().all(|x| x.outcome == "cancelled"));
}

#[test]
fn a_cancelled_wait_leaves_the_graph_and_the_queue() {
    // Task 0 holds A and gives up waiting for B at 5 ms (a timeout); task 1
    // holds B and waits for A at 10 ms: no cycle any more, so no deadlock.
    let t = virtual_run(|rec, rt| async move {
        let graph = WaitForGraph::new(rec.clone(), rt.clone());
        let (a, b) = (TracedLock::new("lock A", &graph, Some("waiters_a")), TracedLock::new("lock B", &graph, Some("waiters_b")));
        let (l0, l1) = (rec.lane("task 0", LaneKind::Task), rec.lane("task 1", LaneKind::Task));
        let t0 = async {
            let _a = a.acquire(l0).await;
            rt.sleep(1.0).await;
            let wait_b = Box::pin(b.acquire(l0));
            let timeout = rt.sleep(4.0);
            assert!(matches!(futures::future::select(wait_b, timeout).await, futures::future::Either::Right(_)));
            rt.sleep(15.0).await; // still holding A until 20 ms
            rec.finish_lane(l0, Outcome::Done, rt.now());
        };
        let t1 = async {
            let _b = b.acquire(l1).await;
            rt.sleep(10.0).await;
            let _a = a.acquire(l1).await;
            rec.finish_lane(l1, Outcome::Done, rt.now());
        };
        futures::join!(t0, t1);
        assert_eq!(graph.cycle(), None);
    });
    assert!(t.events.iter().all(|e| e.name != "deadlock"));
    assert_eq!(t.track("waiters_b").unwrap().samples.last().unwrap().value, 0.0);
    assert_eq!(lane_end(&t, lane_id(&t, "task 1")), 20.0, "task 1 gets A when task 0 lets go");
}
