//! "Edit & run Python": the learner's own Python on real CPython (Pyodide, in a
//! module Web Worker), traced onto this page's timeline. None of it is in the
//! first load: the first press adds the module script `py/panel.js`, which
//! builds the editor and console in the host element below and starts the
//! worker, which downloads Pyodide (`pyodide/`, vendored from npm). A finished
//! run comes back as a playground trace (a `py-trace` event on `window`,
//! `detail` = its JSON text) and is imported like a trace file
//! (`traces::trace_file::import`), so the timeline, numbers, replay and exports
//! show it as they show any run.

use crate::i18n::{tr, Lang};
use crate::state::{Action, TraceRef};
use crate::traces::trace_file::import;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The event the panel sends with a finished run's trace (JSON text in `detail`).
const TRACE_EVENT: &str = "py-trace";
/// The event that reopens an already loaded panel.
const OPEN_EVENT: &str = "py-open";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The lesson: `python/<id>.py` is the listing the editor opens with.
    pub id: AttrValue,
    pub dispatch: Callback<Action>,
}

#[function_component(PyRunner)]
pub fn py_runner(p: &Props) -> Html {
    // A share link with edited source (`#py=…`, static/py/share.js) opens the runner.
    {
        let d = p.dispatch.clone();
        use_effect_with((), move |_| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            if hash.starts_with("#py=") {
                open_panel(&d);
            }
        });
    }
    let onclick = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| open_panel(&d))
    };
    html! {
        <section class="card py-runner" data-testid="py-runner">
            <button type="button" class="py-open" data-testid="py-open" {onclick} title={tr(p.lang, "py.open_hint").to_owned()}>
                { tr(p.lang, "py.open") }
            </button>
            // py/panel.js builds its editor and console in here (never Yew's nodes).
            <div class="py-host" data-py-host="" data-lesson={p.id.clone()} data-lang={p.lang.code()}></div>
        </section>
    }
}

/// Loads `py/panel.js` on the first press (it opens itself) and starts listening
/// for its finished runs; later presses reopen it. Nothing of this runs before
/// the first press, so none of it is in the first load (`tools/first-lesson.funcs`).
#[inline(never)]
fn open_panel(dispatch: &Callback<Action>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.query_selector("script[data-py-panel]").ok().flatten().is_some() {
        if let Ok(ev) = web_sys::Event::new(OPEN_EVENT) {
            let _ = web_sys::window().map(|w| w.dispatch_event(&ev));
        }
        return;
    }
    listen_for_traces(dispatch.clone());
    let Ok(script) = doc.create_element("script") else { return };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", "py/panel.js");
    let _ = script.set_attribute("data-py-panel", "");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&script);
    }
}

/// Opens the runner with `python/<file>` (a broken example's program,
/// `python/as_written/…`) in place of the listing, and runs it: the panel reads
/// the host's `data-as-written` once (static/py/panel.js). From a preset card only.
#[inline(never)]
pub fn open_as_written(dispatch: &Callback<Action>, file: &str) {
    let host = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-py-host]").ok().flatten());
    let Some(host) = host else { return };
    let _ = host.set_attribute("data-as-written", file);
    open_panel(dispatch);
}

/// Imports every trace the panel sends, for the rest of the page's life (the
/// panel, once loaded, stays; so does the app it reports to).
fn listen_for_traces(d: Callback<Action>) {
    let on_trace = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
        let detail = js_sys::Reflect::get(&e, &JsValue::from_str("detail")).ok().and_then(|v| v.as_string());
        let Some(text) = detail else { return };
        d.emit(match import(&text) {
            Ok(t) => Action::PythonRun(TraceRef(Rc::new(t))),
            Err(e) => Action::ImportFailed(e),
        });
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback(TRACE_EVENT, on_trace.as_ref().unchecked_ref());
    }
    on_trace.forget();
}
