#![cfg(not(target_arch = "wasm32"))]
//! VirtualRuntime timers and deadlock report, TracedSemaphore on the virtual clock, SplitMix64 and latency models.

use concurrency_playground::engine::latency::{LatencyModel, SplitMix64};
use concurrency_playground::engine::primitives::TracedSemaphore;
use concurrency_playground::engine::recorder::{meta, Recorder};
use concurrency_playground::engine::runtime::{spawn, Runtime};
use concurrency_playground::engine::trace::{ClockKind, LaneKind, Outcome, Trace};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use futures::future::{join_all, select, Either};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

type Log = Rc<RefCell<Vec<(&'static str, f64)>>>;

#[test]
fn sleeps_fire_at_exact_virtual_times_in_deadline_order() {
    let vrt = VirtualRuntime::new();
    let log: Log = Rc::default();
    // (name, first sleep, second sleep): "x" reaches its 10 ms deadline via a
    // timer set at 5 ms, after "y" set its 10 ms timer at 0 ms: y must fire first.
    let plan: [(&'static str, f64, f64); 5] = [("x", 5.0, 5.0), ("a", 30.0, 0.0), ("y", 10.0, 0.0), ("c", 20.0, 0.0), ("d", 0.25, 0.0)];
    let rt = vrt.clone();
    let log2 = log.clone();
    let end = vrt.block_on(async move {
        let mut tasks = Vec::new();
        for (name, first, second) in plan {
            let (rt2, log) = (rt.clone(), log2.clone());
            tasks.push(spawn(&rt, async move {
                rt2.sleep(first).await;
                if second > 0.0 {
                    rt2.sleep(second).await;
                }
                log.borrow_mut().push((name, rt2.now()));
            }));
        }
        rt.sleep(1000.0).await;
        drop(tasks);
        rt.now()
    });
    assert_eq!(end, Some(1000.0));
    assert_eq!(*log.borrow(), vec![("d", 0.25), ("y", 10.0), ("x", 10.0), ("c", 20.0), ("a", 30.0)]);
}

#[test]
fn zero_sleep_yields_and_time_does_not_move() {
    let vrt = VirtualRuntime::new();
    let rt = vrt.clone();
    let out = vrt.block_on(async move {
        rt.sleep(0.0).await;
        rt.sleep(-5.0).await;
        rt.now()
    });
    assert_eq!(out, Some(0.0));
}

#[test]
fn block_on_reports_a_deadlock_instead_of_hanging() {
    let vrt = VirtualRuntime::new();
    let (tx, rx) = futures::channel::oneshot::channel::<u32>();
    let rt = vrt.clone();
    let out = vrt.block_on(async move {
        rt.sleep(5.0).await;
        rx.await.ok()
    });
    assert_eq!(out, None, "waiting forever with no timer must be reported");
    assert_eq!(vrt.now(), 5.0, "time advanced through the pending sleep first");
    drop(tx); // kept alive until here, so the receiver never resolved
}

fn finish(rec: Rc<Recorder>, rt: &VirtualRuntime) -> Trace {
    let rec = Rc::try_unwrap(rec).ok().expect("tasks dropped their recorder handles");
    rec.finish(meta("sem-test", BTreeMap::new(), ClockKind::Virtual), rt.now())
}

/// N tasks arrive at distinct times (all before the first release), each holds
/// one of K permits for `hold` ms. Returns (arrival order, acquisition order, trace).
fn run_semaphore(k: usize, starts: &[f64], hold: f64) -> (Vec<usize>, Vec<usize>, Trace) {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let sem = TracedSemaphore::new("sem", k, rec.clone(), rt.clone());
    let arrived: Rc<RefCell<Vec<usize>>> = Rc::default();
    let acquired: Rc<RefCell<Vec<usize>>> = Rc::default();
    let held = Rc::new(Cell::new(0usize));
    let tasks: Vec<_> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let (rt, rec, sem, arrived, acquired, held) =
                (rt.clone(), rec.clone(), sem.clone(), arrived.clone(), acquired.clone(), held.clone());
            let lane = rec.lane(format!("t{i}"), LaneKind::Task);
            async move {
                rt.sleep(start).await;
                arrived.borrow_mut().push(i);
                let permit = sem.acquire(lane).await;
                held.set(held.get() + 1);
                assert!(held.get() <= k, "more than {k} permits held");
                acquired.borrow_mut().push(i);
                rt.sleep(hold).await;
                held.set(held.get() - 1);
                drop(permit);
                rec.finish_lane(lane, Outcome::Done, rt.now());
            }
        })
        .collect();
    vrt.block_on(join_all(tasks)).expect("no deadlock");
    drop(sem);
    let (a, b) = (arrived.borrow().clone(), acquired.borrow().clone());
    (a, b, finish(rec, &vrt))
}

#[test]
fn semaphore_bounds_permits_and_serves_waiters_fifo() {
    let starts = [7.0, 3.0, 9.0, 1.0, 12.0, 0.0, 5.0, 11.0, 2.0, 8.0, 4.0, 6.0];
    for k in [1usize, 2, 3, 5, 12] {
        let (arrived, acquired, t) = run_semaphore(k, &starts, 100.0);
        let mut by_start: Vec<usize> = (0..starts.len()).collect();
        by_start.sort_by(|&a, &b| starts[a].total_cmp(&starts[b]));
        assert_eq!(arrived, by_start, "tasks arrive in start-time order");
        assert_eq!(acquired, arrived, "k = {k}: permits must be granted first come, first served");
        t.validate().unwrap();
        let in_use = t.track("permits_in_use").unwrap();
        assert!(in_use.samples.iter().all(|s| s.value <= k as f64), "k = {k}: {in_use:?}");
        assert_eq!(in_use.max(), k as f64);
        assert_eq!(t.track("waiters").unwrap().max(), (starts.len() - k) as f64);
        assert_eq!(t.track("waiters").unwrap().samples.last().unwrap().value, 0.0);
        assert_eq!(in_use.samples.last().unwrap().value, 0.0);
        let expected_makespan = 100.0 * starts.len().div_ceil(k) as f64;
        assert!(
            t.meta.makespan_ms >= expected_makespan && t.meta.makespan_ms < expected_makespan + 13.0,
            "k = {k}: {}",
            t.meta.makespan_ms
        );
        // Exactly the tasks that found no free permit show a waiting span.
        let waited = t.spans.iter().filter(|s| s.state == concurrency_playground::engine::trace::State::Waiting).count();
        assert_eq!(waited, starts.len() - k);
    }
}

#[test]
fn a_waiter_that_times_out_leaves_the_queue_without_a_permit() {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let sem = TracedSemaphore::new("sem", 1, rec.clone(), rt.clone());
    let (la, lb, lc) = (rec.lane("a", LaneKind::Task), rec.lane("b", LaneKind::Task), rec.lane("c", LaneKind::Task));
    let c_got_at = Rc::new(Cell::new(f64::NAN));
    let a = {
        let (rt, sem) = (rt.clone(), sem.clone());
        async move {
            let _p = sem.acquire(la).await;
            rt.sleep(100.0).await;
        }
    };
    let b = {
        let (rt, rec, sem) = (rt.clone(), rec.clone(), sem.clone());
        async move {
            rt.sleep(10.0).await;
            match select(Box::pin(sem.acquire(lb)), rt.sleep(20.0)).await {
                Either::Left(_) => panic!("b must not get the permit while a holds it"),
                Either::Right(((), pending)) => drop(pending),
            }
            assert_eq!(rt.now(), 30.0);
            assert_eq!(sem.in_use(), 1, "the timed-out waiter took no permit");
            rec.finish_lane(lb, Outcome::Cancelled, rt.now());
        }
    };
    let c = {
        let (rt, sem, c_got_at) = (rt.clone(), sem.clone(), c_got_at.clone());
        async move {
            rt.sleep(50.0).await;
            let _p = sem.acquire(lc).await;
            c_got_at.set(rt.now());
            rt.sleep(10.0).await;
        }
    };
    vrt.block_on(async move {
        futures::join!(a, b, c);
    })
    .expect("no deadlock");
    assert_eq!(c_got_at.get(), 100.0, "c gets the permit as soon as a releases it");
    drop(sem);
    let t = finish(rec, &vrt);
    t.validate().unwrap();
    let waiters: Vec<(f64, f64)> = t.track("waiters").unwrap().samples.iter().map(|s| (s.t_ms, s.value)).collect();
    assert_eq!(waiters, vec![(0.0, 0.0), (10.0, 1.0), (30.0, 0.0), (50.0, 1.0), (100.0, 0.0), (110.0, 0.0)]);
    assert_eq!(t.track("permits_in_use").unwrap().max(), 1.0);
    let acquired: Vec<(Option<u32>, f64)> = t.events.iter().filter(|e| e.name == "acquired").map(|e| (e.lane, e.t_ms)).collect();
    assert_eq!(acquired, vec![(Some(la.0), 0.0), (Some(lc.0), 100.0)]);
}

#[test]
fn splitmix64_matches_the_published_sequence() {
    let mut r = SplitMix64::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    let mut f = SplitMix64::new(0);
    assert_eq!(f.next_f64(), (0xE220_A839_7B1D_CDAFu64 >> 11) as f64 / 9_007_199_254_740_992.0);
    let mut g = SplitMix64::new(12345);
    for _ in 0..10_000 {
        let x = g.next_f64();
        assert!((0.0..1.0).contains(&x));
    }
}

fn draws(model: LatencyModel, ms: f64, seed: u64, n: usize) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    (0..n).map(|_| model.sample(ms, &mut rng)).collect()
}

#[test]
fn latency_models_have_their_documented_ranges() {
    assert!(draws(LatencyModel::Fixed, 123.0, 9, 1000).iter().all(|&v| v == 123.0));

    let u = draws(LatencyModel::Uniform, 200.0, 3, 20_000);
    assert!(u.iter().all(|&v| (100.0..=300.0).contains(&v)));
    let (lo, hi) = u.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    assert!(lo < 105.0 && hi > 295.0, "uniform draws should span the range: {lo}..{hi}");
    assert!(u.iter().all(|&v| ((v * 10.0).round() - v * 10.0).abs() < 1e-6), "rounded to 0.1 ms");

    let ms = 100.0;
    let l = draws(LatencyModel::LongTail, ms, 11, 20_000);
    assert!(l.iter().all(|&v| v > 0.0 && v <= 20.0 * ms));
    let mean = l.iter().sum::<f64>() / l.len() as f64;
    assert!((mean - ms).abs() < 0.1 * ms, "long-tail mean {mean}");
    let slow = l.iter().filter(|&&v| v > 3.0 * ms).count();
    assert!(slow > 0 && slow < l.len() / 10, "a few slow requests: {slow}");
}

#[test]
fn latency_draws_are_deterministic_and_consume_two_numbers() {
    for m in [LatencyModel::Fixed, LatencyModel::Uniform, LatencyModel::LongTail] {
        assert_eq!(draws(m, 50.0, 42, 500), draws(m, 50.0, 42, 500));
        let mut a = SplitMix64::new(77);
        m.sample(50.0, &mut a);
        let mut b = SplitMix64::new(77);
        b.next_u64();
        b.next_u64();
        assert_eq!(a.next_u64(), b.next_u64(), "{m:?} must consume exactly two draws");
    }
    assert_ne!(draws(LatencyModel::Uniform, 50.0, 1, 50), draws(LatencyModel::Uniform, 50.0, 2, 50));
    assert_ne!(draws(LatencyModel::LongTail, 50.0, 1, 50), draws(LatencyModel::LongTail, 50.0, 2, 50));
    for name in LatencyModel::NAMES {
        assert!(LatencyModel::from_name(name).is_some());
    }
    assert_eq!(LatencyModel::from_name("gaussian"), None);
}
