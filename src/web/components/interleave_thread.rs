//! One thread of the interleaving view: its steps with their listing lines,
//! the next one highlighted, and its Step button (disabled, with the reason,
//! when the thread is blocked or finished).

use crate::i18n::{tr, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub index: usize,
    pub name: String,
    /// (listing line, step text) of every step.
    pub steps: Vec<(u32, String)>,
    /// The next step (`steps.len()`: finished).
    pub next: usize,
    /// Why it cannot step (translated) and its kind, or `None` if it can.
    pub blocked: Option<(String, &'static str)>,
    pub on_step: Callback<usize>,
}

#[function_component(InterleaveThread)]
pub fn interleave_thread(p: &Props) -> Html {
    let i = p.index;
    let onclick = {
        let cb = p.on_step.clone();
        Callback::from(move |_: MouseEvent| cb.emit(i))
    };
    let (disabled, title, kind) = match &p.blocked {
        Some((why, kind)) => (true, why.clone(), *kind),
        None => (false, String::new(), ""),
    };
    html! {
        <div class={classes!("il-thread", disabled.then_some("blocked"))} data-testid={format!("il-thread-{i}")}>
            <h4>{ format!("{i}: {}", p.name) }</h4>
            <ol class="il-steps">
                { for p.steps.iter().enumerate().map(|(k, (line, text))| {
                    let next = k == p.next;
                    let done = k < p.next;
                    html! {
                        <li class={classes!(next.then_some("next"), done.then_some("done"))}
                            data-testid={next.then(|| format!("il-next-{i}"))}>
                            <span class="il-line">{ format!("{line:>3}") }</span>
                            <code>{ text }</code>
                        </li>
                    }
                }) }
            </ol>
            <button data-testid={format!("il-step-{i}")} {onclick} {disabled} title={title.clone()} data-blocked={kind}>
                { format!("{} {i}", tr(p.lang, "il.step")) }
            </button>
            if disabled {
                <p class="il-why" data-testid={format!("il-why-{i}")}>{ title }</p>
            }
        </div>
    }
}
