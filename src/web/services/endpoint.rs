//! The built-in latency/fault endpoint: `static/sim-sw.js`, a service worker
//! that answers `sim/delay?ms=…&status=…` after the chosen delay, so lessons
//! make real requests with no backend. Registered at start-up; the first visit
//! waits until the worker controls the page.

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Run-wide event of a run whose requests did not go through the service
/// worker (detail = why); the page shows it as `endpoint-fallback`.
pub const ENDPOINT_FALLBACK: &str = "endpoint_fallback";

#[derive(Debug, Clone, PartialEq)]
pub enum Endpoint {
    /// Requests go to `<base>/delay` and the service worker answers them.
    ServiceWorker { base: String },
    /// No service worker available: real timer + real fetch of a data: URL.
    InPage,
}

/// Registers the service worker and waits (up to ~5 s) until it controls the
/// page. Errors explain why the endpoint is unavailable.
pub async fn ensure() -> Result<Endpoint, String> {
    let w = web_sys::window().ok_or("no window")?;
    let doc = w.document().ok_or("no document")?;
    let base_uri = doc.base_uri().ok().flatten().unwrap_or_default();
    let base = web_sys::Url::new_with_base("sim", &base_uri).map_err(|e| format!("{e:?}"))?.href();
    let container = w.navigator().service_worker();
    if !js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return Err("this browser context has no service workers (not a secure context?)".into());
    }
    if container.controller().is_none() {
        JsFuture::from(container.register("./sim-sw.js"))
            .await
            .map_err(|e| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{e:?}")))?;
        for _ in 0..100 {
            if container.controller().is_some() {
                break;
            }
            TimeoutFuture::new(50).await;
        }
        if container.controller().is_none() {
            return Err("the service worker did not take control of the page".into());
        }
    }
    Ok(Endpoint::ServiceWorker { base })
}
