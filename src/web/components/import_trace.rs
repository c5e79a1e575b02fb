//! Importing a playground JSON trace: a file input, checked by
//! `traces::trace_file` (size first, before reading), and a clear message when
//! the file is refused. A refused file changes nothing else on the page.

use crate::i18n::{tr, Lang};
use crate::state::{Action, TraceRef};
use crate::traces::trace_file::{check_size, import, ImportError};
use std::rc::Rc;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    /// A run is running: nothing to import until it ends.
    pub running: bool,
    /// Why the last file was refused.
    pub error: Option<ImportError>,
    pub dispatch: Callback<Action>,
}
redraw_with_app!(Props);

#[function_component(ImportTrace)]
pub fn import_trace(p: &Props) -> Html {
    let lang = p.lang;
    let onchange = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            // Picking the same file again must fire `change` again.
            input.set_value("");
            if let Err(err) = check_size(file.size() as u64) {
                d.emit(Action::ImportFailed(err));
                return;
            }
            let d = d.clone();
            spawn_local(async move {
                let action = match JsFuture::from(file.text()).await {
                    Ok(v) => match v.as_string() {
                        Some(text) => match import(&text) {
                            Ok(t) => Action::Imported(TraceRef(Rc::new(t))),
                            Err(e) => Action::ImportFailed(e),
                        },
                        None => Action::ImportFailed(ImportError::Read { msg: "not text".into() }),
                    },
                    Err(e) => Action::ImportFailed(ImportError::Read {
                        msg: js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "?".into()),
                    }),
                };
                d.emit(action);
            });
        })
    };
    let dismiss = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.emit(Action::DismissImportError))
    };
    html! {
        <div class="card import">
            <label class={classes!("import-button", p.running.then_some("disabled"))} title={tr(lang, "app.import_hint").to_owned()}>
                { tr(lang, "app.import") }
                <input type="file" accept=".json,application/json" data-testid="import-trace" {onchange} disabled={p.running} />
            </label>
            if let Some(e) = &p.error {
                <div class="msg error" data-testid="import-error" data-kind={e.kind()} role="alert">
                    <button class="dismiss" onclick={dismiss} aria-label="dismiss">{ "×" }</button>
                    <p>{ e.message(lang) }</p>
                </div>
            }
        </div>
    }
}
