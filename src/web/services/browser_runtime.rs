//! The engine's [`Runtime`] on the browser event loop: `performance.now()`,
//! `setTimeout` (via gloo) and real `fetch()`. Blocking is a real busy loop on
//! the main thread; what else the page offers (offload, I/O threads, the
//! server model, process pools) is its [`Caps`] (`super::browser_caps`).
//! A user's own URL ([`Runtime::fetch_url`]) is a real CORS-mode GET: its
//! latency is the server's, and CORS/DNS/refused failures are network errors.

use super::endpoint::Endpoint;
use crate::engine::runtime::{Caps, FetchError, Response, Runtime, SimRequest};
use crate::engine::trace::ClockKind;
use futures::future::LocalBoxFuture;
use gloo::timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub struct BrowserRuntime {
    origin: f64,
    endpoint: Endpoint,
    /// The endpoint's server model for this run, as query parameters
    /// (`&server=capacity&capacity=C&queue=Q&run=…`; empty = none), set
    /// through [`Caps::server`].
    server_query: Rc<RefCell<String>>,
    caps: Caps,
    /// Set by [`BrowserRuntime::close`]: the run is over.
    closed: super::turns::Closed,
}

/// `performance.now()` (the page's `performance` looked up once: the engine
/// asks the time at every traced step, 9,000 times as Stop cancels the
/// crawler's waiters).
fn perf_now() -> f64 {
    super::turns::now_ms()
}

impl BrowserRuntime {
    /// A runtime whose time 0 is now.
    pub fn new(endpoint: Endpoint) -> Self {
        let origin = perf_now();
        let time_origin = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin());
        // Time 0 on the clock shared with the workers (`timeOrigin + now()`).
        let shared_origin = time_origin + origin;
        let server_query = Rc::<RefCell<String>>::default();
        let caps = super::browser_caps::caps(&endpoint, shared_origin, server_query.clone());
        BrowserRuntime { origin, endpoint, server_query, caps, closed: Default::default() }
    }

    /// The run is over (ended, or stopped: its tasks cancelled): a task of it
    /// still queued or woken ends at its next poll, without waiting for a turn.
    pub fn close(&self) {
        self.closed.set(true);
    }
}

/// Aborts its request (`AbortController.abort()`) if dropped before it is
/// disarmed: a timeout or Stop that drops the request future cancels the
/// real `fetch()` too, as cancelling an aiohttp request closes it. The abort
/// itself is made from a turn of its own ([`abort_later`]).
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            abort_later(c);
        }
    }
}

thread_local! {
    /// Requests to abort, in order, and whether a task is aborting them.
    static TO_ABORT: RefCell<(std::collections::VecDeque<web_sys::AbortController>, bool)> = RefCell::default();
}

/// Aborts `c` soon, in a task of its own that aborts as many as fit in a turn
/// ([`super::turns`]): Stop of a run with 1,000 requests in flight dropped them
/// all at once, and their aborts took 17 ms of one long task (the crawler at
/// its maxima). The request's future is gone already: nobody sees its answer.
fn abort_later(c: web_sys::AbortController) {
    let start = TO_ABORT.with(|a| {
        let mut a = a.borrow_mut();
        a.0.push_back(c);
        !std::mem::replace(&mut a.1, true)
    });
    if start {
        wasm_bindgen_futures::spawn_local(async {
            loop {
                super::turns::next().await;
                while !super::turns::spent() {
                    let Some(c) = TO_ABORT.with(|a| {
                        let mut a = a.borrow_mut();
                        let c = a.0.pop_front();
                        a.1 = c.is_some();
                        c
                    }) else {
                        return;
                    };
                    c.abort();
                }
            }
        });
    }
}

/// `fetch(url)` → status, or a network error with the browser's message.
/// Dropping the future aborts the request.
pub async fn fetch_status(url: &str) -> Result<u16, FetchError> {
    let w = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let ctrl = web_sys::AbortController::new().map_err(|e| FetchError::Network(js_message(&e)))?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&ctrl.signal()));
    let mut guard = AbortOnDrop(Some(ctrl));
    let resp = JsFuture::from(w.fetch_with_str_and_init(url, &init)).await.map_err(|e| FetchError::Network(js_message(&e)))?;
    let resp: web_sys::Response = resp.unchecked_into();
    // Read the body so the request is complete, as a real client would.
    if let Ok(p) = resp.text() {
        let _ = JsFuture::from(p).await;
    }
    // Complete: nothing left to abort.
    guard.0 = None;
    Ok(resp.status())
}

/// The text of a rejected promise: an `Error`'s message (fetch rejects with a
/// `TypeError` such as "Failed to fetch"), a string, or its debug form.
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

impl Runtime for BrowserRuntime {
    fn now(&self) -> f64 {
        perf_now() - self.origin
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        Box::pin(TimeoutFuture::new(ms.max(0.0).round() as u32))
    }

    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        let endpoint = self.endpoint.clone();
        let server = self.server_query.borrow().clone();
        Box::pin(async move {
            match endpoint {
                Endpoint::ServiceWorker { base } => {
                    let url = format!("{base}/delay?ms={}&status={}&id={}{server}", req.latency_ms, req.status, req.id);
                    fetch_status(&url).await.map(|status| Response { status })
                }
                Endpoint::InPage => {
                    // No service worker (test runner pages): the latency is a real
                    // timer and the request a real fetch of a data: URL.
                    TimeoutFuture::new(req.latency_ms.max(0.0).round() as u32).await;
                    fetch_status("data:text/plain,ok").await?;
                    Ok(Response { status: req.status })
                }
            }
        })
    }

    fn fetch_url(&self, _req: SimRequest, url: &str) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        // `fetch(string)` is a CORS-mode GET: a cross-origin server that does not
        // send Access-Control-Allow-Origin makes it reject, like DNS or refusal.
        let url = url.to_owned();
        Box::pin(async move { fetch_status(&url).await.map(|status| Response { status }) })
    }

    fn clock(&self) -> ClockKind {
        ClockKind::Browser
    }

    fn block(&self, ms: f64) {
        // Busy on purpose: the lesson shows what a synchronous CPU loop does to the page.
        let end = perf_now() + ms.max(0.0);
        while perf_now() < end {}
    }

    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>) {
        // wasm-bindgen-futures runs spawned tasks from one FIFO queue, in the
        // order they were woken: asyncio's `call_soon` order. Paced: a task
        // woken once the page's turn is spent waits for the next turn, in
        // that order (10,000 tasks started at once would otherwise all make
        // their first step, and their fetch(), in one long task), and they
        // are spawned a batch at a time (`turns::spawn`).
        super::turns::spawn(fut, self.closed.clone());
    }

    fn caps(&self) -> &Caps {
        &self.caps
    }

    fn endpoint_label(&self) -> &str {
        match self.endpoint {
            Endpoint::ServiceWorker { .. } => "GET /sim/delay",
            Endpoint::InPage => "in-page timer + fetch",
        }
    }
}
