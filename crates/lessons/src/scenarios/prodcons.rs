//! Async lesson: producers and consumers around a bounded queue
//! (`asyncio.Queue(maxsize)`). Producers make items faster than consumers
//! handle them, so the queue fills up and producers block on "queue (full)":
//! backpressure. The queue-depth track never goes above the size; a priority
//! queue serves urgent items first. Shutdown ends the consumers with one
//! sentinel each, or by waiting for `queue.join()` and cancelling them.

use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{Order, TracedQueue};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{gather, spawn};
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::{abortable, LocalBoxFuture};
use std::cell::Cell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "prodcons",
    params: &[
        ParamSpec::int("producers", 1, 50, 2),
        ParamSpec::int("consumers", 1, 50, 2),
        ParamSpec::int("maxsize", 1, 100, 3),
        ParamSpec::int("items", 1, 500, 8),
        ParamSpec::int("produce", 1, 10_000, 40),
        ParamSpec::int("consume", 1, 10_000, 120),
        ParamSpec::choice("queue", &["fifo", "priority"], "fifo"),
        ParamSpec::choice("shutdown", &["sentinel", "cancel"], "sentinel"),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[
        ("producers", "2"),
        ("consumers", "2"),
        ("maxsize", "2"),
        ("items", "5"),
        ("produce", "15"),
        ("consume", "40"),
        ("queue", "fifo"),
        ("shutdown", "sentinel"),
        ("seed", "9"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// One item: who makes it, how long making and handling it take, its priority
/// (0 = most urgent; used by the priority queue only).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u32,
    pub producer: u32,
    pub produce_ms: f64,
    pub consume_ms: f64,
    pub prio: i64,
}

/// Every producer's items, drawn from the seed in the listing's order.
pub fn plan(p: &Params) -> Vec<Vec<Item>> {
    let mut rng = SplitMix64::new(p.int("seed") as u64);
    let (produce, consume) = (p.int("produce") as f64, p.int("consume") as f64);
    let per = p.int("items") as u32;
    (0..p.int("producers") as u32)
        .map(|producer| {
            (0..per)
                .map(|j| {
                    let produce_ms = LatencyModel::Uniform.sample(produce, &mut rng);
                    let consume_ms = LatencyModel::Uniform.sample(consume, &mut rng);
                    let prio = (rng.next_f64() * 3.0) as i64;
                    Item { id: producer * per + j, producer, produce_ms, consume_ms, prio }
                })
                .collect()
        })
        .collect()
}

/// `None` is the sentinel that tells a consumer to stop.
type Queue = TracedQueue<Option<Item>>;

async fn producer(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, q: Rc<Queue>, lane: LaneId, items: Vec<Item>, blocked: Rc<Cell<f64>>) {
    for it in items {
        let label = format!("item {} (priority {})", it.id, it.prio);
        rec.enter_labelled(lane, State::Sleeping, Some("produce"), label, rt.now());
        rt.sleep(it.produce_ms).await;
        let (t, prio) = (rt.now(), it.prio);
        if q.put(Some(lane), Some(it), prio).await.is_err() {
            break;
        }
        blocked.set(blocked.get() + rt.now() - t);
    }
    rec.finish_lane(lane, Outcome::Done, rt.now());
}

async fn consumer(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, q: Rc<Queue>, lane: LaneId, handled: Rc<Cell<usize>>) {
    while let Some(Some(it)) = q.get(Some(lane)).await {
        let label = format!("item {} (priority {})", it.id, it.prio);
        rec.enter_labelled(lane, State::Io, Some(rt.endpoint_label()), label, rt.now());
        let req = SimRequest { id: it.id, latency_ms: it.consume_ms, status: 200 };
        if let Err(e) = rt.fetch(req).await {
            rec.event(Some(lane), "fetch_error", Some(e.to_string()), rt.now());
        }
        handled.set(handled.get() + 1);
        q.task_done();
    }
    // The sentinel (or a closed queue) ends the loop; the sentinel counts as handled.
    q.task_done();
    rec.finish_lane(lane, Outcome::Done, rt.now());
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let order = if p.choice("queue") == "priority" { Order::Priority } else { Order::Fifo };
        let q: Rc<Queue> = TracedQueue::new("queue", p.int("maxsize") as usize, order, "queue_depth", rec.clone(), rt.clone());
        let (handled, blocked) = (Rc::new(Cell::new(0usize)), Rc::new(Cell::new(0.0)));
        let producers: Vec<_> = plan(&p)
            .into_iter()
            .enumerate()
            .map(|(i, items)| {
                let lane = rec.lane(format!("producer {i}"), LaneKind::Task);
                producer(rt.clone(), rec.clone(), q.clone(), lane, items, blocked.clone())
            })
            .collect();
        // As the listing: consumers are created first (`create_task`), then
        // the producers are gathered.
        let mut aborts = Vec::new();
        let consumers: Vec<_> = (0..p.int("consumers"))
            .map(|j| {
                let lane = rec.lane(format!("consumer {j}"), LaneKind::Task);
                let (fut, abort) = abortable(consumer(rt.clone(), rec.clone(), q.clone(), lane, handled.clone()));
                aborts.push(abort);
                let (rt2, rec) = (rt.clone(), rec.clone());
                spawn(rt.as_ref(), async move {
                    if fut.await.is_err() {
                        rec.finish_lane(lane, Outcome::Cancelled, rt2.now());
                    }
                })
            })
            .collect();
        let sentinel = p.choice("shutdown") != "cancel";
        let (consumers_n, q2, rec2, rt2) = (p.int("consumers"), q.clone(), rec.clone(), rt.clone());
        {
            gather(rt.as_ref(), producers).await;
            if sentinel {
                rec2.event(None, "shutdown_sentinel", Some(consumers_n.to_string()), rt2.now());
                for _ in 0..consumers_n {
                    // After every real item, even in a priority queue.
                    let _ = q2.put(None, None, i64::MAX).await;
                }
            } else {
                q2.join().await;
                rec2.event(None, "shutdown_cancel", Some(consumers_n.to_string()), rt2.now());
                aborts.iter().for_each(|a| a.abort());
            }
        }
        for c in consumers {
            c.await;
        }
        rec.result("items", handled.get() as f64);
        rec.result("max_queue_depth", q.max_depth() as f64);
        rec.result("producer_blocked_ms", blocked.get());
        Ok(())
    })
}
