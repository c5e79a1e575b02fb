//! An overloadable server behind the built-in endpoint: why a client limits
//! its concurrency at all. The server serves `capacity` requests at full
//! speed; each request admitted while `n` requests (itself included) are in
//! service takes `latency · (n / capacity)²` once `n` passes the capacity
//! (contention: every request in service slows every other), and past
//! `capacity + queue` it is refused at once with 503, like an overloaded API.
//! Its latency is fixed when it arrives.
//!
//! Why it matters: a client with K requests in flight gets about K/latency
//! answers per second while K ≤ capacity, but past it each answer costs
//! (K/capacity)² as long, so throughput *falls* as K grows: the makespan of N
//! requests is ≈ N·L/K for K ≤ C and ≈ N·L·K/C² beyond, best at K = C.
//!
//! The same rule is in `static/sim-sw.js` (the browser's endpoint, given
//! `server=capacity&capacity=C&queue=Q&run=…` on each request), in
//! [`super::virtual_clock::VirtualRuntime`] (see `caps::ServerHost`) and in
//! `python/crawler.py`, so the three agree request by request.

use super::runtime::{FetchError, Response, SimRequest};
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use std::rc::Rc;

/// The server's two numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerSpec {
    /// Requests served at full speed at once (≥ 1).
    pub capacity: u32,
    /// Requests in service beyond `capacity` before new ones are refused.
    pub queue: u32,
}

/// HTTP status of a refused request.
pub const OVERLOADED: u16 = 503;

/// The server's state: how many requests are in service now.
#[derive(Debug, Default)]
pub struct ServerModel {
    spec: Option<ServerSpec>,
    active: Cell<u32>,
}

/// What the server does with one request: answer after `latency_ms` with `status`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Admission {
    pub latency_ms: f64,
    pub status: u16,
    /// Whether it holds a place in service until it is answered (call [`ServerModel::release`]).
    pub admitted: bool,
}

/// The latency of a request admitted as the `n`-th in service.
pub fn loaded_latency(spec: ServerSpec, latency_ms: f64, n: u32) -> f64 {
    let c = spec.capacity.max(1) as f64;
    let factor = (n as f64 / c).max(1.0).powi(2);
    (latency_ms * factor * 10.0).round() / 10.0
}

impl ServerModel {
    pub fn new(spec: Option<ServerSpec>) -> Self {
        ServerModel { spec, active: Cell::new(0) }
    }

    pub fn spec(&self) -> Option<ServerSpec> {
        self.spec
    }

    /// Requests in service now.
    pub fn active(&self) -> u32 {
        self.active.get()
    }

    /// A request of planned `latency_ms` and `status` arrives now.
    pub fn admit(&self, latency_ms: f64, status: u16) -> Admission {
        let Some(spec) = self.spec else {
            return Admission { latency_ms, status, admitted: false };
        };
        let n = self.active.get() + 1;
        if n > spec.capacity.max(1) + spec.queue {
            return Admission { latency_ms: 0.0, status: OVERLOADED, admitted: false };
        }
        self.active.set(n);
        Admission { latency_ms: loaded_latency(spec, latency_ms, n), status, admitted: true }
    }

    /// An admitted request has been answered.
    pub fn release(&self) {
        self.active.set(self.active.get().saturating_sub(1));
    }
}

/// A modelled request through `server` (if any): the answer comes after the
/// server's latency (`sleep` is the runtime's timer), and the request leaves
/// service when it is answered, before anyone sees the answer. The virtual
/// runtime's `fetch` is this.
pub fn fetch_through(
    server: Option<Rc<ServerModel>>,
    req: SimRequest,
    sleep: impl FnOnce(f64) -> LocalBoxFuture<'static, ()>,
) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
    let adm = server
        .as_ref()
        .map_or(Admission { latency_ms: req.latency_ms, status: req.status, admitted: false }, |s| s.admit(req.latency_ms, req.status));
    let wait = sleep(adm.latency_ms);
    Box::pin(async move {
        wait.await;
        if let Some(s) = server.filter(|_| adm.admitted) {
            s.release();
        }
        Ok(Response { status: adm.status })
    })
}
