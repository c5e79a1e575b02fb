//! Brings the later lesson texts (`i18n::later`) into the page: from what the
//! start-up script already fetched (a link to a lesson outside the first ones
//! waits for them, with the rest of the wasm), or else fetched now. If the page
//! drew any text blank meanwhile, `on_late` redraws it.

use super::site::fetch_text;
use crate::i18n::later;
use yew::Callback;

/// The global the start-up script fills (tools/split_loader.js).
const PREFETCHED: &str = "__playgroundLaterTexts";

/// Installs the later texts once; `on_late` runs if they came after a blank was drawn.
pub fn load(on_late: Callback<()>) {
    if later::installed() {
        return;
    }
    let global = js_sys::global();
    if let Some(text) = js_sys::Reflect::get(&global, &PREFETCHED.into()).ok().and_then(|v| v.as_string()) {
        let _ = js_sys::Reflect::set(&global, &PREFETCHED.into(), &wasm_bindgen::JsValue::UNDEFINED);
        settle(later::install(&text), &on_late);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        // A fetch the page's own departure aborts (navigated away while the
        // texts still came: Firefox aborts it as the next page starts loading,
        // before `pagehide`, and runs this page's handler of the rejection) is
        // no failure of the page's to report.
        let leaving = std::rc::Rc::new(std::cell::Cell::new(false));
        let _watch = web_sys::window().map(|w| {
            ["beforeunload", "pagehide"].map(|event| {
                let leaving = leaving.clone();
                gloo::events::EventListener::once(&w, event, move |_| leaving.set(true))
            })
        });
        let text = fetch_text(later::FILE).await;
        if text.is_err() && leaving.get() {
            return;
        }
        settle(text.and_then(|t| later::install(&t)), &on_late);
    });
}

/// After an attempt: on failure say so and install nothing (keys, not blanks,
/// from then on; a failed parse already did); redraw if a blank was drawn.
fn settle(result: Result<usize, String>, on_late: &Callback<()>) {
    if let Err(e) = result {
        web_sys::console::error_1(&format!("the lesson texts ({}) did not load: {e}", later::FILE).into());
        let _ = later::install("[]");
    }
    if later::missed() {
        on_late.emit(());
    }
}
