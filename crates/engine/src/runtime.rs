//! What an async lesson needs from the world: a clock, timers and requests.
//! Two implementations: [`super::virtual_clock::VirtualRuntime`] (deterministic,
//! instant; native tests and replay) and the browser's (real `performance.now()`,
//! `setTimeout` and `fetch()`; in `web::services`). Scenarios see only this trait.
//!
//! Besides timers and requests, a runtime can *block* its event loop (a
//! synchronous CPU loop on the loop's own thread: every timer due meanwhile
//! fires late) and *offload* CPU work to a worker pool (the loop keeps ticking
//! while a worker computes; `asyncio.to_thread` / `run_in_executor`). Offloaded
//! work is a [`Work`] value rather than a generic closure so the trait stays
//! object-safe (`Rc<dyn Runtime>`); [`offload`] is the typed front door.
//!
//! Lesson tasks are spawned with [`spawn`] (`asyncio.create_task`): each is
//! its own task on the loop, so when several are woken at once they resume in
//! the order they were woken, as in asyncio, not in the order a `join_all`
//! would poll them. [`gather`] is spawn-all-then-await-all.

use futures::future::LocalBoxFuture;
use std::any::Any;
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

/// What an offloaded job returns, type-erased (see [`offload`] for the typed call).
pub type JobOutput = Box<dyn Any + Send>;

/// CPU work handed to the worker pool.
pub enum Work {
    /// Keep one worker busy for `ms` (the lessons' stand-in for "some CPU job";
    /// the runtime spins on its own clock, so it works on virtual time too).
    Spin { ms: f64 },
    /// Real work. On the virtual clock `f` runs at once (same answer) and the
    /// job takes the declared `cost_ms` of virtual time on a virtual worker.
    Compute { cost_ms: f64, f: Box<dyn FnOnce() -> JobOutput + Send> },
}

/// An offloaded job as it ran: its value, the worker that ran it and when
/// (run time, ms), so a lesson can draw worker lanes.
#[derive(Debug)]
pub struct Offloaded<T = JobOutput> {
    pub value: T,
    /// 0-based index of the pool worker.
    pub worker: usize,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// Why offloading failed. Messages that are translation keys (`err.*`) are
/// translated by the page.
#[derive(Debug, Clone, PartialEq)]
pub enum OffloadError {
    /// This runtime has no worker pool (e.g. the page is not cross-origin
    /// isolated, so Web Workers cannot share its memory).
    Unavailable(String),
    /// The job was lost (a worker died).
    Lost(String),
}

impl fmt::Display for OffloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OffloadError::Unavailable(m) | OffloadError::Lost(m) => f.write_str(m),
        }
    }
}

/// A blocking request made by one of the runtime's dedicated I/O threads (see
/// [`Runtime::thread_request`]): its status and, when the thread measured it
/// itself, when it was parked in the request (run time, ms).
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadIo {
    pub status: u16,
    /// `(start, end)` as the thread saw them; `None` = the caller's times are as good.
    pub span: Option<(f64, f64)>,
}

/// The key of the message shown when a lesson offloads on a page that cannot
/// start the worker pool.
pub const ERR_POOL_NOT_ISOLATED: &str = "err.offload_not_isolated";

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
    /// Runs `work` on the worker pool; the loop keeps running until it is done.
    fn offload(&self, work: Work) -> LocalBoxFuture<'static, Result<Offloaded, OffloadError>> {
        let _ = work;
        Box::pin(async { Err(OffloadError::Unavailable("this runtime has no worker pool".into())) })
    }
    /// Schedules `fut` as a new task on this runtime's loop (the raw half of
    /// [`spawn`]; lessons call [`spawn`], which returns a handle). It starts on
    /// the next loop turn, like `asyncio.create_task`.
    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>);
    /// Makes sure `threads` dedicated I/O threads are up and idle (a thread
    /// pool doing blocking I/O; see the threadpool lesson). The default, a
    /// model (the virtual clock), has them at once.
    fn start_io_threads(&self, threads: usize) -> LocalBoxFuture<'static, Result<(), String>> {
        let _ = threads;
        Box::pin(async { Ok(()) })
    }
    /// I/O thread `thread` makes the blocking request `req` (a synchronous
    /// request: the thread is parked until the answer) while the loop goes on.
    /// The default models it as a request of `req`'s latency on this clock.
    fn thread_request(&self, thread: usize, req: SimRequest) -> LocalBoxFuture<'static, Result<ThreadIo, FetchError>> {
        let _ = thread;
        let answer = self.fetch(req);
        Box::pin(async move { answer.await.map(|r| ThreadIo { status: r.status, span: None }) })
    }
    /// A blocking request made on the loop itself (`requests.get` inside
    /// `async def`): nothing else on the loop runs until the answer, and
    /// timers due meanwhile fire late. Call [`Runtime::start_io_threads`]
    /// first (the browser has an I/O thread make the request while the loop
    /// spins). The default, a model, blocks for `req`'s latency.
    fn block_request(&self, req: SimRequest) -> Result<ThreadIo, FetchError> {
        self.block(req.latency_ms);
        Ok(ThreadIo { status: req.status, span: None })
    }
    /// Puts a server model behind the built-in endpoint for this run (see
    /// [`super::server_model`]); `None` = answer every request as planned.
    fn set_server(&self, spec: Option<super::server_model::ServerSpec>) {
        let _ = spec;
    }
    /// Label for request spans (`GET /sim/delay`).
    fn endpoint_label(&self) -> &str {
        "GET /sim/delay"
    }
}

/// Offloads `f` (a `Send` closure: real work) to `rt`'s pool; `cost_ms` is
/// what it takes on the virtual clock. The typed face of [`Runtime::offload`].
pub async fn offload<T: Send + 'static>(
    rt: &dyn Runtime,
    cost_ms: f64,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<Offloaded<T>, OffloadError> {
    let work = Work::Compute { cost_ms, f: Box::new(move || Box::new(f()) as JobOutput) };
    let done = rt.offload(work).await?;
    let value = done.value.downcast::<T>().map_err(|_| OffloadError::Lost("the job returned another type".into()))?;
    Ok(Offloaded { value: *value, worker: done.worker, start_ms: done.start_ms, end_ms: done.end_ms })
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
