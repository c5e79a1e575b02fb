#![cfg(not(target_arch = "wasm32"))]
//! The virtual clock schedules like CPython 3.11's asyncio: tasks woken at the
//! same instant resume in wake order, primitives wake rather than hand over,
//! and `sleep(0)` yields. Each case's expected outcome is what CPython prints
//! for the same program (the program is quoted in the test).

use concurrency_playground::engine::primitives::{Order, TracedEvent, TracedLock, TracedQueue, WaitForGraph};
use concurrency_playground::engine::recorder::Recorder;
use concurrency_playground::engine::runtime::{gather, spawn, Runtime};
use concurrency_playground::engine::trace::LaneKind;
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::rc::Rc;

type Ends = Rc<RefCell<Vec<(&'static str, f64)>>>;

/// The issue's example. T0 takes lock0 and lock1, sleeps 56.69 ms, releases
/// lock1 then lock0; T1 takes lock0 then lock1; T2 takes lock1, releases it,
/// takes it again and sleeps 34.32 ms. T0's release of lock1 wakes T2 before
/// its release of lock0 wakes T1, so T2 runs first, keeps lock1, and T1 ends
/// after T2's sleep: 56.69 + 34.32 ms (CPython: T0 57.4, T2 95.6, T1 95.7 on
/// real timers, late by a few ms).
#[test]
fn woken_tasks_resume_in_wake_order_the_issues_example() {
    let (hold, again) = (56.69, 34.32);
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let graph = WaitForGraph::new(rec.clone(), rt.clone());
    let (l0, l1) = (TracedLock::new("lock0", &graph, None), TracedLock::new("lock1", &graph, None));
    let ends: Ends = Rc::default();
    let lane = |n: &str| rec.lane(n, LaneKind::Task);
    let (a, b, c) = (lane("T0"), lane("T1"), lane("T2"));
    let t0: LocalBoxFuture<'static, ()> = {
        let (rt, l0, l1, ends) = (rt.clone(), l0.clone(), l1.clone(), ends.clone());
        Box::pin(async move {
            let g0 = l0.acquire(a).await;
            let g1 = l1.acquire(a).await;
            rt.sleep(hold).await;
            drop(g1);
            drop(g0);
            ends.borrow_mut().push(("T0", rt.now()));
        })
    };
    let t1: LocalBoxFuture<'static, ()> = {
        let (rt, l0, l1, ends) = (rt.clone(), l0.clone(), l1.clone(), ends.clone());
        Box::pin(async move {
            let g0 = l0.acquire(b).await;
            let g1 = l1.acquire(b).await;
            drop(g1);
            drop(g0);
            ends.borrow_mut().push(("T1", rt.now()));
        })
    };
    let t2: LocalBoxFuture<'static, ()> = {
        let (rt, l1, ends) = (rt.clone(), l1.clone(), ends.clone());
        Box::pin(async move {
            drop(l1.acquire(c).await);
            let g = l1.acquire(c).await;
            rt.sleep(again).await;
            drop(g);
            ends.borrow_mut().push(("T2", rt.now()));
        })
    };
    let rt2 = rt.clone();
    vrt.block_on(async move { gather(rt2.as_ref(), vec![t0, t1, t2]).await }).expect("no deadlock");
    let ends = ends.borrow().clone();
    let names: Vec<&str> = ends.iter().map(|e| e.0).collect();
    assert_eq!(names, ["T0", "T2", "T1"]);
    assert!((ends[0].1 - hold).abs() < 1e-6, "{ends:?}");
    assert!((ends[2].1 - (hold + again)).abs() < 1e-6, "T1 ends after T2's sleep: {ends:?}");
}

/// T0 `get`s (waits); T1 `put 107`s (wakes T0); T2 `get`s before T0 runs and
/// takes 107; T0 waits on. asyncio: `{'T2': 107}`, T0 not done.
#[test]
fn a_queue_wakes_its_getter_and_a_faster_task_takes_the_item() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let q = TracedQueue::new("q", 10, Order::Fifo, "depth", rec.clone(), rt.clone());
    let got: Rc<RefCell<Vec<(&'static str, u32)>>> = Rc::default();
    let rt2 = rt.clone();
    let got2 = got.clone();
    let t0_done = vrt
        .block_on(async move {
            let getter = |name: &'static str| {
                let (q, got) = (q.clone(), got2.clone());
                async move {
                    if let Some(v) = q.get(None).await {
                        got.borrow_mut().push((name, v));
                    }
                }
            };
            let a = spawn(rt2.as_ref(), getter("T0"));
            rt2.sleep(0.0).await;
            let q2 = q.clone();
            let b = spawn(rt2.as_ref(), async move { q2.put(None, 107, 0).await.is_ok() });
            let c = spawn(rt2.as_ref(), getter("T2"));
            rt2.sleep(10.0).await;
            let done = a.is_finished();
            assert!(b.await);
            c.await;
            done
        })
        .expect("main ends");
    assert_eq!(*got.borrow(), [("T2", 107)]);
    assert!(!t0_done, "T0 is still waiting for an item");
}

/// `asyncio.gather(waiter(), setter())` where the setter sets the event then
/// sleeps 0: the waiter (woken by `set`) runs before the setter resumes.
/// asyncio: `['waiter', 'setter']`.
#[test]
fn sleep_zero_yields_to_the_task_it_woke() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let ev = TracedEvent::new("e", "waiters", rec.clone(), rt.clone());
    let (w, s) = (rec.lane("waiter", LaneKind::Task), rec.lane("setter", LaneKind::Task));
    let order: Rc<RefCell<Vec<&'static str>>> = Rc::default();
    let waiter: LocalBoxFuture<'static, ()> = {
        let (ev, order) = (ev.clone(), order.clone());
        Box::pin(async move {
            ev.wait(w).await;
            order.borrow_mut().push("waiter");
        })
    };
    let setter: LocalBoxFuture<'static, ()> = {
        let (ev, order, rt) = (ev.clone(), order.clone(), rt.clone());
        Box::pin(async move {
            ev.set(s);
            rt.sleep(0.0).await;
            order.borrow_mut().push("setter");
        })
    };
    let rt2 = rt.clone();
    vrt.block_on(async move { gather(rt2.as_ref(), vec![waiter, setter]).await }).expect("no deadlock");
    assert_eq!(*order.borrow(), ["waiter", "setter"]);
}

/// `set()` then `clear()` at once: every task waiting at `set()` still wakes.
#[test]
fn set_then_clear_loses_no_wake_up() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let ev = TracedEvent::new("e", "waiters", rec.clone(), rt.clone());
    let n = 3;
    let rt2 = rt.clone();
    let woken = vrt
        .block_on(async move {
            let lanes: Vec<_> = (0..n).map(|i| rec.lane(format!("w{i}"), LaneKind::Task)).collect();
            let waits: Vec<_> = lanes
                .iter()
                .map(|&l| {
                    let ev = ev.clone();
                    spawn(rt2.as_ref(), async move {
                        ev.wait(l).await;
                        1
                    })
                })
                .collect();
            rt2.sleep(1.0).await;
            ev.set(lanes[0]);
            ev.clear();
            let mut sum = 0;
            for h in waits {
                sum += h.await;
            }
            sum
        })
        .expect("every waiter wakes");
    assert_eq!(woken, n);
}
