//! The lesson's Python listing.

use crate::i18n::{tr, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub id: AttrValue,
    pub code: &'static str,
}

#[function_component(Listing)]
pub fn listing(p: &Props) -> Html {
    html! {
        <details class="card listing" data-testid="python-listing" open={true}>
            <summary>{ tr(p.lang, "app.python") }{ format!(" — python/{}.py", p.id) }</summary>
            // Focusable so keyboard users can scroll it (a scrollable region needs a way in).
            <pre tabindex="0" aria-label={tr(p.lang, "a11y.listing").to_owned()}><code>{ p.code }</code></pre>
        </details>
    }
}
