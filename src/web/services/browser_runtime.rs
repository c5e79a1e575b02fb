//! The engine's [`Runtime`] on the browser event loop: `performance.now()`,
//! `setTimeout` (via gloo) and real `fetch()`.

use super::endpoint::Endpoint;
use crate::engine::runtime::{FetchError, Response, Runtime, SimRequest};
use crate::engine::trace::ClockKind;
use futures::future::LocalBoxFuture;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub struct BrowserRuntime {
    origin: f64,
    endpoint: Endpoint,
}

fn perf_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl BrowserRuntime {
    /// A runtime whose time 0 is now.
    pub fn new(endpoint: Endpoint) -> Self {
        BrowserRuntime { origin: perf_now(), endpoint }
    }
}

/// `fetch(url)` → status, or a network error with the browser's message.
pub async fn fetch_status(url: &str) -> Result<u16, FetchError> {
    let w = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let resp = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(e.as_string().unwrap_or_else(|| format!("{e:?}"))))?;
    let resp: web_sys::Response = resp.unchecked_into();
    // Read the body so the request is complete, as a real client would.
    if let Ok(p) = resp.text() {
        let _ = JsFuture::from(p).await;
    }
    Ok(resp.status())
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
        Box::pin(async move {
            match endpoint {
                Endpoint::ServiceWorker { base } => {
                    let url = format!("{base}/delay?ms={}&status={}&id={}", req.latency_ms, req.status, req.id);
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

    fn clock(&self) -> ClockKind {
        ClockKind::Browser
    }

    fn endpoint_label(&self) -> &str {
        match self.endpoint {
            Endpoint::ServiceWorker { .. } => "GET /sim/delay",
            Endpoint::InPage => "in-page timer + fetch",
        }
    }
}
