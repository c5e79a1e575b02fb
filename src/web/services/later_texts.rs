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
        // The departure is noted by a plain JS function (an AbortController's
        // `abort`, bound to it), not by wasm code: wasm run during page
        // dismissal may be in the part of the module not loaded yet, and
        // loading it then is a synchronous request browsers refuse.
        let watch = Departure::watch();
        let text = fetch_text(later::FILE).await;
        let left = watch.as_ref().is_some_and(Departure::left);
        drop(watch);
        if text.is_err() && left {
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

/// Whether the page started leaving (`beforeunload` or `pagehide`) while it waited.
struct Departure {
    controller: web_sys::AbortController,
    abort: js_sys::Function,
}

impl Departure {
    const EVENTS: [&'static str; 2] = ["beforeunload", "pagehide"];

    fn watch() -> Option<Departure> {
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let controller = web_sys::AbortController::new().ok()?;
        let abort = js_sys::Reflect::get(&controller, &"abort".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        let abort = abort.bind0(&controller);
        for event in Self::EVENTS {
            window.add_event_listener_with_callback(event, &abort).ok()?;
        }
        Some(Departure { controller, abort })
    }

    fn left(&self) -> bool {
        self.controller.signal().aborted()
    }
}

impl Drop for Departure {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for event in Self::EVENTS {
                let _ = window.remove_event_listener_with_callback(event, &self.abort);
            }
        }
    }
}
