//! The repeated thread sweep as a table: per thread count the runs, mean,
//! median, standard deviation, best time and speedup; the best pool size starred.

use crate::engine::metrics::SweepStats;
use crate::i18n::{tr, Lang};
use crate::view::axis::fmt_ms;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub stats: SweepStats,
    pub lang: Lang,
}

#[function_component(SweepStatsTable)]
pub fn sweep_stats_table(p: &Props) -> Html {
    let lang = p.lang;
    let head = [
        "app.stats.threads",
        "app.stats.runs",
        "app.stats.mean",
        "app.stats.median",
        "app.stats.stdev",
        "app.stats.best",
        "app.stats.speedup",
    ];
    html! {
        <div class="card chart">
            <h3>{ tr(lang, "app.sweep_stats") }</h3>
            <table class="sweep-stats" data-testid="sweep-stats" data-best-threads={p.stats.best_threads.unwrap_or(0).to_string()}>
                <thead><tr>{ for head.iter().map(|k| html! { <th>{ tr(lang, k) }</th> }) }</tr></thead>
                <tbody>
                { for p.stats.rows.iter().map(|r| {
                    let star = if p.stats.best_threads == Some(r.threads) { " ★" } else { "" };
                    html! {
                        <tr data-testid={format!("sweep-row-{}", r.threads)} data-threads={r.threads.to_string()}
                            data-runs={r.n.to_string()} data-mean={r.mean.to_string()} data-median={r.median.to_string()}
                            data-stdev={r.stdev.to_string()} data-best={r.best.to_string()} data-speedup={r.speedup.to_string()}>
                            <td>{ format!("{}{star}", r.threads) }</td>
                            <td>{ r.n.to_string() }</td>
                            <td>{ fmt_ms(r.mean) }</td>
                            <td>{ fmt_ms(r.median) }</td>
                            <td>{ fmt_ms(r.stdev) }</td>
                            <td>{ fmt_ms(r.best) }</td>
                            <td>{ format!("{:.2}× · {:.0}%", r.speedup, r.efficiency * 100.0) }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <p class="chart-note">{ tr(lang, "app.stats.note") }</p>
        </div>
    }
}
