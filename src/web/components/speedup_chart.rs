//! Speedup vs threads: measured points (best of each thread count) with
//! whiskers down to the slowest run, the ideal line, the fitted Amdahl curve
//! and efficiency labels.

use crate::engine::metrics::SweepStats;
use crate::i18n::{fill, tr, Lang};
use crate::view::speedup::{layout_stats, polyline};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The run's sweep, per thread count.
    pub stats: SweepStats,
}

#[function_component(SpeedupChart)]
pub fn speedup_chart(p: &Props) -> Html {
    let (lang, stats) = (p.lang, &p.stats);
    let l = layout_stats(stats, 420.0, 240.0);
    let (x1, y1, x2, y2) = l.ideal;
    let path: String = polyline(&l.points.iter().map(|q| (q.x, q.y)).collect::<Vec<_>>());
    let amdahl = polyline(&l.amdahl);
    let f_text = stats.serial_fraction.map(|f| fill(tr(lang, "app.amdahl"), &[("f", &format!("{f:.3}"))]));
    html! {
        <div class="card chart">
            <h3>{ tr(lang, "app.speedup") }</h3>
            <svg data-testid="speedup-chart" viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup" role="img"
                aria-label={tr(lang, "app.speedup").to_owned()}>
                { for l.y_ticks.iter().map(|(y, v)| html! { <g class="tick">
                    <line x1={l.ml.to_string()} x2={(l.w - 48.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    <text x={(l.ml - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ format!("{v}×") }</text>
                </g> }) }
                { for l.x_ticks.iter().map(|(x, t)| html! {
                    <text class="tick" x={x.to_string()} y={(l.h - l.mb + 16.0).to_string()} text-anchor="middle">{ t.to_string() }</text>
                }) }
                <text class="axis-label" x={(l.w - 12.0).to_string()} y={(l.h - 2.0).to_string()} text-anchor="end">{ tr(lang, "app.threads") }</text>
                <line class="ideal" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                <text class="ideal-label" x={(x1 + 0.6 * (x2 - x1)).to_string()} y={(y1 + 0.6 * (y2 - y1) + 16.0).to_string()} text-anchor="start">{ tr(lang, "app.ideal") }</text>
                if let Some(t) = f_text.clone() {
                    // Presentation attributes, not CSS: the chart stays self-contained.
                    <path data-testid="amdahl-curve" data-serial-fraction={stats.serial_fraction.unwrap_or(0.0).to_string()}
                        d={amdahl} fill="none" stroke="#D55E00" stroke-width="1.5" stroke-dasharray="2 3">
                        <title>{ t }</title>
                    </path>
                }
                { for l.whiskers.iter().map(|&(x, lo, hi)| html! {
                    <g data-testid="speedup-whisker" stroke="#0072B2" stroke-width="1.2">
                        <line x1={x.to_string()} x2={x.to_string()} y1={lo.to_string()} y2={hi.to_string()} />
                        <line x1={(x - 4.0).to_string()} x2={(x + 4.0).to_string()} y1={lo.to_string()} y2={lo.to_string()} />
                        <title>{ tr(lang, "app.spread") }</title>
                    </g>
                }) }
                <path class="measured" d={path} />
                { for l.points.iter().map(|q| html! {
                    <g data-testid="speedup-point" data-threads={q.p.threads.to_string()} data-speedup={q.p.speedup.to_string()}>
                        <circle cx={q.x.to_string()} cy={q.y.to_string()} r="4" />
                        <text x={q.x.to_string()} y={(q.y - 10.0).to_string()} text-anchor="middle">
                            { format!("{:.2}× · {:.0}%", q.p.speedup, q.p.efficiency * 100.0) }
                        </text>
                        <title>{ format!("{} {}: {:.1} ms, {:.2}×, {} {:.0}%", q.p.threads, tr(lang, "app.threads"), q.p.ms, q.p.speedup, tr(lang, "app.efficiency"), q.p.efficiency * 100.0) }</title>
                    </g>
                }) }
            </svg>
            if let Some(t) = f_text {
                <p class="chart-note">{ t }{ " · " }{ tr(lang, "app.spread") }</p>
            }
        </div>
    }
}
