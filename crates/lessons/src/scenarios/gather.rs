//! Async lesson: the same N requests awaited one after another, then all at
//! once with gather. The first phase takes the sum of the latencies, the
//! second about the longest one: waiting on I/O overlaps, nothing else does.

use super::{Run, Scenario};
use crate::engine::latency::LatencyModel;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::request;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::gather;
use crate::engine::runtime::Runtime;
use crate::engine::trace::LaneKind;
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "gather",
    params: &[
        ParamSpec::int("n", 1, 1_000, 8),
        ParamSpec::choice("latency", LatencyModel::NAMES, "uniform"),
        ParamSpec::int("ms", 1, 10_000, 150),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[("n", "6"), ("latency", "uniform"), ("ms", "40"), ("seed", "5")],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        // The same plan as the crawler's (same seed → same latencies); no failures here.
        let plan = super::crawler::plan(&p);

        let t0 = rt.now();
        rec.event(None, "phase_sequential", None, t0);
        for req in plan.clone() {
            let lane = rec.lane(format!("await {}", req.id), LaneKind::Task);
            request(rt.as_ref(), &rec, lane, req).await;
        }
        let t1 = rt.now();

        rec.event(None, "phase_gather", None, t1);
        let lanes: Vec<LaneId> = plan.iter().map(|r| rec.lane(format!("gather {}", r.id), LaneKind::Task)).collect();
        // One task per request (`asyncio.gather` wraps each coroutine in a task).
        gather(
            rt.as_ref(),
            plan.into_iter().zip(lanes).map(|(req, lane)| {
                let (rt, rec) = (rt.clone(), rec.clone());
                async move { request(rt.as_ref(), &rec, lane, req).await }
            }),
        )
        .await;
        let t2 = rt.now();

        let (sequential, gathered) = (t1 - t0, t2 - t1);
        rec.result("await_loop_ms", sequential);
        rec.result("gather_ms", gathered);
        if gathered > 0.0 {
            rec.result("speedup_x", sequential / gathered);
        }
        Ok(())
    })
}
