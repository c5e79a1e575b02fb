//! The run's numbers. Each value carries `data-testid` and a machine-readable
//! `data-value` (listed in the README) for tests and embedding pages; which
//! numbers and their labels come from `view::numbers`.

use crate::i18n::{tr, Lang};
use crate::view::numbers::Num;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    /// The run's numbers (`view::numbers`), once there is a run.
    pub numbers: Option<Vec<Num>>,
    pub running: bool,
}
redraw_with_app!(Props);

#[function_component(SummaryView)]
pub fn summary_view(p: &Props) -> Html {
    let lang = p.lang;
    let body = match &p.numbers {
        Some(numbers) => html! {
            <dl class="numbers">
                { for numbers.iter().map(|n| html! {
                    <div class="number">
                        <dt>{ tr(lang, &n.key) }</dt>
                        <dd data-testid={n.id.clone()} data-value={n.value.to_string()}>{ n.text.clone() }</dd>
                    </div>
                }) }
            </dl>
        },
        None => html! { <p class="empty">{ tr(lang, if p.running { "app.status.running" } else { "app.no_numbers" }) }</p> },
    };
    html! { <div class="card summary" data-testid="summary" aria-live="polite"><h3>{ tr(lang, "app.numbers") }</h3>{ body }</div> }
}
