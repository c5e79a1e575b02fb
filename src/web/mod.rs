//! Everything that touches the browser (wasm32 only): the Yew components and
//! the services that perform effects (timers, fetch, the worker pool, the URL).
//! The engine and the state reducer know nothing of this module.

pub mod components;
pub mod services;

use wasm_bindgen::prelude::*;

/// Must be exported from the module wasm-bindgen-rayon's workers load: they call
/// it to join the pool. JS never calls it directly; `services::pool` does.
pub use wasm_bindgen_rayon::init_thread_pool;

/// Mounts the app into `#playground-root`. The same module also starts in every
/// pool worker (no window there) and in browser test pages (no root there); in
/// both cases there is nothing to mount.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = doc.get_element_by_id("playground-root") else { return };
    console_error_panic_hook::set_once();
    services::process_pool::install();
    yew::Renderer::<components::app::App>::with_root(root).render();
}

/// For e2e (`window.wasmBindings.laterTextsAsked()`): the text keys this page
/// looked up outside the wasm's own table (`i18n::later::asked_keys`), so a test
/// can say which texts a first lesson drew from the later file.
#[wasm_bindgen(js_name = laterTextsAsked)]
pub fn later_texts_asked() -> String {
    crate::i18n::later::asked_keys()
}
