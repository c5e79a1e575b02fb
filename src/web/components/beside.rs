//! The lesson's own run above a Python run of the same lesson (the in-page
//! runner), on one time axis: a change the learner made to the listing shows
//! as a shift between the two (`state::AppState::beside`). Rendered only then,
//! so none of it is in the first load.

use super::timeline::Timeline;
use crate::i18n::{tr, Lang};
use crate::state::TraceRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub beside: TraceRef,
    /// The shared axis's end (ms): the longer of the two runs.
    pub axis_ms: f64,
    pub lang: Lang,
}

#[function_component(Beside)]
pub fn beside(p: &Props) -> Html {
    let heading: AttrValue = tr(p.lang, "py.beside.lesson").to_owned().into();
    html! {
        <div class="beside" data-testid="beside" data-axis-ms={p.axis_ms.to_string()}>
            <p class="hint">{ tr(p.lang, "py.beside.note") }</p>
            <Timeline trace={Some(p.beside.clone())} lang={p.lang} axis_ms={Some(p.axis_ms)} testid="timeline-beside" {heading} />
        </div>
    }
}
