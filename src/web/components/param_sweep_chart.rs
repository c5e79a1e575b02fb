//! Time vs a swept parameter (e.g. chunk size) from `meta.param_sweep`: one
//! line per thread count on a log axis. Any CPU lesson that fills the field
//! gets this chart; the axis is named by the lesson's own parameter label.

use crate::engine::trace::ParamPoint;
use crate::i18n::{fill, tr, Lang};
use crate::view::axis::fmt_ms;
use crate::view::param_sweep::{fmt_value, layout};
use crate::view::speedup::polyline;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub points: Vec<ParamPoint>,
    pub scenario: String,
    pub lang: Lang,
}

/// Okabe–Ito colours for up to four series, then repeating.
const COLORS: [&str; 4] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"];

#[function_component(ParamSweepChart)]
pub fn param_sweep_chart(p: &Props) -> Html {
    let lang = p.lang;
    let Some(param) = p.points.first().map(|q| q.param.clone()) else { return html! {} };
    let label = tr(lang, &format!("{}.{param}", p.scenario)).to_owned();
    let title = fill(tr(lang, "app.param_sweep"), &[("param", &label)]);
    let l = layout(&p.points, &param, 460.0, 240.0);
    html! {
        <div class="card chart">
            <h3>{ title.clone() }</h3>
            <p class="chart-note">{ tr(lang, "app.param_sweep_note") }</p>
            <svg data-testid="param-sweep-chart" data-param={param.clone()} viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup" role="img"
                aria-label={title}>
                { for l.y_ticks.iter().map(|(y, v)| html! { <g class="tick">
                    <line x1={l.ml.to_string()} x2={(l.w - 20.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    <text x={(l.ml - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ fmt_ms(*v) }</text>
                </g> }) }
                { for l.x_ticks.iter().map(|(x, v)| html! {
                    <text class="tick" x={x.to_string()} y={(l.h - l.mb + 16.0).to_string()} text-anchor="middle">{ fmt_value(*v) }</text>
                }) }
                <text class="axis-label" x={(l.w - 20.0).to_string()} y={(l.h - 2.0).to_string()} text-anchor="end">{ label }</text>
                { for l.series.iter().enumerate().map(|(i, s)| {
                    let color = COLORS[i % COLORS.len()];
                    let d = polyline(&s.points.iter().map(|q| (q.0, q.1)).collect::<Vec<_>>());
                    let last = s.points.last().copied();
                    html! {
                        <g data-testid="param-sweep-series" data-threads={s.threads.to_string()}>
                            <path d={d} fill="none" stroke={color} stroke-width="2" />
                            { for s.points.iter().map(|&(x, y, v, ms)| html! {
                                <g data-testid="param-sweep-point" data-param={param.clone()} data-value={v.to_string()}
                                    data-threads={s.threads.to_string()} data-ms={ms.to_string()}>
                                    <circle cx={x.to_string()} cy={y.to_string()} r="3.5" fill={color} />
                                    <title>{ format!("{} {}, {} {}: {}", s.threads, tr(lang, "app.threads"), param, fmt_value(v), fmt_ms(ms)) }</title>
                                </g>
                            }) }
                            if let Some((x, y, _, _)) = last {
                                <text x={(x - 4.0).to_string()} y={(y - 8.0).to_string()} text-anchor="end" fill={color}>
                                    { format!("{} {}", s.threads, tr(lang, "app.threads")) }
                                </text>
                            }
                        </g>
                    }
                }) }
            </svg>
        </div>
    }
}
