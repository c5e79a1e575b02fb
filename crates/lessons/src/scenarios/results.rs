//! Async lesson: what comes back from many tasks. The same N requests (some
//! fail, at the injected rate) run three times: `gather` fail-fast (the first
//! exception reaches the caller while the other requests keep running, not
//! cancelled), `gather(return_exceptions=True)` (every result, exceptions
//! included, in submission order), and `as_completed` (results in the order
//! they finish).

use super::{Run, Scenario};
use crate::engine::latency::LatencyModel;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{as_completed, gather, request, Gathered};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome};
use crate::engine::RunError;
use futures::future::{join, LocalBoxFuture};
use futures::StreamExt;
use std::cell::RefCell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "results",
    params: &[
        ParamSpec::int("n", 1, 500, 8),
        ParamSpec::choice("latency", LatencyModel::NAMES, "uniform"),
        ParamSpec::int("ms", 1, 10_000, 200),
        ParamSpec::int("fail", 0, 100, 25),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[("n", "6"), ("latency", "uniform"), ("ms", "120"), ("fail", "35"), ("seed", "14")],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// One request as a task: its id, or the exception it raised.
fn task(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, lane: LaneId, req: SimRequest) -> LocalBoxFuture<'static, Result<u32, String>> {
    Box::pin(async move {
        let id = req.id;
        match request(rt.as_ref(), &rec, lane, req).await {
            Outcome::Done => Ok(id),
            _ => Err(format!("request {id}: HTTP 500")),
        }
    })
}

fn tasks(
    kind: &str,
    plan: &[SimRequest],
    rt: &Rc<dyn Runtime>,
    rec: &Rc<Recorder>,
) -> Vec<(LaneId, LocalBoxFuture<'static, Result<u32, String>>)> {
    plan.iter()
        .map(|req| {
            let lane = rec.lane(format!("{kind} {}", req.id), LaneKind::Task);
            (lane, task(rt.clone(), rec.clone(), lane, req.clone()))
        })
        .collect()
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let plan = super::crawler::plan(&p);

        // 1. Fail-fast: the caller resumes at the first exception; the driver
        //    keeps the other requests running (they are not cancelled).
        let t0 = rt.now();
        rec.event(None, "phase_failfast", None, t0);
        // When each request ended, to count those still running at the raise.
        let ends: Rc<RefCell<Vec<f64>>> = Rc::default();
        let phase1 = tasks("failfast", &plan, &rt, &rec)
            .into_iter()
            .map(|(_, f)| {
                let (ends, rt) = (ends.clone(), rt.clone());
                Box::pin(async move {
                    let r = f.await;
                    ends.borrow_mut().push(rt.now());
                    r
                }) as LocalBoxFuture<'static, Result<u32, String>>
            })
            .collect();
        let (caller, driver) = gather(rec.clone(), rt.clone(), phase1, false);
        let (seen, ()) = join(
            async {
                let g = caller.await;
                (g, rt.now())
            },
            driver,
        )
        .await;
        let (gathered, t_caller) = seen;
        rec.result("failfast_ms", t_caller - t0);
        let after =
            if matches!(gathered, Gathered::Raised { .. }) { ends.borrow().iter().filter(|e| **e > t_caller + 1e-9).count() } else { 0 };
        rec.result("finished_after_raise", after as f64);

        // 2. return_exceptions=True: everything, in submission order.
        rec.event(None, "phase_return_exceptions", None, rt.now());
        let phase2 = tasks("settled", &plan, &rt, &rec);
        let (caller, driver) = gather(rec.clone(), rt.clone(), phase2.into_iter().map(|(_, f)| f).collect(), true);
        let (gathered, ()) = join(caller, driver).await;
        let failures = match gathered {
            Gathered::All(v) => v.iter().filter(|r| r.is_err()).count(),
            _ => 0,
        };
        rec.result("failures_seen", failures as f64);

        // 3. as_completed: in the order they finish.
        rec.event(None, "phase_as_completed", None, rt.now());
        let mut stream = as_completed(rec.clone(), rt.clone(), tasks("stream", &plan, &rt, &rec));
        let mut first = None;
        while let Some((i, _)) = stream.next().await {
            first.get_or_insert(i);
        }
        if let Some(i) = first {
            rec.result("first_completed_id", i as f64);
        }
        Ok(())
    })
}
