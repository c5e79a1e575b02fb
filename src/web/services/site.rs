//! Files of the site itself, fetched as text when needed: the lessons' Python
//! listings (`python/<id>.py`) and the later lesson texts (`i18n-later.json`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// GET `url` (relative to the page) as text; `Err` says why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let message = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let window = web_sys::window().ok_or("no window")?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(message)?.dyn_into().map_err(message)?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    JsFuture::from(resp.text().map_err(message)?).await.map_err(message)?.as_string().ok_or_else(|| "not text".into())
}
