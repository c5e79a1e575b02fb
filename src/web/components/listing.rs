//! The lesson's Python listing. Lesson listings are fetched from the site
//! (`python/<id>.py`, copied into `dist/` by trunk) when shown, so the wasm
//! the first lesson waits for carries none of them; the interleaving models'
//! listings are part of the engine (it points at their lines) and are passed in.

use crate::i18n::{fill, tr, Lang};
use crate::view::listing_fold::{self, Harness, Part};
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
    // The idea first: what a learner would not write is folded, one click away
    // (a button with aria-expanded; bit i of `open` is fold i of this listing:
    // a listing has under 20 folds, and one past the 64th would stay closed).
    let open = use_state(|| (p.id.clone(), 0u64));
    let shown = if open.0 == p.id { open.1 } else { 0 };
    let mut folds = 0u32;
    let mut draw = |part: Part| -> Html {
        let (what, text, lines, indent) = match part {
            Part::Code(text) => return html! { { text } },
            Part::Harness { what, text, lines, indent } => (what, text, lines, indent),
        };
        let (i, bit) = (folds, 1u64.checked_shl(folds).unwrap_or(0));
        folds += 1;
        let is_open = shown & bit != 0;
        let onclick = {
            let (open, id) = (open.clone(), p.id.clone());
            Callback::from(move |_: MouseEvent| open.set((id.clone(), shown ^ bit)))
        };
        let body_id = format!("listing-fold-{i}");
        html! {
            <span class="fold" data-testid="listing-harness" data-what={what.key()}>
                // At the code's indentation; a long label wraps there (a phone shows it whole).
                <button type="button" class="fold-toggle" style={format!("padding-left:{}ch", indent.len())}
                    aria-expanded={is_open.to_string()} aria-controls={body_id.clone()} {onclick}>
                    { label(p.lang, what, lines, is_open) }
                </button>
                <span id={body_id} class="fold-body" hidden={!is_open}>{ text }</span>
            </span>
        }
    };
    let code = match listing_fold::split(&body) {
        Ok(parts) if state == "ready" => parts.into_iter().map(&mut draw).collect::<Html>(),
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

/// What a fold hides and, closed, how many lines.
fn label(lang: Lang, what: Harness, lines: usize, open: bool) -> String {
    let what = tr(lang, what.key());
    match (open, lines) {
        (true, _) => fill(tr(lang, "listing.harness.open"), &[("what", what)]),
        (false, 1) => fill(tr(lang, "listing.harness.one"), &[("what", what)]),
        (false, n) => fill(tr(lang, "listing.harness"), &[("what", what), ("n", &n.to_string())]),
    }
}
