//! The chooser's verdict per job type, computed from the bars on screen
//! (`view::chooser::verdicts`): every model within 10% of the fastest.

use super::chooser_bars::label;
use crate::engine::trace::Bar;
use crate::i18n::{tr, Lang};
use crate::view::axis::fmt_ms;
use crate::view::chooser::verdicts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bars: Vec<Bar>,
    pub lang: Lang,
}

#[function_component(ChooserVerdict)]
pub fn chooser_verdict(p: &Props) -> Html {
    let lang = p.lang;
    let v = verdicts(&p.bars, crate::scenarios::chooser::TOLERANCE);
    html! {
        <div class="card">
            <h3>{ tr(lang, "verdict.title") }</h3>
            <table class="sweep-stats" data-testid="verdict-table">
                <thead><tr><th>{ tr(lang, "verdict.job") }</th><th>{ tr(lang, "verdict.fastest") }</th><th>{ tr(lang, "verdict.best") }</th></tr></thead>
                <tbody>
                    { for v.iter().map(|r| html! {
                        <tr data-testid={format!("verdict-{}", r.group.replace('_', "-"))} data-group={r.group.clone()}
                            data-models={r.fastest.iter().map(|f| f.0.clone()).collect::<Vec<_>>().join(",")} data-best={r.best_ms.to_string()}>
                            <td>{ label(lang, &r.group) }</td>
                            <td>{ r.fastest.iter().map(|(s, ms)| format!("{} ({})", label(lang, s), fmt_ms(*ms))).collect::<Vec<_>>().join(lang_sep(lang)) }</td>
                            <td>{ fmt_ms(r.best_ms) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn lang_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    }
}
