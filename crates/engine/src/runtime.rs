//! What an async lesson needs from the world: a clock, timers, requests and
//! tasks. Two implementations: [`super::virtual_clock::VirtualRuntime`]
//! (deterministic, instant; native tests and replay) and the browser's (real
//! `performance.now()`, `setTimeout` and `fetch()`; in `web::services`).
//! Scenarios see only this trait. Whatever else a runtime offers (a worker
//! pool to offload to, I/O threads, a server model, process pools) comes one
//! way, as its [`Caps`] ([`Runtime::caps`], `super::caps`).
//!
//! Lesson tasks are spawned with [`spawn`] (`asyncio.create_task`): each is
//! its own task on the loop, so when several are woken at once they resume in
//! the order they were woken, as in asyncio, not in the order a `join_all`
//! would poll them. [`gather`] is spawn-all-then-await-all.

pub use super::caps::{offload, Caps, JobOutput, OffloadError, Offloaded, ThreadIo, Work, ERR_POOL_NOT_ISOLATED};
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A request to the built-in latency/fault endpoint (`/sim/delay`): the answer
/// comes after `latency_ms` with `status`. The virtual runtime simulates exactly
/// that; the browser asks the service worker, which does it for real.
#[derive(Debug, Clone, PartialEq)]
pub struct SimRequest {
    pub id: u32,
    pub latency_ms: f64,
    pub status: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The network layer failed (offline, CORS, DNS, endpoint missing).
    Network(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(m) => write!(f, "network error: {m}"),
        }
    }
}

pub trait Runtime {
    /// Milliseconds since the run started.
    fn now(&self) -> f64;
    /// Resolves after `ms` milliseconds.
    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()>;
    /// Performs a request against the latency/fault endpoint.
    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>>;
    /// Performs a GET of a user's own URL (a lesson's `url` parameter) in
    /// place of `req`. The browser runtime really fetches it (CORS mode): the
    /// latency is whatever that server takes, and a CORS/DNS/refused failure is
    /// a [`FetchError::Network`]. The default (the virtual clock) ignores the
    /// URL and simulates `req`'s planned latency and status, so a user URL only
    /// matters on the browser clock.
    fn fetch_url(&self, req: SimRequest, url: &str) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        let _ = url;
        self.fetch(req)
    }
    fn clock(&self) -> super::trace::ClockKind;
    /// Blocks the event loop synchronously for `ms`: nothing else on the loop
    /// runs meanwhile, and timers due in that window fire late (browser: a busy
    /// loop on the main thread; virtual: time jumps forward with no task run).
    fn block(&self, ms: f64);
    /// Schedules `fut` as a new task on this runtime's loop (the raw half of
    /// [`spawn`]; lessons call [`spawn`], which returns a handle). It starts on
    /// the next loop turn, like `asyncio.create_task`.
    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>);
    /// What else this runtime offers this run (see [`Caps`]).
    fn caps(&self) -> &Caps;
    /// Label for request spans (`GET /sim/delay`).
    fn endpoint_label(&self) -> &str {
        "GET /sim/delay"
    }
}

/// What a spawned task and its [`JoinHandle`] share: the task's future while
/// it runs, its output once done, and who awaits it (a channel plus a shared
/// body were two allocations more on every task of a lesson, and atomics).
struct Shared<F: Future> {
    body: RefCell<Option<Pin<Box<F>>>>,
    out: RefCell<Option<F::Output>>,
    /// The task awaiting the handle; woken the moment the output is set.
    waiter: RefCell<Option<Waker>>,
}

/// The handle's view of [`Shared`], with the future's type erased.
trait Join<T> {
    /// Takes the output if the task has finished, else remembers `w` to wake.
    fn poll_out(&self, w: &Waker) -> Option<T>;
    /// Drops the future (cancel); false if it is running right now.
    fn cancel(&self);
    fn finished(&self) -> bool;
}

impl<F: Future> Join<F::Output> for Shared<F> {
    fn poll_out(&self, w: &Waker) -> Option<F::Output> {
        let out = self.out.borrow_mut().take();
        if out.is_none() {
            *self.waiter.borrow_mut() = Some(w.clone());
        }
        out
    }
    fn cancel(&self) {
        // Taken out first, dropped after the borrow ends: its drop may cancel others.
        let body = self.body.try_borrow_mut().ok().and_then(|mut b| b.take());
        drop(body);
    }
    fn finished(&self) -> bool {
        self.body.try_borrow().is_ok_and(|b| b.is_none())
    }
}

/// A spawned task, awaited for its output (`await task`). Dropping the handle
/// cancels the task at once (its future is dropped, releasing whatever it
/// held), the way a lesson's `task.cancel()` or a stopped run ends it; a task
/// must not drop its own handle (it would then run on to its end).
#[must_use = "dropping a JoinHandle cancels its task"]
pub struct JoinHandle<T> {
    shared: Rc<dyn Join<T>>,
}

/// What the loop polls: the task's body until it finishes or is cancelled.
struct Slot<F: Future>(Rc<Shared<F>>);

impl<F: Future> Future for Slot<F> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let sh = &self.0;
        let Ok(mut body) = sh.body.try_borrow_mut() else { return Poll::Pending };
        let Some(fut) = body.as_mut() else { return Poll::Ready(()) };
        match fut.as_mut().poll(cx) {
            Poll::Ready(v) => {
                *body = None;
                drop(body);
                *sh.out.borrow_mut() = Some(v);
                let w = sh.waiter.borrow_mut().take();
                if let Some(w) = w {
                    w.wake();
                }
                Poll::Ready(())
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// `asyncio.create_task(fut)`: runs `fut` as its own task on `rt`'s loop,
/// starting on the next loop turn, in creation order.
pub fn spawn<T: 'static>(rt: &dyn Runtime, fut: impl Future<Output = T> + 'static) -> JoinHandle<T> {
    let shared = Rc::new(Shared { body: RefCell::new(Some(Box::pin(fut))), out: RefCell::new(None), waiter: RefCell::new(None) });
    rt.spawn_local(Box::pin(Slot(shared.clone())));
    JoinHandle { shared }
}

impl<T> JoinHandle<T> {
    /// Cancels the task now (`task.cancel()`); same as dropping the handle.
    pub fn cancel(self) {}

    /// True once the task has finished or been cancelled.
    pub fn is_finished(&self) -> bool {
        self.shared.finished()
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // Cancelled before it finished: only by this handle's own drop or by
        // the loop shutting down, and then nobody polls it again.
        self.shared.poll_out(cx.waker()).map_or(Poll::Pending, Poll::Ready)
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        self.shared.cancel();
    }
}

/// Spawns every future as a task (in order) and awaits them all: outputs in
/// submission order. What `asyncio.gather` does for coroutines that cannot
/// fail; [`crate::primitives::gather`] has the failure rules.
pub async fn gather<T: 'static>(rt: &dyn Runtime, futs: impl IntoIterator<Item = impl Future<Output = T> + 'static>) -> Vec<T> {
    let handles: Vec<JoinHandle<T>> = futs.into_iter().map(|f| spawn(rt, f)).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await);
    }
    out
}
