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
    id: &'static str,
    key: &'static str,
    value: f64,
    text: String,
}

fn num(id: &'static str, key: &'static str, value: f64, text: String) -> Num {
    Num { id, key, value, text }
}

fn async_numbers(s: &Summary) -> Vec<Num> {
    let mut v = vec![
        num("makespan-ms", "num.makespan", s.makespan_ms, fmt_ms(s.makespan_ms)),
        num("throughput", "num.throughput", s.throughput_per_s, fmt_num(s.throughput_per_s, 1)),
        num("max-in-flight", "num.max_in_flight", s.max_in_flight as f64, s.max_in_flight.to_string()),
        num("tasks-done", "num.done", s.done as f64, s.done.to_string()),
        num("tasks-failed", "num.failed", s.failed as f64, s.failed.to_string()),
    ];
    if let Some(l) = s.latency {
        v.push(num("p50-ms", "num.p50", l.p50, fmt_ms(l.p50)));
        v.push(num("p95-ms", "num.p95", l.p95, fmt_ms(l.p95)));
        v.push(num("p99-ms", "num.p99", l.p99, fmt_ms(l.p99)));
    }
    v
}

fn cpu_numbers(s: &Summary, t: &Trace) -> Vec<Num> {
    let mut v = Vec::new();
    if let Some(f) = t.meta.results.get("primes_found") {
        v.push(num("primes-found", "num.primes_found", *f, fmt_num(*f, 0)));
    }
    for p in s.speedup.iter().filter(|p| p.threads <= 2) {
        let (id, key) = if p.threads == 1 { ("t1-ms", "num.t1") } else { ("t2-ms", "num.t2") };
        v.push(num(id, key, p.ms, fmt_ms(p.ms)));
    }
    if let Some(best) = s.speedup.iter().max_by(|a, b| a.speedup.total_cmp(&b.speedup)) {
        v.push(num("speedup-max", "num.speedup_max", best.speedup, format!("{:.2}×", best.speedup)));
        v.push(num("best-threads", "num.best_threads", best.threads as f64, best.threads.to_string()));
        v.push(num("efficiency-max", "num.efficiency_max", best.efficiency, format!("{:.0}%", best.efficiency * 100.0)));
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
                    <dt>{ tr(lang, n.key) }</dt>
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
            Kind::Async => render(s.lang, async_numbers(sum)),
            Kind::Cpu => render(s.lang, cpu_numbers(sum, t)),
        },
        _ => html! { <p class="empty">{ tr(s.lang, if s.is_running() { "app.status.running" } else { "app.no_numbers" }) }</p> },
    };
    html! { <div class="card summary" data-testid="summary"><h3>{ tr(s.lang, "app.numbers") }</h3>{ body }</div> }
}
