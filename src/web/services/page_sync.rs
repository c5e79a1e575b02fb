//! The page's own synchronous request: `requests.get` on the loop (the blocking
//! lesson's `mode=sync`) where the browser lets the service worker answer it.
//! Firefox does (and blocks the page's thread, timers included, until the
//! answer); Chromium sends a page's synchronous request past the service worker
//! (so there the page spins on an I/O thread's answer instead, see
//! `io_workers::block_request`). Firefox cannot take that path: a dedicated
//! worker's request goes through the page's thread there, which is spinning, so
//! the answer never came (the run failed after 30 s). Which path a page takes is
//! decided by a feature test, once per page, never by the browser's name.

use super::pool::shared_clock_ms;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = XMLHttpRequest)]
    type Xhr;
    #[wasm_bindgen(constructor, js_class = "XMLHttpRequest", catch)]
    fn new() -> Result<Xhr, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn open(this: &Xhr, method: &str, url: &str, is_async: bool) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn send(this: &Xhr) -> Result<(), JsValue>;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Xhr) -> u16;
    #[wasm_bindgen(method, js_name = getResponseHeader)]
    fn response_header(this: &Xhr, name: &str) -> Option<String>;
}

/// The header `static/sim-sw.js` puts on every response it passes through.
const SW_MARK: &str = "X-Playground-Sw";
/// What the feature test asks for: a small file of the site, next to the page,
/// marked as the probe (`sw-probe`): the worker lets the site's other
/// subresources go to the network untouched.
const PROBE_URL: &str = "./io-worker.js?sw-probe";

thread_local! {
    static REACHES_SW: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// A synchronous GET of `url` from the page's thread.
fn get(url: &str) -> Result<Xhr, String> {
    let xhr = Xhr::new().map_err(|e| format!("{e:?}"))?;
    xhr.open("GET", url, false).map_err(|e| format!("{e:?}"))?;
    xhr.send().map_err(|e| format!("{e:?}"))?;
    Ok(xhr)
}

/// Feature test (its answer kept for the page's life): does the service worker
/// answer the page's own synchronous requests? One synchronous GET of a small
/// file of the site; the service worker marks what it passes through.
pub fn reaches_service_worker() -> bool {
    REACHES_SW.with(|known| {
        let answer = known.get().unwrap_or_else(|| get(PROBE_URL).is_ok_and(|x| x.response_header(SW_MARK).is_some()));
        known.set(Some(answer));
        answer
    })
}

/// Blocks the page's thread on a synchronous GET of `url` (the service
/// worker's answer); when it was parked, on the clock shared with the workers.
pub fn request(url: &str) -> Result<super::io_workers::Reply, String> {
    let start = shared_clock_ms();
    let xhr = get(url)?;
    let end = shared_clock_ms();
    let status = xhr.status();
    Ok(super::io_workers::Reply { status, start, end, error: (status == 0).then(|| "request failed".to_owned()) })
}
