//! What an async lesson needs from the world: a clock, timers and requests.
//! Two implementations: [`super::virtual_clock::VirtualRuntime`] (deterministic,
//! instant; native tests and replay) and the browser's (real `performance.now()`,
//! `setTimeout` and `fetch()`; in `web::services`). Scenarios see only this trait.

use futures::future::LocalBoxFuture;
use std::fmt;

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
    fn clock(&self) -> super::trace::ClockKind;
    /// Label for request spans (`GET /sim/delay`).
    fn endpoint_label(&self) -> &str {
        "GET /sim/delay"
    }
}
