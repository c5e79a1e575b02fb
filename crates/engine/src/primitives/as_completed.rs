//! `asyncio.as_completed`: results in the order the tasks *finish*, not the
//! order they were submitted. Every future is spawned as a task at once (as
//! asyncio does); a thin traced layer over `futures`' `FuturesUnordered` of
//! their handles yields them in completion order; each yielded result records
//! a `yielded` event on its task's lane (detail: its rank).

use crate::recorder::{LaneId, Recorder};
use crate::runtime::{spawn, Runtime};
use futures::future::LocalBoxFuture;
use futures::stream::{FuturesUnordered, LocalBoxStream, StreamExt};
use std::rc::Rc;

/// Yields `(submission index, output)` as each task completes.
pub fn as_completed<T: 'static>(
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    tasks: Vec<(LaneId, LocalBoxFuture<'static, T>)>,
) -> LocalBoxStream<'static, (usize, T)> {
    let pending: FuturesUnordered<_> =
        tasks.into_iter().enumerate().map(|(i, (lane, f))| spawn(rt.as_ref(), async move { (i, lane, f.await) })).collect();
    let mut rank = 0usize;
    Box::pin(pending.map(move |(i, lane, out)| {
        rec.event(Some(lane), "yielded", Some(rank.to_string()), rt.now());
        rank += 1;
        (i, out)
    }))
}
