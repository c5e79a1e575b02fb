//! The flow primitives on their own, on the virtual clock: the bounded queue
//! (FIFO wakeups, backpressure, close, cancellation, join) and the limiters.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::primitives::{Admission, Limiter, Order, Overflow, Rule, TracedQueue};
use concurrency_playground::engine::recorder::{LaneId, Recorder};
use concurrency_playground::engine::runtime::Runtime;
use concurrency_playground::engine::trace::{LaneKind, State};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use futures::future::{join_all, select, Either};
use std::cell::RefCell;
use std::rc::Rc;

fn setup() -> (VirtualRuntime, Rc<dyn Runtime>, Rc<Recorder>) {
    let v = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(v.clone());
    (v, rt, Rc::new(Recorder::new()))
}

fn lanes(rec: &Recorder, n: usize) -> Vec<LaneId> {
    (0..n).map(|i| rec.lane(format!("task {i}"), LaneKind::Task)).collect()
}

#[test]
fn blocked_putters_and_getters_are_served_first_come_first_served() {
    let (v, rt, rec) = setup();
    let q = TracedQueue::new("queue", 1, Order::Fifo, "queue_depth", rec.clone(), rt.clone());
    let ls = lanes(&rec, 8);
    let got: Rc<RefCell<Vec<(usize, u32)>>> = Rc::default();
    let q2 = q.clone();
    let (rt2, got2) = (rt.clone(), got.clone());
    let out = v.block_on(async move {
        // Four getters wait on an empty queue, in order 0..3, starting at t = 0, 1, 2, 3.
        let getters = (0..4).map(|g| {
            let (q, rt, got, lane) = (q2.clone(), rt2.clone(), got2.clone(), ls[g]);
            async move {
                rt.sleep(g as f64).await;
                let item = q.get(Some(lane)).await.unwrap();
                got.borrow_mut().push((g, item));
            }
        });
        // Then four putters arrive at t = 10 on a queue of size 1.
        let putters = (0..4u32).map(|p| {
            let (q, rt, lane) = (q2.clone(), rt2.clone(), ls[4 + p as usize]);
            async move {
                rt.sleep(10.0 + p as f64 * 0.5).await;
                q.put(Some(lane), 100 + p, 0).await.unwrap();
            }
        });
        futures::join!(join_all(getters), join_all(putters));
    });
    assert!(out.is_some(), "no deadlock");
    // The first getter to wait gets the first item, and so on.
    assert_eq!(*got.borrow(), vec![(0, 100), (1, 101), (2, 102), (3, 103)]);
    drop(q);
    let t = Rc::try_unwrap(rec)
        .ok()
        .unwrap()
        .finish(concurrency_playground::engine::recorder::meta("t", Default::default(), rt.clock()), rt.now());
    assert!(t.track("queue_depth").unwrap().max() <= 1.0);
    assert!(t.spans.iter().filter(|s| s.resource.as_deref() == Some("queue (empty)")).count() == 4);
    assert_eq!(t.events.iter().filter(|e| e.name == "put").count(), 4);
    assert_eq!(t.events.iter().filter(|e| e.name == "got").count(), 4);
}

#[test]
fn putters_block_when_full_and_resume_in_order() {
    let (v, rt, rec) = setup();
    let q = TracedQueue::new("queue", 2, Order::Fifo, "queue_depth", rec.clone(), rt.clone());
    let ls = lanes(&rec, 6);
    let order: Rc<RefCell<Vec<u32>>> = Rc::default();
    let (q2, rt2, order2) = (q.clone(), rt.clone(), order.clone());
    v.block_on(async move {
        let putters = (0..6u32).map(|i| {
            let (q, rt, lane) = (q2.clone(), rt2.clone(), ls[i as usize]);
            async move {
                rt.sleep(i as f64).await;
                q.put(Some(lane), i, 0).await.unwrap();
            }
        });
        let getter = async {
            rt2.sleep(100.0).await;
            assert_eq!(q2.len(), 2, "two fit, four wait");
            for _ in 0..6 {
                let item = q2.get(None).await.unwrap();
                order2.borrow_mut().push(item);
                rt2.sleep(10.0).await;
            }
        };
        futures::join!(join_all(putters), getter);
    })
    .unwrap();
    assert_eq!(*order.borrow(), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(q.max_depth(), 2);
    // Putters 2..5 waited from their arrival until a slot freed: 98 + 107 + 116 + 125 ms.
    assert!((q.put_wait_ms() - (98.0 + 107.0 + 116.0 + 125.0)).abs() < 1e-6, "{}", q.put_wait_ms());
}

#[test]
fn priority_queue_pops_smallest_first_ties_in_order() {
    let (v, rt, rec) = setup();
    let q = TracedQueue::new("queue", 10, Order::Priority, "queue_depth", rec, rt);
    let q2 = q.clone();
    let out = v
        .block_on(async move {
            for (prio, item) in [(2, "c"), (0, "a"), (1, "b1"), (1, "b2"), (0, "a2"), (5, "z")] {
                q2.put(None, item, prio).await.unwrap();
            }
            let mut v = Vec::new();
            for _ in 0..6 {
                v.push(q2.get(None).await.unwrap());
            }
            v
        })
        .unwrap();
    assert_eq!(out, vec!["a", "a2", "b1", "b2", "c", "z"]);
}

#[test]
fn close_wakes_every_waiter_and_cancelled_waiters_leave_the_line() {
    let (v, rt, rec) = setup();
    let q: Rc<TracedQueue<u32>> = TracedQueue::new("queue", 1, Order::Fifo, "queue_depth", rec.clone(), rt.clone());
    let ls = lanes(&rec, 4);
    let (q2, rt2) = (q.clone(), rt.clone());
    let out = v
        .block_on(async move {
            // A getter that gives up after 5 ms (select with a timer = cancellation).
            let impatient = async {
                match select(Box::pin(q2.get(Some(ls[0]))), rt2.sleep(5.0)).await {
                    Either::Left((item, _)) => item,
                    Either::Right(_) => Some(999),
                }
            };
            let patient = async {
                rt2.sleep(1.0).await;
                q2.get(Some(ls[1])).await
            };
            let producer = async {
                rt2.sleep(10.0).await;
                q2.put(None, 7, 0).await.unwrap();
                // The impatient getter left: the patient one got 7. Now close with a waiter.
                rt2.sleep(10.0).await;
                q2.close();
                q2.put(None, 8, 0).await
            };
            let late = async {
                rt2.sleep(15.0).await;
                q2.get(Some(ls[2])).await
            };
            futures::join!(impatient, patient, producer, late)
        })
        .unwrap();
    assert_eq!(out.0, Some(999), "timed out and left");
    assert_eq!(out.1, Some(7), "the cancelled waiter did not take the item");
    assert!(out.2.is_err(), "put on a closed queue fails");
    assert_eq!(out.3, None, "a waiting get wakes with None on close");
}

#[test]
fn join_waits_for_every_task_done() {
    let (v, rt, rec) = setup();
    let q: Rc<TracedQueue<f64>> = TracedQueue::new("queue", 3, Order::Fifo, "queue_depth", rec, rt.clone());
    let (q2, rt2) = (q.clone(), rt.clone());
    let joined_at = v
        .block_on(async move {
            for ms in [10.0, 20.0, 30.0] {
                q2.put(None, ms, 0).await.unwrap();
            }
            let worker = async {
                for _ in 0..3 {
                    let ms = q2.get(None).await.unwrap();
                    rt2.sleep(ms).await;
                    q2.task_done();
                }
            };
            let waiter = async {
                q2.join().await;
                rt2.now()
            };
            futures::join!(worker, waiter).1
        })
        .unwrap();
    assert_eq!(joined_at, 60.0);
}

#[test]
fn limiters_admit_exactly_on_the_virtual_clock() {
    // Token bucket, 4/s, burst 2: five callers at t = 0 pass at 0, 0, 250, 500, 750.
    let (v, rt, rec) = setup();
    let lim = Limiter::new("token bucket", Rule::TokenBucket { rate: 4.0, burst: 2.0 }, rec.clone(), rt.clone());
    let ls = lanes(&rec, 5);
    let (rt2, lim2) = (rt.clone(), lim.clone());
    let at = v
        .block_on(async move {
            join_all(ls.iter().map(|l| {
                let (rt, lim) = (rt2.clone(), lim2.clone());
                async move {
                    let a = lim.acquire(*l, Overflow::Delay).await;
                    (rt.now(), a)
                }
            }))
            .await
        })
        .unwrap();
    let times: Vec<f64> = at.iter().map(|x| x.0).collect();
    assert_eq!(times, vec![0.0, 0.0, 250.0, 500.0, 750.0]);
    assert_eq!(at[1].1, Admission::Admitted);
    assert_eq!(at[4].1, Admission::Delayed(750.0));

    // Sliding window, 2 per 100 ms, rejecting: callers every 30 ms.
    let (v, rt, rec) = setup();
    let lim = Limiter::new("sliding window", Rule::SlidingWindow { max: 2, window_ms: 100.0 }, rec.clone(), rt.clone());
    let ls = lanes(&rec, 8);
    let (rt2, lim2) = (rt.clone(), lim.clone());
    let got = v
        .block_on(async move {
            let mut v = Vec::new();
            for l in ls {
                v.push(lim2.acquire(l, Overflow::Reject).await);
                rt2.sleep(30.0).await;
            }
            v
        })
        .unwrap();
    // t = 0 ok, 30 ok, 60 no, 90 no, 120 ok (0 expired... at 100), 150 ok (30 expired at 130), 180 no, 210 no.
    use Admission::*;
    assert_eq!(got, vec![Admitted, Admitted, Rejected, Rejected, Admitted, Admitted, Rejected, Rejected]);
    drop(lim);
    let t = Rc::try_unwrap(rec)
        .ok()
        .unwrap()
        .finish(concurrency_playground::engine::recorder::meta("t", Default::default(), rt.clock()), rt.now());
    assert!(t.spans.iter().all(|s| s.state != State::Waiting));
    assert_eq!(t.track("window_count").unwrap().max(), 2.0);
}

#[test]
fn flow_lessons_have_every_string_they_show() {
    use concurrency_playground::i18n;
    use concurrency_playground::scenarios::{actors, pipeline, prodcons, ratelimit, run_virtual, Scenario};
    let runs: [(&Scenario, &[(&str, &str)]); 7] = [
        (&ratelimit::SCENARIO, &[]),
        (&ratelimit::SCENARIO, &[("limiter", "sliding_window"), ("overflow", "reject")]),
        (&prodcons::SCENARIO, &[]),
        (&prodcons::SCENARIO, &[("queue", "priority"), ("shutdown", "cancel")]),
        (&pipeline::SCENARIO, &[]),
        (&actors::SCENARIO, &[]),
        (&actors::SCENARIO, &[("design", "shared")]),
    ];
    for (scn, pairs) in runs {
        let raw = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let t = run_virtual(scn, &raw).unwrap();
        let mut keys: Vec<String> = t.meta.results.keys().map(|k| format!("num.{k}")).collect();
        keys.extend(t.tracks.iter().map(|tr| format!("track.{}", tr.name)));
        keys.extend(t.lanes.iter().filter_map(|l| l.name.split_once(' ')).map(|(kind, _)| format!("lane.{kind}")));
        keys.extend(t.events.iter().filter(|e| e.lane.is_none()).map(|e| format!("event.{}", e.name)));
        for k in keys {
            assert!(i18n::has(&k), "{}: missing translation {k}", scn.id);
        }
        assert!(!t.meta.results.is_empty() && !t.tracks.is_empty());
    }
}
