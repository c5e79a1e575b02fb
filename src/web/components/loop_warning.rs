//! A warning shown whenever the last run blocked the event loop for more than
//! [`BLOCKED_WARN_MS`](crate::engine::primitives::lag::BLOCKED_WARN_MS): read
//! from the run's `loop_lag_ms` track, so it appears for any lesson that
//! measures lag, on the browser clock and in replays alike.

use crate::engine::primitives::lag::blocked_for;
use crate::i18n::{fill, tr, Lang};
use crate::state::TraceRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trace: Option<TraceRef>,
    pub lang: Lang,
}

#[function_component(LoopWarning)]
pub fn loop_warning(p: &Props) -> Html {
    let Some(ms) = p.trace.as_ref().and_then(|t| blocked_for(t)) else { return html! {} };
    let text = fill(tr(p.lang, "warn.loop_blocked"), &[("ms", &format!("{ms:.0}"))]);
    html! {
        <div class="msg warn" data-testid="loop-blocked-warning" data-value={ms.to_string()} role="alert">{ text }</div>
    }
}
