//! The timeline's legend: one swatch per span state, in the page's language.

use crate::engine::trace::State;
use crate::i18n::{tr, Lang};
use crate::view::state_color;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub lang: Lang,
}

#[function_component(Legend)]
pub fn legend(p: &LegendProps) -> Html {
    html! {
        <ul class="legend" data-testid="legend">
            { for State::ALL.iter().map(|s| html! {
                <li><span class="swatch" style={format!("background:{}", state_color(*s))} />{ tr(p.lang, &format!("state.{}", s.as_str())) }</li>
            }) }
        </ul>
    }
}
