//! The clock async lessons run on: the browser (real event loop and fetch) or
//! the virtual clock (deterministic, instant). Kept in the share link as
//! `clock=`; CPU lessons have no choice to make, so the app draws it for async
//! lessons only.

use super::select_value::use_select_value;
use crate::i18n::{tr, Lang};
use crate::state::{Action, Clock};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub clock: Clock,
    /// A run is running: the clock cannot change under it.
    pub running: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(ClockSelect)]
pub fn clock_select(p: &Props) -> Html {
    let lang = p.lang;
    let node = use_select_value(p.clock.as_str().to_owned());
    let onchange = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(c) = Clock::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                d.emit(Action::SetClock(c));
            }
        })
    };
    html! {
        <div class="card clock">
            <div class="field">
                <label for="clock-select">{ tr(lang, "app.clock") }</label>
                <select ref={node} id="clock-select" data-testid="clock-select" {onchange} disabled={p.running}>
                    { for Clock::ALL.iter().map(|c| html! {
                        <option value={c.as_str()} selected={*c == p.clock}>{ tr(lang, &format!("app.clock.{}", c.as_str())) }</option>
                    }) }
                </select>
            </div>
            <p class="hint">{ tr(lang, "app.clock_hint") }</p>
        </div>
    }
}
