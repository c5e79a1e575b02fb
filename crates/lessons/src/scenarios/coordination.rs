//! Async lesson: the coordination primitives, one per run (a choice):
//! - `lock`: N tasks do read–await–write on a shared counter under one Lock;
//!   they take turns in arrival order (FIFO) and no update is lost;
//! - `event`: one setter loads something, N waiters all wake the moment it sets;
//! - `condition`: a producer makes N items, notifying one consumer per item;
//! - `barrier`: N tasks finish phase 1 at different times, all start phase 2 together;
//! - `pool`: N tasks share K reusable connections (a semaphore + a free list);
//! - `periodic`: "every P ms" as a sleep loop (drifts) vs on absolute deadlines (doesn't).
//!
//! Every wait goes through a traced primitive (`engine::primitives`), so the
//! lanes show who waited on what, and the tracks how many.

use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{
    work, ConnectionPool, Periodic, PeriodicMode, TracedBarrier, TracedCondition, TracedEvent, TracedLock, WaitForGraph,
};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{gather, spawn, Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;

pub const PRIMITIVES: &[&str] = &["lock", "event", "condition", "barrier", "pool", "periodic"];

pub static SCENARIO: Scenario = Scenario {
    id: "coordination",
    params: &[
        ParamSpec::choice("primitive", PRIMITIVES, "lock"),
        ParamSpec::int("n", 1, 200, 5),
        ParamSpec::int("k", 1, 50, 2),
        ParamSpec::int("ms", 1, 5_000, 100),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[("primitive", "pool"), ("n", "8"), ("k", "3"), ("ms", "100"), ("seed", "36")],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// `count` uniform latencies around `base` ms from the seed (the listing draws
/// the same ones with simnet).
pub fn latencies(seed: i64, count: usize, base: f64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed as u64);
    (0..count).map(|_| LatencyModel::Uniform.sample(base, &mut rng)).collect()
}

/// What every variant needs.
struct Ctx {
    rt: Rc<dyn Runtime>,
    rec: Rc<Recorder>,
    n: usize,
    lat: Vec<f64>,
}

impl Ctx {
    /// The lane does `lat[i]` ms of I/O labelled `label`.
    async fn io(&self, lane: LaneId, i: usize, label: String) -> bool {
        let latency_ms = self.lat.get(i).copied().unwrap_or(0.0);
        work(self.rt.as_ref(), &self.rec, lane, SimRequest { id: i as u32, latency_ms, status: 200 }, label).await
    }

    fn finish(&self, lane: LaneId, ok: bool) {
        self.rec.finish_lane(lane, if ok { Outcome::Done } else { Outcome::Failed }, self.rt.now());
    }

    fn lanes(&self, kind: &str) -> Vec<LaneId> {
        (0..self.n).map(|i| self.rec.lane(format!("{kind} {i}"), LaneKind::Task)).collect()
    }
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let n = p.int("n").max(1) as usize;
        let ms = p.int("ms") as f64;
        let primitive = p.choice("primitive");
        // Periodic jobs take about half a period, so a deadline schedule keeps up.
        let base = if primitive == "periodic" { ms / 2.0 } else { ms };
        let c = Rc::new(Ctx { rt, rec, n, lat: latencies(p.int("seed"), 2 * n, base) });
        match primitive {
            "event" => event(c).await,
            "condition" => condition(c).await,
            "barrier" => barrier(c).await,
            "pool" => pool(c, p.int("k").max(1) as usize).await,
            "periodic" => periodic(c, ms).await,
            _ => lock(c).await,
        }
        Ok(())
    })
}

/// `await asyncio.gather(*tasks)`: each its own task, created in this order.
async fn all(c: &Ctx, tasks: impl IntoIterator<Item = LocalBoxFuture<'static, ()>>) {
    gather(c.rt.as_ref(), tasks).await;
}

fn boxed(f: impl Future<Output = ()> + 'static) -> LocalBoxFuture<'static, ()> {
    Box::pin(f)
}

async fn lock(c: Rc<Ctx>) {
    let graph = WaitForGraph::new(c.rec.clone(), c.rt.clone());
    let lock = TracedLock::new("lock", &graph, Some("waiters"));
    let counter = Rc::new(Cell::new(0i64));
    let tasks = c.lanes("task").into_iter().enumerate().map(|(i, lane)| {
        let (c, lock, counter) = (c.clone(), lock.clone(), counter.clone());
        async move {
            let guard = lock.acquire(lane).await;
            let seen = counter.get(); // read …
            let ok = c.io(lane, i, format!("counter = {seen}")).await; // … await …
            counter.set(seen + 1); // … write: safe only because nobody else is inside
            drop(guard);
            c.finish(lane, ok);
        }
    });
    all(&c, tasks.map(boxed)).await;
    c.rec.result("counter", counter.get() as f64);
}

async fn event(c: Rc<Ctx>) {
    let ev = TracedEvent::new("event", "waiters", c.rec.clone(), c.rt.clone());
    let setter = c.rec.lane("setter 0", LaneKind::Task);
    let set_at = Rc::new(Cell::new(0.0));
    let waiters = c.lanes("waiter");
    let set = {
        let (c, ev, set_at) = (c.clone(), ev.clone(), set_at.clone());
        async move {
            let ok = c.io(setter, 0, "load config".into()).await;
            set_at.set(c.rt.now());
            ev.set(setter);
            c.finish(setter, ok);
        }
    };
    let waits = waiters.into_iter().enumerate().map(|(i, lane)| {
        let (c, ev) = (c.clone(), ev.clone());
        async move {
            ev.wait(lane).await;
            let ok = c.io(lane, 1 + i, format!("use config {i}")).await;
            c.finish(lane, ok);
        }
    });
    all(&c, std::iter::once(boxed(set)).chain(waits.map(boxed))).await;
    c.rec.result("set_ms", set_at.get());
}

async fn condition(c: Rc<Ctx>) {
    let graph = WaitForGraph::new(c.rec.clone(), c.rt.clone());
    let lock = TracedLock::new("lock", &graph, None);
    let cond = TracedCondition::new("condition", lock, "waiters", c.rec.clone(), c.rt.clone());
    let items: Rc<RefCell<VecDeque<usize>>> = Rc::default();
    let producer = c.rec.lane("producer 0", LaneKind::Task);
    let consumers = c.lanes("consumer");
    let produce = {
        let (c, cond, items) = (c.clone(), cond.clone(), items.clone());
        async move {
            let mut ok = true;
            for i in 0..c.n {
                ok &= c.io(producer, i, format!("make item {i}")).await;
                let g = cond.acquire(producer).await;
                items.borrow_mut().push_back(i);
                cond.notify(&g, 1); // one item: wake one consumer
            }
            c.finish(producer, ok);
        }
    };
    let consume = consumers.into_iter().map(|lane| {
        let (c, cond, items) = (c.clone(), cond.clone(), items.clone());
        async move {
            let mut g = cond.acquire(lane).await;
            // Re-check after every wake-up: the condition is about the data.
            let item = loop {
                let next = items.borrow_mut().pop_front();
                match next {
                    Some(item) => break item,
                    None => g = cond.wait(g).await,
                }
            };
            drop(g);
            let ok = c.io(lane, c.n + item, format!("process item {item}")).await;
            c.finish(lane, ok);
        }
    });
    all(&c, std::iter::once(boxed(produce)).chain(consume.map(boxed))).await;
}

async fn barrier(c: Rc<Ctx>) {
    let b = TracedBarrier::new("barrier", c.n, "arrived", c.rec.clone(), c.rt.clone());
    let opened = Rc::new(Cell::new(0.0));
    let tasks = c.lanes("task").into_iter().enumerate().map(|(i, lane)| {
        let (c, b, opened) = (c.clone(), b.clone(), opened.clone());
        async move {
            let mut ok = c.io(lane, i, format!("phase 1 ({i})")).await;
            if b.wait(lane).await {
                opened.set(c.rt.now());
            }
            ok &= c.io(lane, c.n + i, format!("phase 2 ({i})")).await;
            c.finish(lane, ok);
        }
    });
    all(&c, tasks.map(boxed)).await;
    c.rec.result("barrier_ms", opened.get());
}

async fn pool(c: Rc<Ctx>, k: usize) {
    let pool = ConnectionPool::new("pool", k, c.rec.clone(), c.rt.clone());
    let tasks = c.lanes("task").into_iter().enumerate().map(|(i, lane)| {
        let (c, pool) = (c.clone(), pool.clone());
        async move {
            let conn = pool.acquire(lane).await;
            let ok = c.io(lane, i, format!("query {i} on {}", conn.label())).await;
            drop(conn);
            c.finish(lane, ok);
        }
    });
    all(&c, tasks.map(boxed)).await;
    c.rec.result("connections_reused", pool.reuses() as f64);
}

async fn periodic(c: Rc<Ctx>, period: f64) {
    let ticker = |kind: &str, mode: PeriodicMode, track: &'static str| {
        let c = c.clone();
        let lane = c.rec.lane(format!("{kind} 0"), LaneKind::Task);
        async move {
            let sched = Periodic::new(mode, period, lane, track, c.rec.clone(), c.rt.clone());
            let (mut ok, mut late) = (true, 0.0);
            for i in 0..c.n {
                late = sched.tick().await.late_ms;
                ok &= c.io(lane, i, format!("job {i}")).await;
            }
            c.finish(lane, ok);
            late
        }
    };
    let looped = ticker("loop", PeriodicMode::FixedDelay, "loop_lateness");
    let scheduled = ticker("scheduler", PeriodicMode::FixedRate, "scheduler_lateness");
    let (looped, scheduled) = (spawn(c.rt.as_ref(), looped), spawn(c.rt.as_ref(), scheduled));
    let (loop_late, sched_late) = (looped.await, scheduled.await);
    c.rec.result("loop_drift_ms", loop_late);
    c.rec.result("scheduler_drift_ms", sched_late);
}
