//! The run's numbers as the summary shows them: each a test id, a label (a key
//! of the text table), a machine-readable value and its text. A pure function
//! of the lesson and its run; `web::components::summary` only paints it.
//!
//! Which of the generic numbers (`scenarios::extras::Generic`) apply, and
//! under which label, is the lesson's to say (`Extra::Numbers`): the thread
//! pool's lanes are its threads, so "done" would count threads beside its own
//! "jobs done"; the chooser's timeline is one run among the many it made.

use crate::engine::metrics::Summary;
use crate::engine::trace::Trace;
use crate::scenarios::extras::{self, Generic};
use crate::scenarios::{Kind, Scenario};
use crate::view::axis::{fmt_ms, fmt_num};

#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    /// `data-testid`: a lesson's own result `<key>` with `-` for `_`, or a generic id.
    pub id: String,
    /// The label's key in the text table.
    pub key: String,
    pub value: f64,
    pub text: String,
}

fn num(id: &str, key: &str, value: f64, text: String) -> Num {
    Num { id: id.to_owned(), key: key.to_owned(), value, text }
}

/// What the summary shows for `scn`'s run `t` (summarised as `s`).
pub fn numbers(scn: &Scenario, s: &Summary, t: &Trace) -> Vec<Num> {
    match scn.kind() {
        Kind::Async => async_numbers(scn, s, t),
        // Steps are not timed: only the schedule's own numbers.
        Kind::Model => result_numbers(t),
        Kind::Cpu => cpu_numbers(s, t),
    }
}

/// The number a finished run `t` shows under `testid` (what a preset points
/// at), found as the summary finds it: `None` if its lesson does not show it.
pub fn shown(t: &Trace, testid: &str) -> Option<Num> {
    let scn = crate::scenarios::find(&t.meta.scenario)?;
    numbers(scn, &crate::engine::metrics::summarize(t), t).into_iter().find(|n| n.id == testid)
}

/// The generic numbers `which` stands for, under the generic labels.
fn generic(which: Generic, s: &Summary) -> Vec<Num> {
    match which {
        Generic::Makespan => vec![num("makespan-ms", "num.makespan", s.makespan_ms, fmt_ms(s.makespan_ms))],
        Generic::Throughput => vec![num("throughput", "num.throughput", s.throughput_per_s, fmt_num(s.throughput_per_s, 1))],
        Generic::MaxInFlight => vec![num("max-in-flight", "num.max_in_flight", s.max_in_flight as f64, s.max_in_flight.to_string())],
        Generic::Done => vec![num("tasks-done", "num.done", s.done as f64, s.done.to_string())],
        Generic::Failed => vec![num("tasks-failed", "num.failed", s.failed as f64, s.failed.to_string())],
        Generic::Latency => s
            .latency
            .map(|l| {
                vec![
                    num("p50-ms", "num.p50", l.p50, fmt_ms(l.p50)),
                    num("p95-ms", "num.p95", l.p95, fmt_ms(l.p95)),
                    num("p99-ms", "num.p99", l.p99, fmt_ms(l.p99)),
                ]
            })
            .unwrap_or_default(),
    }
}

fn async_numbers(scn: &Scenario, s: &Summary, t: &Trace) -> Vec<Num> {
    let mut v = result_numbers(t);
    for shown in extras::numbers(scn.extras) {
        for mut g in generic(shown.number, s) {
            // A lesson's own result with a generic test id (e.g. `tasks_done`) wins: test ids stay unique.
            if v.iter().any(|n| n.id == g.id) {
                continue;
            }
            if let Some(label) = shown.label {
                label.clone_into(&mut g.key);
            }
            v.push(g);
        }
    }
    v
}

/// A scenario's own results (`meta.results`): test id `<key>` with `-` for
/// `_`, label `num.<key>`; `_ms` keys are durations, `_x` keys ratios.
pub fn result_numbers(t: &Trace) -> Vec<Num> {
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
