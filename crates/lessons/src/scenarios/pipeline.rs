//! Async lesson: a pipeline. One producer feeds a bounded work queue; N
//! processors take items from it and make a request each; successes go on to
//! a results queue and one consumer stores them, failures go to an error
//! queue and an error handler. Every stage runs at once on different items,
//! the slowest stage sets the pace, and the bounded queues keep the faster
//! stages from running ahead. Shutdown flows down the pipe with sentinels.

use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{Order, TracedQueue};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::gather;
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "pipeline",
    params: &[
        ParamSpec::int("n", 1, 1_000, 20),
        ParamSpec::int("workers", 1, 50, 3),
        ParamSpec::int("maxsize", 1, 100, 4),
        ParamSpec::int("produce", 1, 10_000, 20),
        ParamSpec::int("process", 1, 10_000, 100),
        ParamSpec::int("store", 1, 10_000, 30),
        ParamSpec::int("fail", 0, 100, 15),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[
        ("n", "8"),
        ("workers", "2"),
        ("maxsize", "2"),
        ("produce", "10"),
        ("process", "100"),
        ("store", "30"),
        ("fail", "25"),
        ("seed", "2"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// One item's journey: how long each stage takes, and whether processing fails.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u32,
    pub produce_ms: f64,
    pub process_ms: f64,
    pub fails: bool,
    pub store_ms: f64,
}

/// Every item, drawn from the seed in the listing's order.
pub fn plan(p: &Params) -> Vec<Item> {
    let mut rng = SplitMix64::new(p.int("seed") as u64);
    let (produce, process, store, fail) = (p.int("produce") as f64, p.int("process") as f64, p.int("store") as f64, p.int("fail") as f64);
    (0..p.int("n") as u32)
        .map(|id| {
            let produce_ms = LatencyModel::Uniform.sample(produce, &mut rng);
            let process_ms = LatencyModel::Uniform.sample(process, &mut rng);
            let fails = rng.next_f64() * 100.0 < fail;
            let store_ms = LatencyModel::Uniform.sample(store, &mut rng);
            Item { id, produce_ms, process_ms, fails, store_ms }
        })
        .collect()
}

/// `None` is the sentinel: "no more items".
type Queue = TracedQueue<Option<Item>>;

/// Items through one stage and the time they spent in it.
#[derive(Default)]
struct Stage {
    items: Cell<usize>,
    total_ms: Cell<f64>,
}

impl Stage {
    fn add(&self, ms: f64) {
        self.items.set(self.items.get() + 1);
        self.total_ms.set(self.total_ms.get() + ms);
    }
    fn report(&self, rec: &Recorder, items_key: &str, mean_key: &str) {
        rec.result(items_key, self.items.get() as f64);
        let n = self.items.get();
        rec.result(mean_key, if n > 0 { self.total_ms.get() / n as f64 } else { 0.0 });
    }
}

struct Pipe {
    rt: Rc<dyn Runtime>,
    rec: Rc<Recorder>,
    work: Rc<Queue>,
    results: Rc<Queue>,
    errors: Rc<Queue>,
    produced: Stage,
    processed: Stage,
    failed: Cell<usize>,
    stored: Stage,
}

impl Pipe {
    fn label(it: &Item) -> String {
        format!("item {}", it.id)
    }

    async fn producer(&self, lane: LaneId, items: Vec<Item>, workers: usize) {
        for it in items {
            self.rec.enter_labelled(lane, State::Sleeping, Some("produce"), Self::label(&it), self.rt.now());
            let t = self.rt.now();
            self.rt.sleep(it.produce_ms).await;
            self.produced.add(self.rt.now() - t);
            let _ = self.work.put(Some(lane), Some(it), 0).await;
        }
        for _ in 0..workers {
            let _ = self.work.put(Some(lane), None, 0).await;
        }
        self.rec.finish_lane(lane, Outcome::Done, self.rt.now());
    }

    async fn processor(&self, lane: LaneId) {
        while let Some(Some(it)) = self.work.get(Some(lane)).await {
            self.rec.enter_labelled(lane, State::Io, Some(self.rt.endpoint_label()), Self::label(&it), self.rt.now());
            let t = self.rt.now();
            let status = if it.fails { 500 } else { 200 };
            let ok = match self.rt.fetch(SimRequest { id: it.id, latency_ms: it.process_ms, status }).await {
                Ok(r) if r.status < 400 => true,
                Ok(r) => {
                    self.rec.event(Some(lane), "http_error", Some(r.status.to_string()), self.rt.now());
                    false
                }
                Err(e) => {
                    self.rec.event(Some(lane), "fetch_error", Some(e.to_string()), self.rt.now());
                    false
                }
            };
            self.processed.add(self.rt.now() - t);
            let next = if ok { &self.results } else { &self.errors };
            let _ = next.put(Some(lane), Some(it), 0).await;
        }
        self.rec.finish_lane(lane, Outcome::Done, self.rt.now());
    }

    async fn consumer(&self, lane: LaneId) {
        while let Some(Some(it)) = self.results.get(Some(lane)).await {
            self.rec.enter_labelled(lane, State::Sleeping, Some("store"), Self::label(&it), self.rt.now());
            let t = self.rt.now();
            self.rt.sleep(it.store_ms).await;
            self.stored.add(self.rt.now() - t);
        }
        self.rec.finish_lane(lane, Outcome::Done, self.rt.now());
    }

    async fn error_handler(&self, lane: LaneId) {
        while let Some(Some(it)) = self.errors.get(Some(lane)).await {
            self.failed.set(self.failed.get() + 1);
            self.rec.event(Some(lane), "error_logged", Some(Self::label(&it)), self.rt.now());
        }
        self.rec.finish_lane(lane, Outcome::Done, self.rt.now());
    }
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let (maxsize, workers, n) = (p.int("maxsize") as usize, p.int("workers") as usize, p.int("n") as usize);
        let queue = |name: &str, size: usize, track: &str| TracedQueue::new(name, size, Order::Fifo, track, rec.clone(), rt.clone());
        let pipe = Rc::new(Pipe {
            work: queue("work queue", maxsize, "work_queue_depth"),
            results: queue("results queue", maxsize, "results_queue_depth"),
            // Errors are rare and cheap to log: room for all of them.
            errors: queue("error queue", n + 1, "error_queue_depth"),
            rt: rt.clone(),
            rec: rec.clone(),
            produced: Stage::default(),
            processed: Stage::default(),
            failed: Cell::new(0),
            stored: Stage::default(),
        });
        let producer_lane = rec.lane("producer 0", LaneKind::Task);
        let worker_lanes: Vec<LaneId> = (0..workers).map(|k| rec.lane(format!("processor {k}"), LaneKind::Task)).collect();
        let consumer_lane = rec.lane("consumer 0", LaneKind::Task);
        let errors_lane = rec.lane("errors 0", LaneKind::Task);

        // As the listing: gather(upstream, consumer, error_handler), where
        // upstream gathers the producer and the processors; each is a task.
        let items = plan(&p);
        let upstream = {
            let pipe = pipe.clone();
            async move {
                let mut stages: Vec<LocalBoxFuture<'static, ()>> = Vec::new();
                let p0 = pipe.clone();
                stages.push(Box::pin(async move { p0.producer(producer_lane, items, workers).await }));
                for l in worker_lanes {
                    let pk = pipe.clone();
                    stages.push(Box::pin(async move { pk.processor(l).await }));
                }
                gather(pipe.rt.as_ref(), stages).await;
                // Every processor has stopped: nothing more will reach the later stages.
                let _ = pipe.results.put(None, None, 0).await;
                let _ = pipe.errors.put(None, None, 0).await;
            }
        };
        let (pc, pe) = (pipe.clone(), pipe.clone());
        let consumer: LocalBoxFuture<'static, ()> = Box::pin(async move { pc.consumer(consumer_lane).await });
        let errors: LocalBoxFuture<'static, ()> = Box::pin(async move { pe.error_handler(errors_lane).await });
        gather(rt.as_ref(), vec![Box::pin(upstream) as LocalBoxFuture<'static, ()>, consumer, errors]).await;

        pipe.produced.report(&rec, "produced", "produce_mean_ms");
        pipe.processed.report(&rec, "processed", "process_mean_ms");
        rec.result("errors", pipe.failed.get() as f64);
        pipe.stored.report(&rec, "stored", "store_mean_ms");
        Ok(())
    })
}
