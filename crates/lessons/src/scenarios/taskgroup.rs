//! Async lesson: structured concurrency with a TaskGroup. One child fails at a
//! chosen time; the group cancels its siblings, each of which runs its cleanup
//! (`except CancelledError:` … `raise`, which awaits) before it ends cancelled;
//! then the group raises an exception group. Nested: the failing child sits in
//! an inner group, whose exception group in turn fails the outer group, which
//! then cancels its own children: the cancellation cascades outwards.

use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{Scope, TaskError, TaskGroup};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "taskgroup",
    params: &[
        ParamSpec::int("n", 1, 200, 4),
        ParamSpec::choice("latency", LatencyModel::NAMES, "uniform"),
        ParamSpec::int("ms", 1, 10_000, 300),
        ParamSpec::int("fail_at", 0, 10_000, 150),
        ParamSpec::int("cleanup", 0, 5_000, 80),
        ParamSpec::choice("nested", &["flat", "nested"], "flat"),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[
        ("n", "4"),
        ("latency", "uniform"),
        ("ms", "240"),
        ("fail_at", "180"),
        ("cleanup", "80"),
        ("nested", "nested"),
        ("seed", "29"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// 2·N latencies from the seed (children first, then the inner group's), the
/// same draws as the Python listing's `plan(2 * n, …)`.
pub fn latencies(p: &Params) -> Vec<f64> {
    let model = LatencyModel::from_name(p.choice("latency")).unwrap_or(LatencyModel::Fixed);
    let mut rng = SplitMix64::new(p.int("seed") as u64);
    (0..2 * p.int("n"))
        .map(|_| {
            let lat = model.sample(p.int("ms") as f64, &mut rng);
            rng.next_f64(); // the fault draw, unused here (keeps plans aligned)
            lat
        })
        .collect()
}

struct Ctx {
    rt: Rc<dyn Runtime>,
    rec: Rc<Recorder>,
    cleanup_ms: f64,
    cancelled: Cell<u32>,
}

/// A sibling: one request; if cancelled, its cleanup awaits `cleanup_ms`.
fn sibling(g: &mut TaskGroup, c: &Rc<Ctx>, name: String, id: u32, latency_ms: f64) {
    let lane = c.rec.lane(name, LaneKind::Task);
    let scope = g.scope(Some(lane));
    let cc = c.clone();
    let body = async move {
        cc.rec.enter(lane, State::Io, Some(cc.rt.endpoint_label()), cc.rt.now());
        let _response = scope.checkpoint(cc.rt.fetch(SimRequest { id, latency_ms, status: 200 })).await?;
        Ok(())
    };
    let cc = c.clone();
    let cleanup: LocalBoxFuture<'static, ()> = Box::pin(async move {
        cc.cancelled.set(cc.cancelled.get() + 1);
        cc.rt.sleep(cc.cleanup_ms).await;
    });
    g.spawn(Some(lane), body, Some(cleanup));
}

/// The child that raises after `fail_at` ms.
fn failing(g: &mut TaskGroup, c: &Rc<Ctx>, name: String, fail_at: f64) {
    let lane = c.rec.lane(name, LaneKind::Task);
    let scope: Scope = g.scope(Some(lane));
    let cc = c.clone();
    let body = async move {
        cc.rec.enter(lane, State::Sleeping, None, cc.rt.now());
        scope.checkpoint(cc.rt.sleep(fail_at)).await?;
        Err(TaskError::Failed("ValueError: boom".into()))
    };
    g.spawn(Some(lane), body, None);
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let n = p.int("n") as usize;
        let lat = latencies(&p);
        let fail_at = p.int("fail_at") as f64;
        let c = Rc::new(Ctx { rt: rt.clone(), rec: rec.clone(), cleanup_ms: p.int("cleanup") as f64, cancelled: Cell::new(0) });
        let mut outer = TaskGroup::new(rec.clone(), rt.clone());
        if p.choice("nested") == "nested" {
            for i in 1..=n {
                sibling(&mut outer, &c, format!("child {i}"), i as u32, lat[i - 1]);
            }
            let scope = outer.scope(None);
            let mut inner = TaskGroup::nested(&scope, rec.clone(), rt.clone());
            failing(&mut inner, &c, "inner 0".into(), fail_at);
            for j in 1..=n {
                sibling(&mut inner, &c, format!("inner {j}"), (n + j) as u32, lat[n + j - 1]);
            }
            outer.spawn(None, inner.join(), None);
        } else {
            failing(&mut outer, &c, "child 0".into(), fail_at);
            for i in 1..=n {
                sibling(&mut outer, &c, format!("child {i}"), i as u32, lat[i - 1]);
            }
        }
        let result = outer.join().await;
        rec.result("children_cancelled", c.cancelled.get() as f64);
        if let Err(e) = &result {
            rec.result("group_raised_ms", rt.now());
            rec.result("exceptions", e.leaves() as f64);
        }
        Ok(())
    })
}
