//! The run's numbers. Each value carries `data-testid` and a machine-readable
//! `data-value` (listed in the README) for tests and embedding pages; which
//! numbers and their labels come from `view::numbers`.

use crate::i18n::tr;
use crate::state::AppState;
use crate::view::numbers::numbers;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<AppState>,
}

#[function_component(SummaryView)]
pub fn summary_view(p: &Props) -> Html {
    let s = &p.state;
    let body = match (&s.summary, &s.trace) {
        (Some(sum), Some(t)) => html! {
            <dl class="numbers">
                { for numbers(s.scenario(), sum, t).into_iter().map(|n| html! {
                    <div class="number">
                        <dt>{ tr(s.lang, &n.key) }</dt>
                        <dd data-testid={n.id} data-value={n.value.to_string()}>{ n.text }</dd>
                    </div>
                }) }
            </dl>
        },
        _ => html! { <p class="empty">{ tr(s.lang, if s.is_running() { "app.status.running" } else { "app.no_numbers" }) }</p> },
    };
    html! { <div class="card summary" data-testid="summary" aria-live="polite"><h3>{ tr(s.lang, "app.numbers") }</h3>{ body }</div> }
}
