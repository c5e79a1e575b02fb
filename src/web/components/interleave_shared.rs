//! The shared state of the interleaving view: variables, locks with their
//! owner and waiters, and where the run stands.

use crate::i18n::{tr, Lang};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct LockRow {
    pub name: String,
    /// "free" or "held by …", translated.
    pub owner: String,
    /// Index of the owning thread, if held.
    pub owner_index: Option<usize>,
    /// Translated list of waiting threads ("" if none).
    pub waiters: String,
    pub waiter_count: usize,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub vars: Vec<(String, i64)>,
    pub locks: Vec<LockRow>,
    /// Outcome kind (`running`, `passed`, `deadlock`, `assert`, `release`) and its text.
    pub outcome: (&'static str, String),
}

#[function_component(InterleaveShared)]
pub fn interleave_shared(p: &Props) -> Html {
    let (kind, text) = &p.outcome;
    html! {
        <div class="il-shared" data-testid="il-shared">
            <h4>{ tr(p.lang, "il.shared") }</h4>
            <ul>
                { for p.vars.iter().map(|(name, v)| html! {
                    <li data-testid={format!("il-var-{}", name.replace(['(', ')'], ""))} data-value={v.to_string()}>
                        <code>{ format!("{name} = {v}") }</code>
                    </li>
                }) }
                { for p.locks.iter().map(|l| html! {
                    <li data-testid={format!("il-lock-{}", l.name)}
                        data-owner={l.owner_index.map_or(String::new(), |o| o.to_string())}
                        data-waiters={l.waiter_count.to_string()}>
                        <code>{ &l.name }</code>{ ": " }{ &l.owner }
                        if l.waiter_count > 0 { { " · " }{ &l.waiters } }
                    </li>
                }) }
            </ul>
            <p class={classes!("il-outcome", *kind)} data-testid="il-outcome" data-kind={*kind}>{ text }</p>
        </div>
    }
}
