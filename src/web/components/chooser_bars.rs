//! Grouped bars of makespans from `meta.bars` (the chooser: job type × model;
//! the GIL-with-I/O lesson: batch × thread count). In the chooser a click on
//! a bar shows that run on the timeline (sets `job` and `model`, runs again).
//! Every bar says where its makespan comes from (`data-source`, the legend's
//! solid / hatched key): modelled from CPython's measured costs, or measured
//! in this browser in this run.

use crate::engine::trace::{Bar, BarSource};
use crate::i18n::{has, tr, Lang};
use crate::view::axis::fmt_ms;
use crate::view::chooser::{layout, shown_bar, COLORS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bars: Vec<Bar>,
    pub lang: Lang,
    /// Called with (group, series) when a bar is clicked; `None` = not clickable.
    #[prop_or_default]
    pub on_pick: Option<Callback<(String, String)>>,
    /// The (group, series) whose run the timeline shows (its measured bar if
    /// there is one, else its modelled one: `view::chooser::shown_bar`).
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

/// A swatch of the legend: solid (modelled) or hatched (measured) in `color`.
fn swatch(source: BarSource, color: &str, id: &str) -> Html {
    html! {
        <svg width="12" height="12" viewBox="0 0 12 12" style="vertical-align:-1px;margin-right:4px" aria-hidden="true">
            { fill_defs(color, id) }
            <rect x="0.75" y="0.75" width="10.5" height="10.5" fill={fill(source, color, id)} stroke={color.to_owned()} stroke-width="1.5" />
        </svg>
    }
}

/// A diagonal hatch of `color` (measured bars), with id `id`.
fn fill_defs(color: &str, id: &str) -> Html {
    html! {
        <defs>
            <pattern id={id.to_owned()} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="5" height="5" fill={color.to_owned()} fill-opacity="0.2" />
                <line x1="1" y1="0" x2="1" y2="5" stroke={color.to_owned()} stroke-width="2.5" />
            </pattern>
        </defs>
    }
}

fn fill(source: BarSource, color: &str, id: &str) -> String {
    match source {
        BarSource::Modelled => color.to_owned(),
        BarSource::Measured => format!("url(#{id})"),
    }
}

#[function_component(ChooserBars)]
pub fn chooser_bars(p: &Props) -> Html {
    let lang = p.lang;
    let l = layout(&p.bars, 560.0, 260.0, crate::scenarios::chooser::TOLERANCE);
    let shown_src = p.shown.as_ref().and_then(|(g, s)| shown_bar(&p.bars, g, s)).map(|b| b.source);
    let sources: Vec<BarSource> =
        [BarSource::Modelled, BarSource::Measured].into_iter().filter(|s| p.bars.iter().any(|b| b.source == *s)).collect();
    let hatch = |i: usize| format!("bars-hatch-{i}");
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
            <div class="bars-legend" data-testid="bars-sources" style="font-size:13px;margin-bottom:6px">
                { for sources.iter().map(|&s| html! {
                    <span class="bars-key" data-testid="bars-source-key" data-source={s.id()} style="margin-right:14px;display:inline-block">
                        // In the text colour: the key is about the fill, not a series' colour.
                        { swatch(s, "currentColor", &format!("bars-key-{}", s.id())) }
                        { tr(lang, &format!("bars.source.{}", s.id())) }
                    </span>
                }) }
            </div>
            <svg data-testid="bars-chart" viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup" role="img" aria-label={tr(lang, "bars.title").to_owned()}>
                { for (0..l.series.len()).map(|i| fill_defs(COLORS[i % COLORS.len()], &hatch(i))) }
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
                            let shown = p.shown.as_ref().is_some_and(|(sg, ss)| *sg == g.name && *ss == b.series) && shown_src == Some(b.source);
                            let color = COLORS[b.index % COLORS.len()];
                            // The shown bar is outlined in the text colour (both themes); a measured bar in its own.
                            let outline = match (shown, b.source) {
                                (true, _) => "stroke:var(--chart-text);stroke-width:2".to_owned(),
                                (false, BarSource::Measured) => format!("stroke:{color};stroke-width:1.5"),
                                (false, BarSource::Modelled) => "stroke:none".to_owned(),
                            };
                            let cursor = if p.on_pick.is_some() { "cursor:pointer" } else { "" };
                            html! {
                                <g data-testid="bar" data-group={g.name.clone()} data-series={b.series.clone()} data-ms={b.ms.to_string()}
                                    data-source={b.source.id()} data-fastest={b.fastest.to_string()} data-shown={shown.to_string()}
                                    onclick={pick} style={cursor}>
                                    <rect x={b.x.to_string()} y={b.y.to_string()} width={b.w.to_string()} height={b.h.to_string()}
                                        fill={fill(b.source, color, &hatch(b.index))} style={outline} />
                                    if b.fastest {
                                        <text x={(b.x + b.w / 2.0).to_string()} y={(b.y - 4.0).to_string()} text-anchor="middle">{ "★" }</text>
                                    }
                                    <title>{ format!("{} · {} · {}: {}", label(lang, &g.name), label(lang, &b.series),
                                        tr(lang, &format!("bars.source.{}", b.source.id())), fmt_ms(b.ms)) }</title>
                                </g>
                            }
                        }) }
                    </g>
                }) }
            </svg>
            if p.on_pick.is_some() {
                <p class="chart-note">{ tr(lang, "bars.note") }{ " " }{ tr(lang, "bars.star") }</p>
            }
        </div>
    }
}
