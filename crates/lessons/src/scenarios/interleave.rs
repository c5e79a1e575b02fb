//! Lesson: interleavings. Not a run on a clock like the others: the page shows
//! the model's threads to step by hand and searches for the schedule that
//! breaks them (`web::components::interleave_*`, model in `crate::interleave`).
//! Run records the model's failing schedule with the fewest preemptions (or,
//! for a correct model, the threads one after the other) as a timeline.

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::Runtime;
use crate::engine::RunError;
use crate::interleave::{models, trace};
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "interleave",
    params: &[ParamSpec::choice("model", models::IDS, "lost_update_2x3")],
    cpython: &[],
    extras: &[],
    heavy_steps: false,
    run: Run::Model(run),
};

pub use crate::interleave::search::showcase;

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let id = p.choice("model");
        let m = models::by_id(id).ok_or_else(|| RunError::Workload(format!("no model {id}")))?;
        let steps = trace::record(&m, &showcase(&m), &rec, rt.now());
        rt.sleep(steps).await;
        Ok(())
    })
}
