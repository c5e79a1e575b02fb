//! The searches for a failing schedule: exhaustive, preemption-bounded and
//! PCT, run a slice (about 8 ms) per timer tick so the page stays responsive,
//! stoppable between slices. A found schedule is handed to `on_found`, which
//! loads it into the stepping view and the link.

use crate::i18n::{fill, tr, Lang};
use crate::interleave::codec;
use crate::interleave::models;
use crate::interleave::pct::Pct;
use crate::interleave::search::{Dfs, Progress, Search, Stats};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Longest a slice may run before yielding to the page, ms.
const SLICE_MS: f64 = 8.0;
/// Steps between clock reads inside a slice.
const CHUNK: u64 = 256;
/// PCT gives up after this many runs.
const PCT_RUNS: u64 = 100_000;
const BOUND: usize = 3;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub model: &'static str,
    pub on_found: Callback<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Exhaustive,
    Bounded,
    Pct,
}

impl Which {
    fn as_str(self) -> &'static str {
        match self {
            Which::Exhaustive => "exhaustive",
            Which::Bounded => "bounded",
            Which::Pct => "pct",
        }
    }
}

#[derive(Clone, PartialEq)]
struct Status {
    which: Which,
    /// `running`, `found`, `verified`, `none`, `stopped`
    state: &'static str,
    stats: Stats,
    ms: f64,
    preemptions: usize,
    /// PCT: runs so far.
    runs: u64,
}

struct Job {
    search: Box<dyn Search>,
    which: Which,
    ms: f64,
    stop: bool,
    generation: u32,
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn status_of(job: &Job, state: &'static str, pre: usize) -> Status {
    let stats = job.search.stats();
    let runs = if job.which == Which::Pct { stats.schedules } else { 0 };
    Status { which: job.which, state, stats, ms: job.ms, preemptions: pre, runs }
}

/// Runs one slice of the job, reports, and schedules the next slice.
fn slice(job: Rc<RefCell<Option<Job>>>, generation: u32, status: UseStateHandle<Option<Status>>, on_found: Callback<String>) {
    let mut guard = job.borrow_mut();
    let Some(j) = guard.as_mut().filter(|j| j.generation == generation) else { return };
    let t0 = now();
    let mut progress = Progress::Running;
    while !j.stop && progress == Progress::Running && now() - t0 < SLICE_MS {
        progress = j.search.run(CHUNK);
    }
    j.ms += now() - t0;
    let st = match &progress {
        _ if j.stop => status_of(j, "stopped", 0),
        Progress::Running => status_of(j, "running", 0),
        Progress::Found(f) => {
            on_found.emit(codec::encode(&f.schedule));
            status_of(j, "found", f.preemptions)
        }
        Progress::NotFound if j.which == Which::Exhaustive => status_of(j, "verified", 0),
        Progress::NotFound => status_of(j, "none", 0),
    };
    let again = st.state == "running";
    status.set(Some(st));
    drop(guard);
    if again {
        Timeout::new(0, move || slice(job, generation, status, on_found)).forget();
    }
}

#[function_component(InterleaveSearch)]
pub fn interleave_search(p: &Props) -> Html {
    let lang = p.lang;
    let job = use_mut_ref(|| None::<Job>);
    let status = use_state(|| None::<Status>);
    let depth = use_state(|| 2usize);
    let seed = use_mut_ref(|| 0u64);
    // A new model: forget the old search.
    {
        let (job, status) = (job.clone(), status.clone());
        use_effect_with(p.model, move |_| {
            if let Some(j) = job.borrow_mut().as_mut() {
                j.stop = true;
                j.generation += 1;
            }
            status.set(None);
        });
    }
    let start = |which: Which| {
        let (job, status, on_found, model, depth, seed) = (job.clone(), status.clone(), p.on_found.clone(), p.model, *depth, seed.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(m) = models::by_id(model) else { return };
            let search: Box<dyn Search> = match which {
                Which::Exhaustive => Box::new(Dfs::exhaustive(m)),
                Which::Bounded => Box::new(Dfs::bounded(m, BOUND)),
                Which::Pct => {
                    *seed.borrow_mut() += 1;
                    Box::new(Pct::new(m, depth, *seed.borrow(), PCT_RUNS))
                }
            };
            let generation = job.borrow().as_ref().map_or(0, |j| j.generation + 1);
            *job.borrow_mut() = Some(Job { search, which, ms: 0.0, stop: false, generation });
            slice(job.clone(), generation, status.clone(), on_found.clone());
        })
    };
    let on_stop = {
        let job = job.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(j) = job.borrow_mut().as_mut() {
                j.stop = true;
            }
        })
    };
    let on_depth = {
        let depth = depth.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            depth.set(v.parse().unwrap_or(2));
        })
    };
    let running = status.as_ref().is_some_and(|s| s.state == "running");
    let pct_bound = models::by_id(p.model).map(|m| {
        let pct = Pct::new(m.clone(), *depth, 0, 1);
        let n = m.threads.len().to_string();
        let k = pct.k().to_string();
        let d = depth.to_string();
        let dm1 = (*depth - 1).to_string();
        let prob = format!("{:.4}", pct.probability_bound());
        fill(tr(lang, "il.search.pct_bound"), &[("d", &d), ("n", &n), ("k", &k), ("dm1", &dm1), ("p", &prob)])
    });
    html! {
        <div class="il-search" data-testid="il-search">
            <h4>{ tr(lang, "il.search") }</h4>
            <div class="il-search-buttons">
                <button data-testid="il-search-exhaustive" onclick={start(Which::Exhaustive)} disabled={running}>{ tr(lang, "il.search.exhaustive") }</button>
                <button data-testid="il-search-bounded" onclick={start(Which::Bounded)} disabled={running}>{ tr(lang, "il.search.bounded") }</button>
                <button data-testid="il-search-pct" onclick={start(Which::Pct)} disabled={running}>{ tr(lang, "il.search.pct") }</button>
                <select data-testid="il-pct-depth" onchange={on_depth} disabled={running} aria-label="PCT depth">
                    { for (1..=3).map(|d| html! { <option value={d.to_string()} selected={*depth == d}>{ format!("d = {d}") }</option> }) }
                </select>
                <button data-testid="il-search-stop" onclick={on_stop} disabled={!running}>{ tr(lang, "il.search.stop") }</button>
            </div>
            <p class="hint" data-testid="il-pct-bound">{ pct_bound.unwrap_or_default() }</p>
            if let Some(s) = status.as_ref() {
                { status_line(lang, s) }
            }
        </div>
    }
}

fn status_line(lang: Lang, s: &Status) -> Html {
    let ms = format!("{:.1}", s.ms);
    let states = s.stats.states.to_string();
    let text = match s.state {
        "running" => fill(tr(lang, "il.search.running"), &[("states", &states), ("steps", &s.stats.steps.to_string()), ("ms", &ms)]),
        "stopped" => fill(tr(lang, "il.search.stopped"), &[("states", &states), ("ms", &ms)]),
        "found" => fill(tr(lang, "il.search.found"), &[("pre", &s.preemptions.to_string()), ("states", &states), ("ms", &ms)]),
        "verified" => fill(tr(lang, "il.search.verified"), &[("states", &states), ("ms", &ms)]),
        _ if s.which == Which::Pct => fill(tr(lang, "il.search.none_pct"), &[("runs", &s.runs.to_string()), ("ms", &ms)]),
        _ => fill(tr(lang, "il.search.none_bounded"), &[("bound", &BOUND.to_string()), ("states", &states), ("ms", &ms)]),
    };
    let per_s = if s.ms > 0.0 { (s.stats.states as f64 / (s.ms / 1000.0)).round() } else { 0.0 };
    html! {
        <p class={classes!("il-status", s.state)} data-testid="il-search-status" data-kind={s.which.as_str()} data-state={s.state}
            data-states={states.clone()} data-steps={s.stats.steps.to_string()} data-ms={ms.clone()}
            data-preemptions={s.preemptions.to_string()} data-runs={s.runs.to_string()} data-per-second={per_s.to_string()}>
            { text }
        </p>
    }
}
