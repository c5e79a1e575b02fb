//! "See the interleaving": from the race lesson's lost updates or the deadlock
//! lesson's cycle to the matching interleaving model, its failing schedule
//! (fewest preemptions) already found and loaded.

use crate::i18n::{tr, Lang};
use crate::interleave::{codec, models};
use crate::scenarios::interleave::{showcase, SCENARIO};
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The model to open (an id of `interleave::models::IDS`).
    pub model: &'static str,
    pub dispatch: Callback<Action>,
}

#[function_component(InterleaveLink)]
pub fn interleave_link(p: &Props) -> Html {
    let schedule = use_memo(p.model, |id| models::by_id(id).map(|m| codec::encode(&showcase(&m))).unwrap_or_default());
    let href = format!("?lesson={}&model={}&schedule={}&lang={}", SCENARIO.id, p.model, *schedule, p.lang.code());
    let onclick = {
        let (d, model, schedule) = (p.dispatch.clone(), p.model, (*schedule).clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(Action::SelectLesson(SCENARIO.id.to_owned()));
            d.emit(Action::SetParam { key: "model".into(), value: model.to_owned() });
            d.emit(Action::SetSchedule(schedule.clone()));
        })
    };
    html! {
        <a class="il-link" data-testid="see-interleaving" data-model={p.model} {href} {onclick}>
            { tr(p.lang, "il.see") }{ " →" }
        </a>
    }
}
