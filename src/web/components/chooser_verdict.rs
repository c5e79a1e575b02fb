//! The chooser's verdict per job type, "what CPython would do", computed
//! from the modelled bars only (`view::chooser::verdicts`): every model within
//! 10% of the fastest. Beside it, in a table of its own, what this browser
//! measured (`view::chooser::measured`), never mixed into the verdict.

use super::chooser_bars::label;
use crate::engine::trace::Bar;
use crate::i18n::{tr, Lang};
use crate::view::axis::fmt_ms;
use crate::view::chooser::{measured, verdicts};
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
    let m = measured(&p.bars);
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
            if !m.is_empty() {
                <h4 style="margin:12px 0 4px">{ tr(lang, "measured.title") }</h4>
                <p class="chart-note" style="margin:0 0 6px">{ tr(lang, "measured.note") }</p>
                <table class="sweep-stats" data-testid="measured-table">
                    <thead><tr>
                        <th>{ tr(lang, "verdict.job") }</th><th>{ tr(lang, "measured.model") }</th>
                        <th>{ tr(lang, "measured.ms") }</th><th>{ tr(lang, "measured.cpython") }</th>
                    </tr></thead>
                    <tbody>
                        { for m.iter().map(|r| html! {
                            <tr data-testid="measured-row" data-group={r.group.clone()} data-series={r.series.clone()} data-ms={r.ms.to_string()}
                                data-modelled-ms={r.modelled_ms.map(|x| x.to_string()).unwrap_or_default()}>
                                <td>{ label(lang, &r.group) }</td>
                                <td>{ label(lang, &r.series) }</td>
                                <td>{ fmt_ms(r.ms) }</td>
                                <td>{ r.modelled_ms.map(fmt_ms).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

fn lang_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    }
}
