//! A broken-as-written example's "As written" block on its preset card: the
//! error CPython gives, named, and a button that shows it happening: our
//! program with the same mistake in the Python runner below
//! (`python/as_written/<id>.py`), or the lesson run that fails the same way
//! (`query`). Drawn by the preset card only, so never on the first load.

use crate::i18n::{tr, Lang};
use crate::presets::AsWritten;
use crate::state::Action;
use crate::web::components::py_runner;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub as_written: AsWritten,
    /// Imports the runner's trace (as the app's own runner does).
    pub dispatch: Callback<Action>,
}

#[function_component(AsWrittenBlock)]
pub fn as_written_block(p: &Props) -> Html {
    let (lang, a) = (p.lang, &p.as_written);
    let open_program = a.python.clone().map(|file| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| py_runner::open_as_written(&dispatch, &file))
    });
    let query = a.query.as_deref().map(|q| format!("?{q}&run=1&lang={}", lang.code()));
    let head = if query.is_none() && a.hangs() { "preset.as_written_hangs" } else { "preset.as_written_raises" };
    let hint = if query.is_some() { "preset.as_written_query" } else { "preset.as_written_python" };
    let error = if a.hangs() { a.message.clone() } else { format!("{}: {}", a.error, a.message) };
    html! {
        <div class="preset-as-written" data-testid="preset-as-written" data-error={a.error.clone()}>
            <h4>{ tr(lang, "preset.as_written") }</h4>
            <p>{ tr(lang, head) }{ " " }<code data-testid="preset-as-written-error">{ error }</code></p>
            <p class="preset-as-written-run">
                if let Some(href) = query {
                    <a class="button primary" href={href} data-testid="preset-run-as-written">{ tr(lang, "preset.run_as_written") }</a>
                    if let Some(onclick) = open_program {
                        { " " }<button type="button" class="link" data-testid="preset-show-program" {onclick}>{ tr(lang, "preset.show_program") }</button>
                    }
                } else if let Some(onclick) = open_program {
                    <button type="button" class="primary" data-testid="preset-run-as-written" {onclick}>{ tr(lang, "preset.run_as_written") }</button>
                }
            </p>
            <p class="muted small">{ tr(lang, hint) }</p>
            if let Some(note) = &a.note {
                <p class="muted small" data-testid="preset-as-written-note">{ note.get(lang) }</p>
            }
        </div>
    }
}
