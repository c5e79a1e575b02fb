//! The embedding API for tutorial pages (iframe + `postMessage`).
//!
//! The host sends `{type: "playground:run"}`, `{type: "playground:stop"}` or
//! `{type: "playground:set", lesson?: "crawler", params?: {k: "5"}, lang?: "zh", clock?: "virtual"}`.
//! The app posts `{type: "playground:status", status, lesson, params, summary}`
//! to its parent whenever the run status changes (`summary` once a run ended).
//! Commands only select and run lessons, so any origin may send them; reports
//! hold nothing but the run's numbers, so they go to any parent origin.

use crate::i18n::Lang;
use crate::state::{Action, AppState, Clock};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Listens for commands from the parent page. `None` when not embedded.
pub fn listen(dispatch: Callback<Action>, stop: Callback<()>) -> Option<EventListener> {
    let w = web_sys::window()?;
    if w.parent().ok().flatten().is_none_or(|p| p == w) {
        return None;
    }
    Some(EventListener::new(&w, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
        let Some(msg) = js_sys::JSON::stringify(&e.data()).ok().and_then(|s| s.as_string()) else { return };
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(&msg) else { return };
        for action in actions_for(&msg) {
            match action {
                Command::Stop => stop.emit(()),
                Command::Do(a) => dispatch.emit(a),
            }
        }
    }))
}

enum Command {
    Do(Action),
    Stop,
}

/// What a host message asks for; unknown messages ask for nothing.
fn actions_for(msg: &serde_json::Value) -> Vec<Command> {
    let mut out = Vec::new();
    match msg.get("type").and_then(|t| t.as_str()) {
        Some("playground:run") => out.push(Command::Do(Action::RequestRun)),
        Some("playground:stop") => out.push(Command::Stop),
        Some("playground:set") => {
            if let Some(l) = msg.get("lang").and_then(|v| v.as_str()).and_then(Lang::from_tag) {
                out.push(Command::Do(Action::SetLang(l)));
            }
            if let Some(c) = msg.get("clock").and_then(|v| v.as_str()).and_then(Clock::parse) {
                out.push(Command::Do(Action::SetClock(c)));
            }
            if let Some(id) = msg.get("lesson").and_then(|v| v.as_str()) {
                out.push(Command::Do(Action::SelectLesson(id.to_owned())));
            }
            if let Some(params) = msg.get("params").and_then(|v| v.as_object()) {
                for (key, value) in params {
                    let value = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                    out.push(Command::Do(Action::SetParam { key: key.clone(), value }));
                }
            }
        }
        _ => {}
    }
    out
}

/// The status report for the parent (JSON text; it changes when the status does).
pub fn status_message(s: &AppState) -> String {
    serde_json::json!({
        "type": "playground:status",
        "status": s.run.as_str(),
        "lesson": s.lesson,
        "params": s.trace.as_ref().map(|t| t.meta.params.clone()),
        "summary": s.summary,
    })
    .to_string()
}

pub fn post_to_parent(json: &str) {
    let Some(w) = web_sys::window() else { return };
    let Some(parent) = w.parent().ok().flatten() else { return };
    if parent == w {
        return;
    }
    if let Ok(v) = js_sys::JSON::parse(json) {
        let _ = parent.post_message(&v, "*");
    }
}
