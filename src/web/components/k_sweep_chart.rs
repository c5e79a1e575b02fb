//! Makespan vs K for the crawler: every K replayed on the virtual clock with
//! the same requests (instant), and the real run's measured makespan beside
//! its simulated twin, so the gap is the browser's own overhead.

use crate::i18n::tr;
use crate::scenarios::crawler;
use crate::state::AppState;
use crate::view::axis::fmt_ms;
use crate::view::k_sweep::layout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<AppState>,
}

#[function_component(KSweepChart)]
pub fn k_sweep_chart(p: &Props) -> Html {
    let lang = p.state.lang;
    // Only for the run on screen: its parameters, not what the form says now.
    let run_params = p.state.trace.as_ref().map(|t| t.meta.params.clone());
    let sweep = use_memo(run_params.clone(), |raw| {
        raw.as_ref().and_then(|r| crawler::SCENARIO.validate(r).ok()).map(|ps| crawler::k_sweep(&ps)).unwrap_or_default()
    });
    if sweep.is_empty() {
        return html! {};
    }
    let k_run = run_params.as_ref().and_then(|r| r.get("k")).and_then(|k| k.parse::<u32>().ok()).unwrap_or(1);
    // A run on the virtual clock is its own simulated twin: nothing measured to show.
    let real = p.state.trace.as_ref().is_some_and(|t| t.meta.clock != crate::engine::trace::ClockKind::Virtual);
    let measured = p.state.summary.as_ref().filter(|_| real).map(|s| (k_run, s.makespan_ms));
    let l = layout(&sweep, measured, 460.0, 240.0);
    let path: String =
        l.points.iter().enumerate().map(|(i, q)| format!("{}{:.1} {:.1}", if i == 0 { "M" } else { " L" }, q.0, q.1)).collect();
    html! {
        <div class="card chart">
            <h3>{ tr(lang, "app.k_sweep") }</h3>
            <p class="chart-note">{ tr(lang, "app.k_sweep_note") }</p>
            <svg data-testid="k-sweep-chart" viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup" role="img"
                aria-label={tr(lang, "app.k_sweep").to_owned()}>
                { for l.y_ticks.iter().map(|(y, v)| html! { <g class="tick">
                    <line x1={l.ml.to_string()} x2={(l.w - 20.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    <text x={(l.ml - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ fmt_ms(*v) }</text>
                </g> }) }
                { for l.x_ticks.iter().map(|(x, k)| html! {
                    <text class="tick" x={x.to_string()} y={(l.h - l.mb + 16.0).to_string()} text-anchor="middle">{ k.to_string() }</text>
                }) }
                <text class="axis-label" x={(l.w - 20.0).to_string()} y={(l.h - 2.0).to_string()} text-anchor="end">{ "K" }</text>
                <path class="measured" d={path} />
                { for l.points.iter().map(|&(x, y, k, ms)| html! {
                    <g data-testid="k-sweep-point" data-k={k.to_string()} data-ms={ms.to_string()}>
                        <circle cx={x.to_string()} cy={y.to_string()} r={if k == k_run { "5" } else { "3.5" }} />
                        <title>{ format!("K = {k}: {}", fmt_ms(ms)) }</title>
                    </g>
                }) }
                if let Some((x, y)) = l.measured {
                    <g class="real-run" data-testid="k-sweep-measured">
                        <rect x={(x - 5.0).to_string()} y={(y - 5.0).to_string()} width="10" height="10" />
                        <text x={(x + 9.0).to_string()} y={(y - 6.0).to_string()}>{ tr(lang, "app.measured") }</text>
                    </g>
                }
            </svg>
        </div>
    }
}
