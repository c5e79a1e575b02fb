//! Lesson: interleavings. Not a run on a clock like the others: the page shows
//! the model's threads to step by hand and searches for the schedule that
//! breaks them (`web::components::interleave_*`, model in `crate::interleave`).
//! Run records the model's failing schedule with the fewest preemptions (or,
//! for a correct model, the threads one after the other) as a timeline.

use super::{Exec, Kind, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::Runtime;
use crate::engine::RunError;
use crate::interleave::search::{Dfs, Progress, Search};
use crate::interleave::{models, trace, Model, Tid};
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "interleave",
    kind: Kind::Model,
    params: &[ParamSpec::choice("model", models::IDS, "lost_update_2x3")],
    cpython: &[],
    heavy_steps: false,
    exec: Exec::Async(run),
};

/// The schedule the lesson opens with when asked to show the bug: the failing
/// schedule with the fewest preemptions (bounded search up to 3), else the
/// threads run one after another.
pub fn showcase(m: &Model) -> Vec<Tid> {
    let mut dfs = Dfs::bounded(m.clone(), 3);
    loop {
        match dfs.run(100_000) {
            Progress::Running => {}
            Progress::Found(f) => return f.schedule,
            Progress::NotFound => break,
        }
    }
    let mut s = m.initial();
    let mut out = Vec::new();
    while let Some(&t) = m.enabled(&s).first() {
        m.step(&mut s, t);
        out.push(t);
    }
    out
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let id = p.choice("model");
        let m = models::by_id(id).ok_or_else(|| RunError::Workload(format!("no model {id}")))?;
        let steps = trace::record(&m, &showcase(&m), &rec, rt.now());
        rt.sleep(steps).await;
        Ok(())
    })
}
