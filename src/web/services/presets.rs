//! Fetches the tutorials' presets (`presets.json`, next to index.html) when the
//! page first needs them: a `?example=` link at start-up, or the lesson's menu
//! opened. Never part of the first load.

use super::site::fetch_text;
use crate::presets;
use crate::state::{Action, PresetsRef};
use std::cell::Cell;
use std::rc::Rc;
use yew::Callback;

pub const FILE: &str = "presets.json";

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Fetches and parses the presets once; the result arrives as `PresetsArrived`.
pub fn load(dispatch: Callback<Action>) {
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let list = fetch_text(FILE).await.and_then(|t| presets::parse(&t)).map(|l| PresetsRef(Rc::new(l)));
        dispatch.emit(Action::PresetsArrived(list));
    });
}

/// The iframe a tutorial page pastes to embed `id` in place (this site's address).
pub fn iframe_snippet(id: &str, lang: &str, title: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default();
    let title = title.replace('"', "&quot;");
    format!(
        r#"<iframe src="{base}?example={id}&embed=1&lang={lang}" title="{title}" width="100%" height="720" loading="lazy" allow="cross-origin-isolated"></iframe>"#
    )
}
