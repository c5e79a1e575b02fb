//! What a runtime may offer beyond its clock, timers, requests and tasks, all
//! injected one way: [`Runtime::caps`] hands a lesson the [`Caps`] of this
//! run, a set of optional services. A lesson asks for the one it needs
//! ([`Caps::io_threads`], [`Caps::server`], [`Caps::offload`]) and gets a
//! translated [`RunError`] (`err.cap.*`) where the runtime has none; the
//! process pools are looked at ([`Caps::processes`], [`Caps::shared`]) by the
//! lessons that run them for real where they can and model them elsewhere.
//!
//! The virtual clock offers offload, I/O threads and the server model
//! (`virtual_clock::caps`); the page's runtime offers those for real and its
//! process pools (`web::services::browser_runtime`). CPU lessons, which run on
//! a pool thread without a runtime, get their process pool in
//! [`crate::cpu::CpuCtx::processes`].

use super::procpool::AsyncProcessPool;
use super::procshared::SharedHost;
use super::runtime::{FetchError, Runtime, SimRequest};
use super::server_model::ServerSpec;
use super::RunError;
use futures::future::LocalBoxFuture;
use std::any::Any;
use std::fmt;
use std::rc::Rc;

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

/// The key of the message shown when a lesson offloads on a page that cannot
/// start the worker pool.
pub const ERR_POOL_NOT_ISOLATED: &str = "err.offload_not_isolated";

/// A blocking request made by one of the runtime's dedicated I/O threads (see
/// [`IoThreads::request`]): its status and, when the thread measured it
/// itself, when it was parked in the request (run time, ms).
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadIo {
    pub status: u16,
    /// `(start, end)` as the thread saw them; `None` = the caller's times are as good.
    pub span: Option<(f64, f64)>,
}

/// A worker pool the loop hands CPU work to (`asyncio.to_thread` /
/// `run_in_executor`): the loop keeps running until the work is done.
pub trait Offload {
    fn offload(&self, work: Work) -> LocalBoxFuture<'static, Result<Offloaded, OffloadError>>;
}

/// Dedicated I/O threads making blocking requests (a thread pool doing
/// blocking I/O). Each call gets the run's runtime, whose clock and requests
/// a model of the threads uses.
pub trait IoThreads {
    /// Makes sure `threads` threads are up and idle.
    fn start(&self, rt: &dyn Runtime, threads: usize) -> LocalBoxFuture<'static, Result<(), String>>;
    /// Thread `thread` makes the blocking request `req` (the thread is parked
    /// until the answer) while the loop goes on.
    fn request(&self, rt: &dyn Runtime, thread: usize, req: SimRequest) -> LocalBoxFuture<'static, Result<ThreadIo, FetchError>>;
    /// A blocking request made on the loop itself (`requests.get` inside
    /// `async def`): nothing else on the loop runs until the answer, and
    /// timers due meanwhile fire late. Call [`IoThreads::start`] first, and
    /// [`IoThreads::prepare_block_request`] before the run's time 0.
    fn block_request(&self, rt: &dyn Runtime, req: SimRequest) -> Result<ThreadIo, FetchError>;
    /// Whatever [`IoThreads::block_request`] needs to learn once, done now (a
    /// run that will block its loop calls it before its time 0). Only a run
    /// that blocks its loop pays for it: the page's feature test is itself a
    /// synchronous request that holds the page's thread (~50 ms in Chromium).
    fn prepare_block_request(&self) {}
}

/// The model of I/O threads any clock can offer: they are up at once; a
/// thread's request is a request of its latency on the run's clock; a
/// blocking request on the loop blocks the loop for its latency.
pub struct ModelledIoThreads;

impl IoThreads for ModelledIoThreads {
    fn start(&self, _rt: &dyn Runtime, _threads: usize) -> LocalBoxFuture<'static, Result<(), String>> {
        Box::pin(async { Ok(()) })
    }
    fn request(&self, rt: &dyn Runtime, _thread: usize, req: SimRequest) -> LocalBoxFuture<'static, Result<ThreadIo, FetchError>> {
        let answer = rt.fetch(req);
        Box::pin(async move { answer.await.map(|r| ThreadIo { status: r.status, span: None }) })
    }
    fn block_request(&self, rt: &dyn Runtime, req: SimRequest) -> Result<ThreadIo, FetchError> {
        rt.block(req.latency_ms);
        Ok(ThreadIo { status: req.status, span: None })
    }
}

/// A server model behind the built-in endpoint for this run (see
/// [`super::server_model`]); `None` = answer every request as planned.
pub trait ServerHost {
    fn set_server(&self, spec: Option<ServerSpec>);
}

/// A runtime's optional capabilities (see the module's doc); `Default` is none.
#[derive(Clone, Default)]
pub struct Caps {
    pub offload: Option<Rc<dyn Offload>>,
    pub io_threads: Option<Rc<dyn IoThreads>>,
    pub server: Option<Rc<dyn ServerHost>>,
    /// Web Worker processes with their own memory (the page's).
    pub processes: Option<Rc<dyn AsyncProcessPool>>,
    /// Processes sharing state through shared memory or a manager (the page's).
    pub shared: Option<Rc<dyn SharedHost>>,
}

/// The key of the message a lesson gets when its runtime lacks what it asks
/// for (`err.cap.<name>`, translated by the page).
pub fn missing(name: &str) -> RunError {
    RunError::Environment(format!("err.cap.{name}"))
}

/// The keys [`missing`] makes, one per capability a lesson can require
/// (`processes`: a CPU lesson's [`crate::cpu::CpuCtx::processes`]).
pub const REQUIRED: [&str; 4] = ["offload", "io_threads", "server", "processes"];

impl Caps {
    pub fn io_threads(&self) -> Result<Rc<dyn IoThreads>, RunError> {
        self.io_threads.clone().ok_or_else(|| missing("io_threads"))
    }

    pub fn server(&self) -> Result<Rc<dyn ServerHost>, RunError> {
        self.server.clone().ok_or_else(|| missing("server"))
    }

    /// Runs `work` on the worker pool; [`OffloadError::Unavailable`] (with
    /// the `err.cap.offload` key) where the runtime has none.
    pub fn offload(&self, work: Work) -> LocalBoxFuture<'static, Result<Offloaded, OffloadError>> {
        match &self.offload {
            Some(pool) => pool.offload(work),
            None => Box::pin(async { Err(OffloadError::Unavailable("err.cap.offload".into())) }),
        }
    }

    pub fn processes(&self) -> Option<Rc<dyn AsyncProcessPool>> {
        self.processes.clone()
    }

    pub fn shared(&self) -> Option<Rc<dyn SharedHost>> {
        self.shared.clone()
    }
}

/// Offloads `f` (a `Send` closure: real work) to `rt`'s pool; `cost_ms` is
/// what it takes on the virtual clock. The typed face of [`Caps::offload`].
pub async fn offload<T: Send + 'static>(
    rt: &dyn Runtime,
    cost_ms: f64,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<Offloaded<T>, OffloadError> {
    let work = Work::Compute { cost_ms, f: Box::new(move || Box::new(f()) as JobOutput) };
    let done = rt.caps().offload(work).await?;
    let value = done.value.downcast::<T>().map_err(|_| OffloadError::Lost("the job returned another type".into()))?;
    Ok(Offloaded { value: *value, worker: done.worker, start_ms: done.start_ms, end_ms: done.end_ms })
}
