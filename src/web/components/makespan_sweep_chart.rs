//! Makespan against one of the lesson's parameters (the crawler's K, the thread
//! pool's threads), for any lesson that declares a
//! [`crate::scenarios::extras::MakespanSweep`]: every value replayed on the
//! virtual clock with the same work (instant, exact), and a real-clock run's
//! measured point beside its simulated twin, so the gap is the browser's own
//! overhead. Takes what it draws; the app computes the sweep for the run on screen.

use crate::i18n::{fmt_ms, tr, Lang};
use crate::view::makespan_sweep::layout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// (value, simulated makespan ms), sorted by value.
    pub points: std::rc::Rc<Vec<(u32, f64)>>,
    /// The run's own value of the parameter.
    pub run_value: u32,
    /// The run's measured makespan, on a real clock only.
    pub measured: Option<f64>,
    pub param: &'static str,
    /// Text keys: title, note, and the x axis's label.
    pub title: &'static str,
    pub note: &'static str,
    pub axis: &'static str,
    pub lang: Lang,
}

#[function_component(MakespanSweepChart)]
pub fn makespan_sweep_chart(p: &Props) -> Html {
    if p.points.is_empty() {
        return html! {};
    }
    let lang = p.lang;
    let axis = tr(lang, p.axis);
    let l = layout(&p.points, p.measured.map(|ms| (p.run_value, ms)), 460.0, 240.0);
    let path: String =
        l.points.iter().enumerate().map(|(i, q)| format!("{}{:.1} {:.1}", if i == 0 { "M" } else { " L" }, q.0, q.1)).collect();
    html! {
        <div class="card chart">
            <h3>{ tr(lang, p.title) }</h3>
            <p class="chart-note">{ tr(lang, p.note) }</p>
            <svg data-testid="makespan-sweep-chart" data-param={p.param} viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup"
                role="img" aria-label={tr(lang, p.title).to_owned()}>
                { for l.y_ticks.iter().map(|(y, v)| html! { <g class="tick">
                    <line x1={l.ml.to_string()} x2={(l.w - 20.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    <text x={(l.ml - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ fmt_ms(*v) }</text>
                </g> }) }
                { for l.x_ticks.iter().map(|(x, v)| html! {
                    <text class="tick" x={x.to_string()} y={(l.h - l.mb + 16.0).to_string()} text-anchor="middle">{ v.to_string() }</text>
                }) }
                <text class="axis-label" x={(l.w - 20.0).to_string()} y={(l.h - 2.0).to_string()} text-anchor="end">{ axis }</text>
                <path class="measured" d={path} />
                { for l.points.iter().map(|&(x, y, v, ms)| html! {
                    <g data-testid="makespan-sweep-point" data-value={v.to_string()} data-ms={ms.to_string()}>
                        <circle cx={x.to_string()} cy={y.to_string()} r={if v == p.run_value { "5" } else { "3.5" }} />
                        <title>{ format!("{axis} = {v}: {}", fmt_ms(ms)) }</title>
                    </g>
                }) }
                if let Some((x, y)) = l.measured {
                    <g class="real-run" data-testid="makespan-sweep-measured">
                        <rect x={(x - 5.0).to_string()} y={(y - 5.0).to_string()} width="10" height="10" />
                        <text x={(x + 9.0).to_string()} y={(y - 6.0).to_string()}>{ tr(lang, "app.measured") }</text>
                    </g>
                }
            </svg>
        </div>
    }
}
