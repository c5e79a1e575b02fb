//! A traced request: the lane is in I/O on the endpoint until the answer, then
//! done, or failed with an event saying why (HTTP status or network error).
//! [`request_to`] does the same against a user's own URL (see
//! [`Runtime::fetch_url`]); its span is labelled with that URL's host.

use crate::params::url_host;
use crate::recorder::{LaneId, Recorder};
use crate::runtime::{FetchError, Runtime, SimRequest};
use crate::trace::{Outcome, State};

/// Performs `req` on `lane` and finishes the lane with the outcome.
pub async fn request(rt: &dyn Runtime, rec: &Recorder, lane: LaneId, req: SimRequest) -> Outcome {
    match request_to(rt, rec, lane, req, None).await {
        Ok(status) if status < 400 => Outcome::Done,
        _ => Outcome::Failed,
    }
}

/// Performs `req` on `lane` — against `url` when given (a user's own URL),
/// else the built-in endpoint — and finishes the lane: done below HTTP 400,
/// failed otherwise with an `http_error` or `fetch_error` event. Returns the
/// status, or the network error so a lesson can tell "unreachable" apart.
pub async fn request_to(rt: &dyn Runtime, rec: &Recorder, lane: LaneId, req: SimRequest, url: Option<&str>) -> Result<u16, FetchError> {
    let answer = match url {
        Some(u) => {
            rec.enter(lane, State::Io, Some(&format!("GET {}", url_host(u).unwrap_or(u))), rt.now());
            rt.fetch_url(req, u).await
        }
        None => {
            rec.enter(lane, State::Io, Some(rt.endpoint_label()), rt.now());
            rt.fetch(req).await
        }
    };
    let outcome = match &answer {
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
    answer.map(|r| r.status)
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
