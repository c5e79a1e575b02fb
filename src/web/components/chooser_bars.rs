//! Grouped bars of makespans from `meta.bars` (the chooser: job type × model;
//! the GIL-with-I/O lesson: batch × thread count). In the chooser a click on
//! a bar shows that run on the timeline (sets `job` and `model`, runs again).

use crate::engine::trace::Bar;
use crate::i18n::{has, tr, Lang};
use crate::view::axis::fmt_ms;
use crate::view::chooser::{layout, COLORS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bars: Vec<Bar>,
    pub lang: Lang,
    /// Called with (group, series) when a bar is clicked; `None` = not clickable.
    #[prop_or_default]
    pub on_pick: Option<Callback<(String, String)>>,
    /// The (group, series) whose run the timeline shows.
    #[prop_or_default]
    pub shown: Option<(String, String)>,
}

/// A group's or series' label: `choice.<id>` if there is one, else `bar.<id>`.
pub fn label(lang: Lang, id: &str) -> String {
    let choice = format!("choice.{id}");
    if has(&choice) {
        tr(lang, &choice).to_owned()
    } else {
        tr(lang, &format!("bar.{id}")).to_owned()
    }
}

#[function_component(ChooserBars)]
pub fn chooser_bars(p: &Props) -> Html {
    let lang = p.lang;
    let l = layout(&p.bars, 560.0, 260.0, crate::scenarios::chooser::TOLERANCE);
    html! {
        <div class="card chart">
            <h3>{ tr(lang, "bars.title") }</h3>
            // Inline styles: the chart stays self-contained (as the speedup chart's curve).
            <div class="bars-legend" style="font-size:13px;margin-bottom:6px">
                { for l.series.iter().enumerate().map(|(i, s)| html! {
                    <span class="bars-key" style="margin-right:12px;white-space:nowrap">
                        <span style={format!("display:inline-block;width:10px;height:10px;margin-right:4px;background:{}", COLORS[i % COLORS.len()])}></span>
                        { label(lang, s) }
                    </span>
                }) }
            </div>
            <svg data-testid="bars-chart" viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup" role="img" aria-label={tr(lang, "bars.title").to_owned()}>
                { for l.y_ticks.iter().map(|(y, v)| html! { <g class="tick">
                    <line x1={l.ml.to_string()} x2={(l.w - 12.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    <text x={(l.ml - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ fmt_ms(*v) }</text>
                </g> }) }
                { for l.groups.iter().map(|g| html! {
                    <g data-testid="bars-group" data-group={g.name.clone()}>
                        <text class="tick" x={g.x.to_string()} y={(l.h - l.mb + 18.0).to_string()} text-anchor="middle">{ label(lang, &g.name) }</text>
                        { for g.bars.iter().map(|b| {
                            let pick = p.on_pick.clone().map(|cb| {
                                let key = (g.name.clone(), b.series.clone());
                                Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
                            });
                            let shown = p.shown.as_ref().is_some_and(|(sg, ss)| *sg == g.name && *ss == b.series);
                            html! {
                                <g data-testid="bar" data-group={g.name.clone()} data-series={b.series.clone()} data-ms={b.ms.to_string()}
                                    data-fastest={b.fastest.to_string()} data-shown={shown.to_string()}
                                    onclick={pick} style={if p.on_pick.is_some() { "cursor:pointer" } else { "" }}>
                                    <rect x={b.x.to_string()} y={b.y.to_string()} width={b.w.to_string()} height={b.h.to_string()}
                                        fill={COLORS[b.index % COLORS.len()]} stroke={if shown { "#000" } else { "none" }} stroke-width="1.5" />
                                    if b.fastest {
                                        <text x={(b.x + b.w / 2.0).to_string()} y={(b.y - 4.0).to_string()} text-anchor="middle">{ "★" }</text>
                                    }
                                    <title>{ format!("{} · {}: {}", label(lang, &g.name), label(lang, &b.series), fmt_ms(b.ms)) }</title>
                                </g>
                            }
                        }) }
                    </g>
                }) }
            </svg>
            if p.on_pick.is_some() {
                <p class="chart-note">{ tr(lang, "bars.note") }{ " ★ = " }{ tr(lang, "verdict.fastest") }</p>
            }
        </div>
    }
}
