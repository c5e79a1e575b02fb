//! The run's numbers. Each value carries `data-testid` and a machine-readable
//! `data-value` (listed in the README) for tests and embedding pages.

use crate::engine::metrics::Summary;
use crate::engine::trace::Trace;
use crate::i18n::{tr, Lang};
use crate::scenarios::Kind;
use crate::state::AppState;
use crate::view::axis::{fmt_ms, fmt_num};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<AppState>,
}

struct Num {
    id: String,
    key: String,
    value: f64,
    text: String,
}

fn num(id: &str, key: &str, value: f64, text: String) -> Num {
    Num { id: id.to_owned(), key: key.to_owned(), value, text }
}

fn async_numbers(s: &Summary, t: &Trace) -> Vec<Num> {
    let mut v = result_numbers(t);
    // A lesson that reports its own `makespan_ms` shows one run among several
    // it made (the chooser: the run the timeline shows). The generic numbers
    // are over the whole trace, so they would not describe that run: its own
    // results are all that applies.
    if t.meta.results.contains_key("makespan_ms") {
        return v;
    }
    let generic = [
        num("makespan-ms", "num.makespan", s.makespan_ms, fmt_ms(s.makespan_ms)),
        num("throughput", "num.throughput", s.throughput_per_s, fmt_num(s.throughput_per_s, 1)),
        num("max-in-flight", "num.max_in_flight", s.max_in_flight as f64, s.max_in_flight.to_string()),
        num("tasks-done", "num.done", s.done as f64, s.done.to_string()),
        num("tasks-failed", "num.failed", s.failed as f64, s.failed.to_string()),
    ];
    // A lesson's own result with a generic test id (e.g. `tasks_done`) wins: test ids stay unique.
    for g in generic {
        if !v.iter().any(|n| n.id == g.id) {
            v.push(g);
        }
    }
    if let Some(l) = s.latency {
        v.push(num("p50-ms", "num.p50", l.p50, fmt_ms(l.p50)));
        v.push(num("p95-ms", "num.p95", l.p95, fmt_ms(l.p95)));
        v.push(num("p99-ms", "num.p99", l.p99, fmt_ms(l.p99)));
    }
    v
}

/// A scenario's own results (`meta.results`): test id `<key>` with `-` for
/// `_`, label `num.<key>`; `_ms` keys are durations, `_x` keys ratios.
fn result_numbers(t: &Trace) -> Vec<Num> {
    t.meta
        .results
        .iter()
        .map(|(k, &v)| {
            let text = if k.ends_with("_ms") {
                fmt_ms(v)
            } else if k.ends_with("_x") {
                format!("{v:.2}×")
            } else {
                // Up to 6 decimals, without trailing zeros (1.57, not 1.570000).
                let s = fmt_num(v, if v.fract() == 0.0 { 0 } else { 6 });
                if s.contains('.') {
                    s.trim_end_matches('0').trim_end_matches('.').to_owned()
                } else {
                    s
                }
            };
            Num { id: k.replace('_', "-"), key: format!("num.{k}"), value: v, text }
        })
        .collect()
}

fn cpu_numbers(s: &Summary, t: &Trace) -> Vec<Num> {
    let mut v = result_numbers(t);
    for p in s.speedup.iter().filter(|p| p.threads <= 2) {
        let (id, key) = if p.threads == 1 { ("t1-ms", "num.t1") } else { ("t2-ms", "num.t2") };
        v.push(num(id, key, p.ms, fmt_ms(p.ms)));
    }
    if let Some(best) = s.speedup.iter().max_by(|a, b| a.speedup.total_cmp(&b.speedup)) {
        v.push(num("speedup-max", "num.speedup_max", best.speedup, format!("{:.2}×", best.speedup)));
    }
    // The best pool size (fastest best time, fewer threads on a tie) and its efficiency.
    if let Some(best) = s.stats.best_threads.and_then(|b| s.stats.rows.iter().find(|r| r.threads == b)) {
        v.push(num("best-threads", "num.best_threads", best.threads as f64, best.threads.to_string()));
        v.push(num("efficiency-max", "num.efficiency_max", best.efficiency, format!("{:.0}%", best.efficiency * 100.0)));
    }
    if let Some(f) = s.stats.serial_fraction {
        v.push(num("serial-fraction", "num.serial_fraction", f, format!("{f:.3}")));
    }
    if let Some(n) = t.meta.pool_threads {
        v.push(num("pool-threads", "num.pool_threads", n as f64, n.to_string()));
    }
    v.push(num("makespan-ms", "num.makespan", s.makespan_ms, fmt_ms(s.makespan_ms)));
    v
}

fn render(lang: Lang, nums: Vec<Num>) -> Html {
    html! {
        <dl class="numbers">
            { for nums.into_iter().map(|n| html! {
                <div class="number">
                    <dt>{ tr(lang, &n.key) }</dt>
                    <dd data-testid={n.id} data-value={n.value.to_string()}>{ n.text }</dd>
                </div>
            }) }
        </dl>
    }
}

#[function_component(SummaryView)]
pub fn summary_view(p: &Props) -> Html {
    let s = &p.state;
    let body = match (&s.summary, &s.trace) {
        (Some(sum), Some(t)) => match s.scenario().kind {
            Kind::Async => render(s.lang, async_numbers(sum, t)),
            // Steps are not timed: only the schedule's own numbers.
            Kind::Model => render(s.lang, result_numbers(t)),
            Kind::Cpu => render(s.lang, cpu_numbers(sum, t)),
        },
        _ => html! { <p class="empty">{ tr(s.lang, if s.is_running() { "app.status.running" } else { "app.no_numbers" }) }</p> },
    };
    html! { <div class="card summary" data-testid="summary" aria-live="polite"><h3>{ tr(s.lang, "app.numbers") }</h3>{ body }</div> }
}
