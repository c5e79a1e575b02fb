//! What the browser offers, read once at start-up.

use crate::state::Env;

pub fn detect() -> Env {
    let Some(w) = web_sys::window() else { return Env::default() };
    // Read reflectively: web-sys has no binding for this flag on Window.
    let isolated = js_sys::Reflect::get(&w, &"crossOriginIsolated".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    Env { isolated, hardware_threads: w.navigator().hardware_concurrency().max(1.0) as u32 }
}

/// `navigator.language`, for picking the UI language when the URL names none.
pub fn browser_language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}
