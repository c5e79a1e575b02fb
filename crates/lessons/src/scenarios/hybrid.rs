//! CPU lesson 7: hybrid. N requests go out at once on the event loop (real
//! `fetch()` in the page); as each answer arrives its body is processed on the
//! worker pool (primes counted in the range the response stands for), and the
//! loop goes on receiving the others. One timeline shows the request lanes
//! (in I/O, then waiting for the pool) and the worker lanes (processing), the
//! asyncio + ProcessPoolExecutor pattern of the tutorials.
//!
//! It is an async body that needs the pool ([`Run::AsyncOnPool`]: the event
//! loop for its requests, the pool for its processing), so the page
//! asks for cross-origin isolation as for every CPU lesson. Its processing time
//! is real work, not comparable with CPython's, so it has no fidelity params.

use super::{crawler, Run, Scenario};
use crate::engine::latency::LatencyModel;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::lag::{with_monitor, LAG_TICK_MS};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{gather, offload, Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::workloads::primes::count_range;
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "hybrid",
    params: &[
        ParamSpec::int("n", 1, 500, 12),
        ParamSpec::choice("latency", LatencyModel::NAMES, "uniform"),
        ParamSpec::int("ms", 1, 10_000, 200),
        ParamSpec::int("work", 1_000, 5_000_000, 200_000),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[],
    extras: &[],
    heavy_steps: true,
    run: Run::AsyncOnPool(run),
};

/// Where response bodies start: numbers large enough that counting is real work.
pub const BODY_BASE: u64 = 1_000_000;
/// The virtual clock's model of the processing speed (numbers checked per ms);
/// in the page the work takes what it really takes.
pub const NUMBERS_PER_MS: f64 = 2_000.0;

/// The numbers response `id`'s body stands for: `work` of them, one range per response.
pub fn body_range(id: u32, work: u64) -> (u64, u64) {
    let lo = BODY_BASE + id as u64 * work;
    (lo, lo + work)
}

/// What processing every response gives, computed sequentially (the reference).
pub fn sequential(p: &Params) -> Vec<u64> {
    let work = p.int("work") as u64;
    crawler::plan(p).iter().map(|r| body_range(r.id, work)).map(|(lo, hi)| count_range(lo, hi)).collect()
}

/// One worker lane per pool worker that ran something, created on first use.
struct Workers {
    rec: Rc<Recorder>,
    lanes: RefCell<BTreeMap<usize, LaneId>>,
}

impl Workers {
    fn lane(&self, w: usize) -> LaneId {
        *self.lanes.borrow_mut().entry(w).or_insert_with(|| self.rec.lane(format!("worker {w}"), LaneKind::Worker))
    }
}

/// Fetches one response and processes it on the pool; `Ok(None)` if the request failed.
async fn fetch_and_process(
    rt: Rc<dyn Runtime>,
    rec: Rc<Recorder>,
    workers: Rc<Workers>,
    lane: LaneId,
    req: SimRequest,
    work: u64,
) -> Result<Option<(u32, u64, f64)>, RunError> {
    let id = req.id;
    rec.enter(lane, State::Io, Some(rt.endpoint_label()), rt.now());
    let failure = match rt.fetch(req).await {
        Ok(r) if r.status < 400 => None,
        Ok(r) => Some(("http_error", r.status.to_string())),
        Err(e) => Some(("fetch_error", e.to_string())),
    };
    if let Some((name, detail)) = failure {
        rec.event(Some(lane), name, Some(detail), rt.now());
        rec.finish_lane(lane, Outcome::Failed, rt.now());
        return Ok(None);
    }
    rec.enter(lane, State::Waiting, Some("worker pool"), rt.now());
    let (lo, hi) = body_range(id, work);
    let done = match offload(rt.as_ref(), work as f64 / NUMBERS_PER_MS, move || count_range(lo, hi)).await {
        Ok(d) => d,
        Err(e) => {
            rec.finish_lane(lane, Outcome::Failed, rt.now());
            return Err(RunError::Environment(e.to_string()));
        }
    };
    let label = format!("response {id}: {} primes in [{lo}, {hi})", done.value);
    rec.span(workers.lane(done.worker), State::Running, done.start_ms, done.end_ms, Some(label));
    rec.finish_lane(lane, Outcome::Done, rt.now());
    Ok(Some((id, done.value, done.end_ms - done.start_ms)))
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let work = p.int("work") as u64;
        let plan = crawler::plan(&p);
        let lanes: Vec<LaneId> = plan.iter().map(|r| rec.lane(format!("request {}", r.id), LaneKind::Task)).collect();
        let workers = Rc::new(Workers { rec: rec.clone(), lanes: RefCell::default() });
        let tasks =
            plan.into_iter().zip(lanes).map(|(req, lane)| fetch_and_process(rt.clone(), rec.clone(), workers.clone(), lane, req, work));
        // `asyncio.gather`: each request is its own task, resumed in wake order.
        let (outcomes, max_lag) = with_monitor(rt.clone(), rec.clone(), LAG_TICK_MS, gather(rt.as_ref(), tasks)).await;
        let mut processed = Vec::new();
        for o in outcomes {
            if let Some(r) = o? {
                processed.push(r);
            }
        }
        rec.result("responses_processed", processed.len() as f64);
        rec.result("primes_found", processed.iter().map(|r| r.1).sum::<u64>() as f64);
        rec.result("cpu_total_ms", processed.iter().map(|r| r.2).sum());
        rec.result("max_loop_lag_ms", max_lag);
        Ok(())
    })
}
