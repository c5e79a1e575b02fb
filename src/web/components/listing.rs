//! The lesson's Python listing. Lesson listings are fetched from the site
//! (`python/<id>.py`, copied into `dist/` by trunk) when shown, so the wasm
//! the first lesson waits for carries none of them; the interleaving models'
//! listings are part of the engine (it points at their lines) and are passed in.

use crate::i18n::{fill, tr, Lang};
use crate::view::listing_fold::{self, Part};
use crate::web::services::site::fetch_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// `python/<id>.py` is the listing's file.
    pub id: AttrValue,
    /// The listing itself when the page already has it (interleavings).
    pub code: Option<&'static str>,
}

/// What the fetch of one listing gave: (id, text or error message).
type Fetched = Option<(AttrValue, Result<String, String>)>;

#[function_component(Listing)]
pub fn listing(p: &Props) -> Html {
    let fetched = use_state(|| -> Fetched { None });
    {
        let fetched = fetched.clone();
        let wanted = p.code.is_none().then(|| p.id.clone());
        use_effect_with(wanted, move |wanted| {
            if let Some(id) = wanted.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let text = fetch_text(&format!("python/{id}.py")).await;
                    fetched.set(Some((id, text)));
                });
            }
        });
    }
    let file = format!("{}.py", p.id);
    let (body, state) = match (p.code, &*fetched) {
        (Some(code), _) => (code.to_owned(), "ready"),
        (None, Some((id, Ok(text)))) if *id == p.id => (text.clone(), "ready"),
        (None, Some((id, Err(e)))) if *id == p.id => (fill(tr(p.lang, "listing.failed"), &[("error", e), ("file", &file)]), "failed"),
        _ => (tr(p.lang, "listing.loading").to_owned(), "loading"),
    };
    // The idea first: the harness (argument parsing, report, __main__) folded.
    let lang = p.lang;
    let code = match listing_fold::split(&body) {
        Ok(parts) if state == "ready" => parts.into_iter().map(|part| match part {
            Part::Code(text) => html! { { text } },
            Part::Harness { what, text, lines } => html! {
                <details class="fold" data-testid="listing-harness">
                    <summary>{ fill(tr(lang, "listing.harness"), &[("what", tr(lang, what.key())), ("n", &lines.to_string())]) }</summary>
                    { text }
                </details>
            },
        }).collect::<Html>(),
        _ => html! { { body } },
    };
    html! {
        <details class="card listing" data-testid="python-listing" data-state={state} open={true}>
            <summary>{ tr(p.lang, "app.python") }{ format!(" — python/{file}") }</summary>
            // Focusable so keyboard users can scroll it (a scrollable region needs a way in).
            <pre tabindex="0" aria-label={tr(p.lang, "a11y.listing").to_owned()} aria-busy={(state == "loading").to_string()}><code>{ code }</code></pre>
        </details>
    }
}
