//! Pool time vs threads for the threadpool lesson: every pool size replayed on
//! the virtual clock with the same jobs (instant), and the run's measured pool
//! time beside its simulated twin. Laid out like the crawler's makespan-vs-K
//! chart ([`crate::view::k_sweep::layout`]), with threads on the x axis.

use crate::engine::trace::ClockKind;
use crate::i18n::tr;
use crate::scenarios::threadpool;
use crate::state::AppState;
use crate::view::axis::fmt_ms;
use crate::view::k_sweep::layout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<AppState>,
}

#[function_component(WorkersSweepChart)]
pub fn workers_sweep_chart(p: &Props) -> Html {
    let lang = p.state.lang;
    // Only for the run on screen: its parameters, not what the form says now.
    let trace = p.state.trace.as_ref().filter(|t| t.meta.scenario == threadpool::SCENARIO.id);
    let run_params = trace.map(|t| t.meta.params.clone());
    let sweep = use_memo(run_params.clone(), |raw| {
        raw.as_ref().and_then(|r| threadpool::SCENARIO.validate(r).ok()).map(|ps| threadpool::workers_sweep(&ps)).unwrap_or_default()
    });
    if sweep.is_empty() {
        return html! {};
    }
    let w_run = run_params.as_ref().and_then(|r| r.get("workers")).and_then(|k| k.parse::<u32>().ok()).unwrap_or(1);
    // A run on the virtual clock is its own simulated twin: nothing measured to show.
    let measured = trace
        .filter(|t| t.meta.clock != ClockKind::Virtual && !t.meta.stopped)
        .and_then(|t| t.meta.results.get("pool_ms").copied())
        .map(|ms| (w_run, ms));
    let l = layout(&sweep, measured, 460.0, 240.0);
    let path: String =
        l.points.iter().enumerate().map(|(i, q)| format!("{}{:.1} {:.1}", if i == 0 { "M" } else { " L" }, q.0, q.1)).collect();
    html! {
        <div class="card chart">
            <h3>{ tr(lang, "app.workers_sweep") }</h3>
            <p class="chart-note">{ tr(lang, "app.workers_sweep_note") }</p>
            <svg data-testid="workers-sweep-chart" viewBox={format!("0 0 {} {}", l.w, l.h)} class="speedup" role="img"
                aria-label={tr(lang, "app.workers_sweep").to_owned()}>
                { for l.y_ticks.iter().map(|(y, v)| html! { <g class="tick">
                    <line x1={l.ml.to_string()} x2={(l.w - 20.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    <text x={(l.ml - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ fmt_ms(*v) }</text>
                </g> }) }
                { for l.x_ticks.iter().map(|(x, w)| html! {
                    <text class="tick" x={x.to_string()} y={(l.h - l.mb + 16.0).to_string()} text-anchor="middle">{ w.to_string() }</text>
                }) }
                <text class="axis-label" x={(l.w - 20.0).to_string()} y={(l.h - 2.0).to_string()} text-anchor="end">{ tr(lang, "app.threads_axis") }</text>
                <path class="measured" d={path} />
                { for l.points.iter().map(|&(x, y, w, ms)| html! {
                    <g data-testid="workers-sweep-point" data-workers={w.to_string()} data-ms={ms.to_string()}>
                        <circle cx={x.to_string()} cy={y.to_string()} r={if w == w_run { "5" } else { "3.5" }} />
                        <title>{ format!("{w} {}: {}", tr(lang, "app.threads_axis"), fmt_ms(ms)) }</title>
                    </g>
                }) }
                if let Some((x, y)) = l.measured {
                    <g class="real-run" data-testid="workers-sweep-measured">
                        <rect x={(x - 5.0).to_string()} y={(y - 5.0).to_string()} width="10" height="10" />
                        <text x={(x + 9.0).to_string()} y={(y - 6.0).to_string()}>{ tr(lang, "app.measured") }</text>
                    </g>
                }
            </svg>
        </div>
    }
}
