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
            <pre><code>{ p.code }</code></pre>
        </details>
    }
}
