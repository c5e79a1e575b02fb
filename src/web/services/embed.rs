//! The embedding API for tutorial pages (iframe + `postMessage`).
//!
//! Messages are parsed by `state::embed_msg` (pure, fuzzed natively); this
//! file only listens, checks the sender's origin against `origins=` (when the
//! iframe's URL has one), turns commands into actions and reports back.
//! The app posts `{type: "playground:status", status, lesson, params, summary, refused}`
//! to its parent whenever the run status changes (`summary` once a run ended;
//! `refused` = the translation key when a `run` was refused, e.g. a user URL),
//! and `{type: "playground:error", error, message}` for a message it could not use.
//! Reports hold nothing but the run's numbers, so they go to any parent origin.

use crate::i18n::{fill, tr, Lang};
use crate::state::embed_msg::{self, EmbedCommand, EmbedError};
use crate::state::{Action, AppState};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Listens for commands from the parent page. `None` when not embedded.
/// `origins`: the `origins=` list (only those may drive the app), `lang` for error reports.
pub fn listen(dispatch: Callback<Action>, stop: Callback<()>, origins: Option<Vec<String>>, lang: Lang) -> Option<EventListener> {
    let w = web_sys::window()?;
    if w.parent().ok().flatten().is_none_or(|p| p == w) {
        return None;
    }
    Some(EventListener::new(&w, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
        let Some(text) = js_sys::JSON::stringify(&e.data()).ok().and_then(|s| s.as_string()) else { return };
        let parsed = embed_msg::parse(&text);
        if matches!(parsed, Err(EmbedError::NotForUs)) {
            return;
        }
        let result = embed_msg::origin_allowed(origins.as_deref(), &e.origin()).and(parsed);
        match result {
            Ok(EmbedCommand::Run) => dispatch.emit(Action::RequestRun),
            Ok(EmbedCommand::Stop) => stop.emit(()),
            Ok(EmbedCommand::Set { lesson, params, lang, clock }) => {
                if let Some(l) = lang {
                    dispatch.emit(Action::SetLang(l));
                }
                if let Some(c) = clock {
                    dispatch.emit(Action::SetClock(c));
                }
                if let Some(id) = lesson {
                    dispatch.emit(Action::SelectLesson(id));
                }
                for (key, value) in params {
                    dispatch.emit(Action::SetParam { key, value });
                }
            }
            Err(err) => report_error(&err, lang),
        }
    }))
}

fn report_error(err: &EmbedError, lang: Lang) {
    let args = err.args();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let msg = serde_json::json!({
        "type": "playground:error",
        "error": err.key(),
        "message": fill(tr(lang, err.key()), &args),
    });
    post_to_parent(&msg.to_string());
}

/// The status report for the parent (JSON text; it changes when the status does).
pub fn status_message(s: &AppState) -> String {
    serde_json::json!({
        "type": "playground:status",
        "status": s.run.as_str(),
        "lesson": s.lesson,
        "params": s.trace.as_ref().map(|t| t.meta.params.clone()),
        "summary": s.summary,
        "refused": s.run_refused.as_ref().map(|r| r.key()),
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
