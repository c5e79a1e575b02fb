//! Async engine benchmark (figures, not tests):
//! 1. trace events per second: the crawler lesson (10,000 requests, K = 100)
//!    on the virtual clock, counting spans + instant events + track samples;
//!    the same crawl with a counting recorder (`run_virtual_numbers`: no
//!    trace kept, as the K sweep runs it), and the crawler's K sweep at its
//!    largest size (n = 2,000, 12 runs);
//! 2. 10,000 tasks through a semaphore (K = 100, zero latency: each task takes a
//!    permit and yields once) in our engine, with tracing on, next to the same
//!    program in CPython's asyncio (`python/bench_semaphore.py`), as a ratio.
//!
//!     cargo run --release --example engine_bench        # prints JSON
//!
//! Each figure is the best of 5 runs (CPython's too); `ENGINE_BENCH_RUNS=N`
//! takes the best of N instead: on a machine shared with other work the best
//! of many runs is the closest to what a quiet machine measures.

use concurrency_playground::engine::primitives::TracedSemaphore;
use concurrency_playground::engine::recorder::Recorder;
use concurrency_playground::engine::runtime::Runtime;
use concurrency_playground::engine::trace::{LaneKind, Outcome, State};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::scenarios::virtual_run::run_virtual_numbers;
use concurrency_playground::scenarios::{crawler, run_virtual};
use futures::future::join_all;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Instant;

/// `await asyncio.sleep(0)`: gives the other ready tasks a turn.
struct YieldNow(bool);
impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..runs {
        let t0 = Instant::now();
        let v = f();
        best = best.min(t0.elapsed().as_secs_f64() * 1000.0);
        out = Some(v);
    }
    (best, out.expect("runs >= 1"))
}

fn semaphore_tasks(n: u32, k: usize) -> usize {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let sem = TracedSemaphore::new("semaphore", k, rec.clone(), rt.clone());
    let tasks = (0..n).map(|i| {
        let (rec, sem, rt) = (rec.clone(), sem.clone(), rt.clone());
        let lane = rec.lane(format!("task {i}"), LaneKind::Task);
        async move {
            let _permit = sem.acquire(lane).await;
            rec.enter(lane, State::Running, None, rt.now());
            YieldNow(false).await;
            rec.finish_lane(lane, Outcome::Done, rt.now());
        }
    });
    vrt.block_on(join_all(tasks)).map_or(0, |v| v.len())
}

fn main() {
    let runs: usize = std::env::var("ENGINE_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).filter(|n| *n >= 1).unwrap_or(5);
    let raw: BTreeMap<String, String> = [("n", "10000"), ("k", "100"), ("latency", "uniform"), ("ms", "50"), ("seed", "1")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let (crawl_ms, trace) = best_of(runs, || run_virtual(&crawler::SCENARIO, &raw).expect("crawler runs"));
    let events = trace.spans.len() + trace.events.len() + trace.tracks.iter().map(|t| t.samples.len()).sum::<usize>();
    let (counting_ms, numbers) = best_of(runs, || run_virtual_numbers(&crawler::SCENARIO, &raw).expect("crawler runs"));
    assert_eq!(numbers.makespan_ms, trace.meta.makespan_ms);
    let mut sweep_raw = raw.clone();
    sweep_raw.insert("n".into(), crawler::K_SWEEP_MAX_N.to_string());
    let sweep_params = crawler::SCENARIO.validate(&sweep_raw).expect("valid");
    let (sweep_ms, sweep) = best_of(runs, || crawler::k_sweep(&sweep_params));
    // The same K values, each run recorded (as the sweep ran before the counting recorder).
    let (sweep_recorded_ms, _) = best_of(runs, || {
        sweep
            .iter()
            .map(|(k, _)| {
                let mut r = sweep_raw.clone();
                r.insert("k".into(), k.to_string());
                run_virtual(&crawler::SCENARIO, &r).expect("crawler runs").meta.makespan_ms
            })
            .collect::<Vec<_>>()
    });

    let (n, k) = (10_000u32, 100usize);
    let (ours_ms, done) = best_of(runs, || semaphore_tasks(n, k));
    assert_eq!(done, n as usize);
    let py = std::process::Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/python/bench_semaphore.py"))
        .args(["--n", &n.to_string(), "--k", &k.to_string(), "--repeat", &runs.to_string(), "--json"])
        .output();
    let py_ms = py
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| serde_json::from_slice::<serde_json::Value>(&o.stdout).ok())
        .and_then(|v| v["best_ms"].as_f64());
    let out = serde_json::json!({
        "runs": runs,
        "crawl_virtual_ms": crawl_ms,
        "crawl_trace_events": events,
        "trace_events_per_s": events as f64 / (crawl_ms / 1000.0),
        "crawl_counting_ms": counting_ms,
        "recorded_over_counting": crawl_ms / counting_ms,
        "k_sweep_ms": sweep_ms,
        "k_sweep_runs": sweep.len(),
        "k_sweep_recorded_ms": sweep_recorded_ms,
        "semaphore_tasks": n,
        "semaphore_k": k,
        "semaphore_engine_ms": ours_ms,
        "semaphore_cpython_ms": py_ms,
        "cpython_over_engine": py_ms.map(|p| p / ours_ms),
    });
    println!("{out}");
}
