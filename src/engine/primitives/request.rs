//! A traced request: the lane is in I/O on the endpoint until the answer, then
//! done, or failed with an event saying why (HTTP status or network error).

use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{Outcome, State};

/// Performs `req` on `lane` and finishes the lane with the outcome.
pub async fn request(rt: &dyn Runtime, rec: &Recorder, lane: LaneId, req: SimRequest) -> Outcome {
    rec.enter(lane, State::Io, Some(rt.endpoint_label()), rt.now());
    let outcome = match rt.fetch(req).await {
        Ok(r) if r.status < 400 => Outcome::Done,
        Ok(r) => {
            rec.event(Some(lane), "http_error", Some(r.status.to_string()), rt.now());
            Outcome::Failed
        }
        Err(e) => {
            rec.event(Some(lane), "fetch_error", Some(e.to_string()), rt.now());
            Outcome::Failed
        }
    };
    rec.finish_lane(lane, outcome, rt.now());
    outcome
}

/// A request made *inside* a task's work (a query while holding a lock, a
/// periodic job): the lane is in I/O until the answer, then running again; the
/// lane is not finished. Returns false (with a `fetch_error`/`http_error`
/// event) if it failed.
pub async fn work(rt: &dyn Runtime, rec: &Recorder, lane: LaneId, req: SimRequest, label: String) -> bool {
    rec.enter_labelled(lane, State::Io, Some(rt.endpoint_label()), label, rt.now());
    let ok = match rt.fetch(req).await {
        Ok(r) if r.status < 400 => true,
        Ok(r) => {
            rec.event(Some(lane), "http_error", Some(r.status.to_string()), rt.now());
            false
        }
        Err(e) => {
            rec.event(Some(lane), "fetch_error", Some(e.to_string()), rt.now());
            false
        }
    };
    rec.enter(lane, State::Running, None, rt.now());
    ok
}
