#![cfg(not(target_arch = "wasm32"))]
//! Blocking the loop and offloading to the pool on the virtual clock: timers due
//! during a block fire late by exactly the right amount, the lag track shows it,
//! offloading keeps lag at 0 (tests/fidelity.rs compares the blocking lesson with
//! CPython); the hybrid lesson processes every response once with the sequential answer.

use concurrency_playground::engine::metrics::{max_overlap, summarize};
use concurrency_playground::engine::primitives::lag::{with_monitor, LAG_TRACK};
use concurrency_playground::engine::recorder::{self, Recorder};
use concurrency_playground::engine::runtime::{offload, Runtime, Work};
use concurrency_playground::engine::trace::{ClockKind, Outcome, State, Trace};
use concurrency_playground::engine::virtual_clock::{VirtualRuntime, VIRTUAL_POOL_THREADS};
use concurrency_playground::scenarios::{blocking, hybrid, run_virtual};
use futures::future::{join, join_all};
use playground_fidelity::{raw_params as raw, run_engine};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Where a timer due at `d` fires when the loop is blocked during `[from, to)`.
fn fire(d: f64, from: f64, to: f64) -> f64 {
    if d > from && d < to {
        to
    } else {
        d
    }
}

/// Timers due at `deadlines` while one task blocks the loop from `at` for `ms`
/// (and a lag monitor ticks every 10 ms): (fire times by timer, firing order, trace).
fn blocked_timers(deadlines: &[f64], at: f64, ms: f64) -> (Vec<f64>, Vec<usize>, Trace) {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let order = Rc::new(RefCell::new(Vec::new()));
    let timers = deadlines.iter().enumerate().map(|(i, &d)| {
        let (rt, order) = (rt.clone(), order.clone());
        async move {
            rt.sleep(d).await;
            order.borrow_mut().push(i);
            rt.now()
        }
    });
    let blocker = {
        let rt = rt.clone();
        async move {
            rt.sleep(at).await;
            rt.block(ms);
        }
    };
    let fut = with_monitor(rt.clone(), rec.clone(), 10.0, join(blocker, join_all(timers)));
    let (((), fired), _) = vrt.block_on(fut).expect("no deadlock");
    let trace = Rc::try_unwrap(rec).ok().unwrap().finish(recorder::meta("test", BTreeMap::new(), ClockKind::Virtual), rt.now());
    let order = order.borrow().clone();
    (fired, order, trace)
}

#[test]
fn a_block_delays_every_timer_due_in_its_window_to_its_end() {
    for (at, ms) in [(45.0, 300.0), (3.0, 50.0), (123.0, 1000.0)] {
        let end = at + ms;
        let deadlines = [1.0, at + 1.0, at + 7.5, (at + end) / 2.0, end - 0.5, end + 0.5, end + 40.0, 2.0 * end + 3.0];
        let (fired, order, trace) = blocked_timers(&deadlines, at, ms);
        for (d, f) in deadlines.iter().zip(&fired) {
            assert!((f - fire(*d, at, end)).abs() < 1e-6, "block {at}+{ms}: timer due {d} fired at {f}");
        }
        // Late timers still fire in deadline order.
        assert_eq!(order, (0..deadlines.len()).collect::<Vec<_>>());
        // The lag monitor (10 ms ticks) wakes at the block's end, late by end - due.
        let due = (at / 10.0).floor() * 10.0 + 10.0;
        let lag = trace.track(LAG_TRACK).expect("lag track");
        assert!((lag.max() - (end - due)).abs() < 1e-6, "lag {} vs {}", lag.max(), end - due);
        let spike = lag.samples.iter().find(|s| s.value > 0.0).expect("a lag sample");
        assert!((spike.t_ms - end).abs() < 1e-6, "the spike is seen when the loop is free again");
        assert!(lag.samples.iter().filter(|s| s.t_ms > end + 1e-6).all(|s| s.value == 0.0), "lag back to 0 after");
    }
}

#[test]
fn offloaded_work_returns_its_value_queues_on_the_pool_and_never_lags() {
    let vrt = VirtualRuntime::with_pool(2);
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let jobs = (0..5u64).map(|i| {
        let rt = rt.clone();
        async move { offload(rt.as_ref(), 100.0, move || i * i).await.expect("virtual pool") }
    });
    let spin = {
        let rt = rt.clone();
        async move { rt.caps().offload(Work::Spin { ms: 30.0 }).await.expect("spin") }
    };
    let ((done, spun), lag) = vrt.block_on(with_monitor(rt.clone(), rec.clone(), 10.0, join(join_all(jobs), spin))).unwrap();
    assert_eq!(lag, 0.0, "the loop never waits for the pool");
    assert_eq!(done.iter().map(|d| d.value).collect::<Vec<_>>(), vec![0, 1, 4, 9, 16]);
    // Two workers: jobs 0,1 at 0; 2,3 at 100; 4 at 200; the spin after job 4 on worker 1.
    let starts: Vec<(usize, f64)> = done.iter().map(|d| (d.worker, d.start_ms)).collect();
    assert_eq!(starts, vec![(0, 0.0), (1, 0.0), (0, 100.0), (1, 100.0), (0, 200.0)]);
    assert!(done.iter().all(|d| d.end_ms - d.start_ms == 100.0));
    assert_eq!((spun.worker, spun.start_ms, spun.end_ms), (1, 200.0, 230.0));
    assert_eq!(rt.now(), 300.0);
}

fn lesson(pairs: &[(&str, &str)]) -> Trace {
    let t = run_virtual(&blocking::SCENARIO, &raw(pairs)).expect("blocking runs");
    t.validate().expect("valid trace");
    t
}

fn io_end(t: &Trace, name: &str) -> f64 {
    let lane = t.lanes.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("lane {name}"));
    t.lane_spans(lane.id).find(|s| s.state == State::Io).expect("request span").end_ms
}

#[test]
fn blocking_lesson_on_the_loop_makes_every_request_due_meanwhile_late() {
    for (n, every, ms, cpu) in [(10u32, 20.0, 100.0, 300.0), (7, 33.0, 61.0, 150.0), (12, 11.0, 250.0, 1000.0)] {
        let (ns, es, ls, cs) = (n.to_string(), every.to_string(), ms.to_string(), cpu.to_string());
        let t = lesson(&[("mode", "block"), ("n", &ns), ("every", &es), ("ms", &ls), ("cpu_ms", &cs)]);
        let (from, to) = (blocking::JOB_AT_MS, blocking::JOB_AT_MS + cpu);
        let mut late = 0;
        let mut worst: f64 = 0.0;
        for i in 0..n {
            let planned_start = i as f64 * every;
            let start = fire(planned_start, from, to);
            let end = fire(start + ms, from, to);
            assert!((io_end(&t, &format!("request {i}")) - end).abs() < 1e-6, "request {i}");
            let delay = end - (planned_start + ms);
            late += (delay > blocking::LATE_MS) as u32;
            worst = worst.max(delay);
        }
        let r = &t.meta.results;
        assert_eq!(r["requests_late"], late as f64);
        assert!((r["max_request_delay_ms"] - worst).abs() < 1e-6);
        assert_eq!(r["cpu_job_ms"], cpu);
        let lag_due = (from / 10.0).floor() * 10.0 + 10.0;
        assert!((r["max_loop_lag_ms"] - (to - lag_due)).abs() < 1e-6);
        assert_eq!(t.track(LAG_TRACK).unwrap().max(), r["max_loop_lag_ms"]);
        let job = t.lanes.iter().find(|l| l.name == "job 0").unwrap();
        let run = t.lane_spans(job.id).find(|s| s.state == State::Running).unwrap();
        assert_eq!((run.start_ms, run.end_ms), (from, to), "the job holds the loop");
        assert!(t.events.iter().any(|e| e.name == "loop_blocked" && e.t_ms == from));
    }
    // Defaults: every request is late.
    let t = lesson(&[]);
    assert_eq!(t.meta.results["requests_late"], 10.0);
    assert!(t.meta.results["max_loop_lag_ms"] > 100.0);
}

#[test]
fn blocking_lesson_offloaded_keeps_the_loop_on_time() {
    let t = lesson(&[("mode", "offload"), ("n", "10"), ("every", "20"), ("ms", "100"), ("cpu_ms", "300")]);
    let r = &t.meta.results;
    assert_eq!(r["max_loop_lag_ms"], 0.0);
    assert_eq!(t.track(LAG_TRACK).unwrap().max(), 0.0);
    assert_eq!((r["requests_late"], r["max_request_delay_ms"], r["cpu_job_ms"]), (0.0, 0.0, 300.0));
    for i in 0..10 {
        assert_eq!(io_end(&t, &format!("request {i}")), i as f64 * 20.0 + 100.0);
    }
    let worker = t.lanes.iter().find(|l| l.name.starts_with("worker ")).expect("a worker lane");
    let spans: Vec<_> = t.lane_spans(worker.id).collect();
    assert_eq!(spans.len(), 1);
    assert_eq!((spans[0].state, spans[0].start_ms, spans[0].end_ms), (State::Running, 45.0, 345.0));
    let job = t.lanes.iter().find(|l| l.name == "job 0").unwrap();
    assert!(t.lane_spans(job.id).all(|s| s.state != State::Running), "the job never runs on the loop");
    assert_eq!(t.meta.makespan_ms, 345.0);
}

/// tests/fidelity.rs compares the lesson with CPython (its `cpython` params:
/// tasks, outcomes, max in flight, makespan, lag and delay results); here what
/// the engine side of that comparison must be.
#[test]
fn cpython_params_count_fetches_in_flight_and_finish_every_task() {
    let t = run_engine(&blocking::SCENARIO).unwrap();
    assert_eq!(summarize(&t).max_in_flight, max_overlap(&t, State::Io));
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Done)));
}

#[test]
fn hybrid_processes_every_response_once_with_the_sequential_answer() {
    for (n, work, latency, seed) in [("12", "20000", "uniform", "1"), ("9", "5000", "longtail", "7"), ("1", "1000", "fixed", "3")] {
        let r = raw(&[("n", n), ("work", work), ("latency", latency), ("ms", "150"), ("seed", seed)]);
        let t = run_virtual(&hybrid::SCENARIO, &r).expect("hybrid runs");
        t.validate().unwrap();
        let n: usize = n.parse().unwrap();
        let expected = hybrid::sequential(&hybrid::SCENARIO.validate(&r).unwrap());
        assert_eq!(expected.len(), n);
        assert_eq!(t.meta.results["responses_processed"], n as f64);
        assert_eq!(t.meta.results["primes_found"], expected.iter().sum::<u64>() as f64);
        assert_eq!(t.meta.results["max_loop_lag_ms"], 0.0, "the loop never blocks");
        // Every response processed exactly once, with its own answer, after it arrived.
        let workers: Vec<_> = t.lanes.iter().filter(|l| l.name.starts_with("worker ")).collect();
        assert!(!workers.is_empty() && workers.len() <= VIRTUAL_POOL_THREADS);
        let mut seen = BTreeMap::new();
        for s in t.spans.iter().filter(|s| workers.iter().any(|w| w.id == s.lane)) {
            let label = s.label.as_deref().unwrap();
            let (id, rest) = label.trim_start_matches("response ").split_once(": ").unwrap();
            let id: usize = id.parse().unwrap();
            let count: u64 = rest.split(' ').next().unwrap().parse().unwrap();
            assert!(seen.insert(id, count).is_none(), "response {id} processed twice");
            assert!(s.start_ms + 1e-9 >= io_end(&t, &format!("request {id}")), "processed before it arrived");
        }
        assert_eq!(seen.into_values().collect::<Vec<_>>(), expected);
        for l in t.lanes.iter().filter(|l| l.name.starts_with("request ")) {
            assert_eq!(l.outcome, Some(Outcome::Done));
            let states: Vec<State> = t.lane_spans(l.id).map(|s| s.state).collect();
            assert_eq!(states, vec![State::Io, State::Waiting], "{}: I/O, then waiting for the pool", l.name);
        }
        assert!(max_overlap(&t, State::Running) <= VIRTUAL_POOL_THREADS);
        assert_eq!(summarize(&t).max_in_flight, n, "every request in flight at once");
    }
}

#[test]
fn the_page_warns_only_about_runs_that_blocked_over_100_ms() {
    use concurrency_playground::engine::primitives::lag::{blocked_for, BLOCKED_WARN_MS};
    let at = |cpu: &str, mode: &str| blocked_for(&lesson(&[("mode", mode), ("cpu_ms", cpu)]));
    assert_eq!(at("300", "block"), Some(295.0));
    assert_eq!(at("300", "offload"), None);
    // 45 ms start, 10 ms ticks: a 100 ms block lags the monitor 95 ms, under the line.
    assert_eq!(at("100", "block"), None);
    assert!(at("160", "block").is_some_and(|ms| ms > BLOCKED_WARN_MS));
    assert!(blocked_for(&run_virtual(&hybrid::SCENARIO, &raw(&[("n", "3"), ("work", "1000")])).unwrap()).is_none());
}
