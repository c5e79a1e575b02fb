//! `asyncio.gather`, both ways, as a teaching primitive.
//!
//! Without `return_exceptions` the *caller* sees the first exception as soon as
//! it happens, but the other tasks are **not** cancelled: they keep running to
//! the end and their results are lost. With `return_exceptions=True` the caller
//! waits for everything and gets every result, exceptions included, in
//! submission order.
//!
//! [`gather`] spawns every task at once (as asyncio wraps each coroutine in a
//! task) and returns two futures: the caller's view (resolves at the first
//! failure or when all are done) and a driver that holds the tasks (dropping
//! it cancels them) and collects their results; the lesson awaits the driver
//! beside the caller. Completion order comes from `futures`'
//! `FuturesUnordered` over the task handles; only the bookkeeping is ours.

use crate::recorder::Recorder;
use crate::runtime::{spawn, Runtime};
use futures::channel::oneshot;
use futures::future::LocalBoxFuture;
use futures::stream::{FuturesUnordered, StreamExt};
use std::rc::Rc;

/// What the caller of `gather` sees.
#[derive(Debug, Clone, PartialEq)]
pub enum Gathered<T, E> {
    /// Every task finished; results (or exceptions, with `return_exceptions`)
    /// in submission order.
    All(Vec<Result<T, E>>),
    /// Fail-fast: task `index` raised `error` first; the others kept running.
    Raised { index: usize, error: E },
    /// The driver was dropped before anything was reported (the run stopped).
    Dropped,
}

/// Starts gathering `tasks`. Await both returned futures (e.g. with `join`):
/// the first is what `await asyncio.gather(...)` gives the caller, the second
/// keeps the tasks running. Records run-wide events `gather_raised` (detail:
/// the failing task's index) and `gather_returned`.
pub fn gather<T: 'static, E: Clone + 'static>(
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    tasks: Vec<LocalBoxFuture<'static, Result<T, E>>>,
    return_exceptions: bool,
) -> (LocalBoxFuture<'static, Gathered<T, E>>, LocalBoxFuture<'static, ()>) {
    let (tx, rx) = oneshot::channel::<Gathered<T, E>>();
    let n = tasks.len();
    let handles: Vec<_> = tasks.into_iter().enumerate().map(|(i, f)| spawn(rt.as_ref(), async move { (i, f.await) })).collect();
    let driver = async move {
        let mut pending: FuturesUnordered<_> = handles.into_iter().collect();
        let mut slots: Vec<Option<Result<T, E>>> = (0..n).map(|_| None).collect();
        let mut tx = Some(tx);
        while let Some((i, r)) = pending.next().await {
            if let (Err(e), false) = (&r, return_exceptions) {
                if let Some(tx) = tx.take() {
                    rec.event(None, "gather_raised", Some(i.to_string()), rt.now());
                    let _ = tx.send(Gathered::Raised { index: i, error: e.clone() });
                }
            }
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
        if let Some(tx) = tx.take() {
            rec.event(None, "gather_returned", None, rt.now());
            let _ = tx.send(Gathered::All(slots.into_iter().flatten().collect()));
        }
    };
    let caller = async move { rx.await.unwrap_or(Gathered::Dropped) };
    (Box::pin(caller), Box::pin(driver))
}
