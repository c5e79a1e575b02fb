//! `asyncio.timeout` / `wait_for`: the inner work races a timer; at the
//! deadline the work is cancelled and the lane records `timed_out`, at exactly
//! start + limit on the virtual clock.
//!
//! Cancelling here is dropping the inner future, which is enough for a request:
//! nothing to clean up on the virtual clock, and on the browser clock the
//! dropped request aborts its real `fetch()` (an `AbortController` in
//! `web::services::browser_runtime`). Work that must
//! run async cleanup when cancelled belongs in a [`super::taskgroup`] scope.
//! The race is `futures::select`; the timer is the runtime's.

use crate::recorder::{LaneId, Recorder};
use crate::runtime::Runtime;
use futures::future::{select, Either};
use std::future::Future;

/// The work did not finish within the limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimedOut {
    pub after_ms: f64,
}

/// Runs `work` for at most `limit_ms`. On expiry `work` is dropped (cancelled)
/// and `timed_out` (detail: the limit) is recorded on `lane`.
pub async fn timeout<F: Future>(rt: &dyn Runtime, rec: &Recorder, lane: LaneId, limit_ms: f64, work: F) -> Result<F::Output, TimedOut> {
    let timer = rt.sleep(limit_ms);
    let work = Box::pin(work);
    match select(work, timer).await {
        Either::Left((out, _)) => Ok(out),
        Either::Right(((), _)) => {
            rec.event(Some(lane), "timed_out", Some(format!("{limit_ms}")), rt.now());
            Err(TimedOut { after_ms: limit_ms })
        }
    }
}
