#![cfg(not(target_arch = "wasm32"))]
//! The thread-pool lesson on the virtual clock: makespans are those of a FIFO
//! work queue served by N threads, computed here by an independent list
//! scheduler from the lesson's own latencies; each mode's caller sees what
//! CPython's would (completion order, submission order, timeouts that leave
//! the job running, a callback chain queued behind waiting jobs). The listing
//! runs under CPython with the tutorial's numbers.

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::{LaneKind, Outcome, State, Trace};
use concurrency_playground::scenarios::{run_virtual, threadpool};
use playground_fidelity::raw_params;
use std::path::Path;

fn run(params: &[(&str, &str)]) -> Trace {
    let t = run_virtual(&threadpool::SCENARIO, &raw_params(params)).expect("run");
    t.validate().expect("valid trace");
    t
}

fn result(t: &Trace, key: &str) -> f64 {
    *t.meta.results.get(key).unwrap_or_else(|| panic!("no result {key}"))
}

/// An independent model of the executor: jobs (latency, submitted at) go to a
/// FIFO queue; a thread free at `f` takes the head at max(f, submitted).
/// Returns each job's end time, by job index.
fn list_schedule(lat: &[f64], workers: usize) -> Vec<f64> {
    let mut free = vec![0.0f64; workers.min(lat.len()).max(1)];
    lat.iter()
        .map(|l| {
            let (i, f) = free.iter().copied().enumerate().fold((0, f64::INFINITY), |b, (i, f)| if f < b.1 { (i, f) } else { b });
            free[i] = f + l;
            free[i]
        })
        .collect()
}

fn latencies(params: &[(&str, &str)]) -> Vec<f64> {
    let p = threadpool::SCENARIO.validate(&raw_params(params)).unwrap();
    threadpool::latencies(&p)
}

#[test]
fn twenty_jobs_of_a_second_take_ceil_j_over_n_seconds() {
    for w in 1..=20usize {
        let ws = w.to_string();
        let t = run(&[("jobs", "20"), ("workers", &ws), ("latency", "fixed"), ("ms", "1000")]);
        let expect = (20usize.div_ceil(w) * 1000) as f64;
        assert_eq!(result(&t, "pool_ms"), expect, "{w} workers");
        assert_eq!(t.meta.makespan_ms, expect, "{w} workers");
        let s = summarize(&t);
        assert_eq!(s.max_in_flight, w.min(20), "{w} threads are parked in I/O at once");
        let workers = t.lanes.iter().filter(|l| l.kind == LaneKind::Worker).count();
        assert_eq!(workers, w, "one lane per thread");
        // Every job is one I/O span of exactly its latency on a worker lane.
        let io: Vec<_> = t.spans.iter().filter(|s| s.state == State::Io).collect();
        assert_eq!(io.len(), 20);
        assert!(io.iter().all(|s| s.duration_ms() == 1000.0));
        assert_eq!(result(&t, "jobs_done"), 20.0);
    }
    let p = threadpool::SCENARIO.validate(&raw_params(&[("jobs", "20"), ("ms", "1000"), ("latency", "fixed")])).unwrap();
    let sweep = threadpool::workers_sweep(&p);
    assert_eq!(sweep, vec![(1, 20_000.0), (2, 10_000.0), (5, 4000.0), (10, 2000.0), (20, 1000.0)]);
}

#[test]
fn random_latencies_follow_the_fifo_list_schedule() {
    for latency in ["uniform", "longtail"] {
        for w in [1, 3, 7, 20] {
            let ws = w.to_string();
            let ps = [("jobs", "37"), ("workers", ws.as_str()), ("latency", latency), ("ms", "120"), ("seed", "9")];
            let t = run(&ps);
            let ends = list_schedule(&latencies(&ps), w);
            let makespan = ends.iter().copied().fold(0.0, f64::max);
            assert!((t.meta.makespan_ms - makespan).abs() < 1e-6, "{latency} {w}: {} vs {makespan}", t.meta.makespan_ms);
            // as_completed: the caller gets results in completion order.
            let got: Vec<usize> = result_events(&t).iter().map(|(_, i)| *i).collect();
            assert_eq!(got.len(), 37);
            for pair in got.windows(2) {
                assert!(ends[pair[0]] <= ends[pair[1]] + 1e-9, "{latency} {w}: {pair:?} out of completion order");
            }
            let first = ends.iter().copied().fold(f64::INFINITY, f64::min);
            assert!((result(&t, "first_result_ms") - first).abs() < 1e-6);
        }
    }
}

/// (time, job id) of the caller's `result` events, in order.
fn result_events(t: &Trace) -> Vec<(f64, usize)> {
    let main = t.lanes.iter().find(|l| l.name == "main").unwrap().id;
    t.events
        .iter()
        .filter(|e| e.lane == Some(main) && e.name == "result")
        .map(|e| (e.t_ms, e.detail.as_ref().unwrap().parse().unwrap()))
        .collect()
}

#[test]
fn map_gives_results_in_submission_order() {
    let ps = [("mode", "map"), ("jobs", "15"), ("workers", "4"), ("latency", "uniform"), ("ms", "100"), ("seed", "3")];
    let t = run(&ps);
    let ends = list_schedule(&latencies(&ps), 4);
    let got = result_events(&t);
    assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), (0..15).collect::<Vec<_>>());
    // Result i reaches the caller when it and every earlier one are done.
    let mut ready = 0.0f64;
    for (i, (at, _)) in got.iter().enumerate() {
        ready = ready.max(ends[i]);
        assert!((at - ready).abs() < 1e-6, "result {i} at {at}, expected {ready}");
    }
    assert!((result(&t, "first_result_ms") - ends[0]).abs() < 1e-6);
}

#[test]
fn a_timed_out_result_leaves_its_job_running() {
    let ps = [
        ("mode", "result_timeout"),
        ("jobs", "16"),
        ("workers", "4"),
        ("latency", "longtail"),
        ("ms", "100"),
        ("timeout", "90"),
        ("seed", "5"),
    ];
    let t = run(&ps);
    let ends = list_schedule(&latencies(&ps), 4);
    // The caller: result(timeout=T) on each future in turn.
    let (mut now, mut timeouts) = (0.0f64, 0);
    for e in &ends {
        if *e - now <= 90.0 {
            now = now.max(*e);
        } else {
            now += 90.0;
            timeouts += 1;
        }
    }
    assert!(timeouts > 0, "the parameters must make some job time out");
    assert_eq!(result(&t, "timed_out"), timeouts as f64);
    // Every job still ran to its end, and leaving `with` waited for the last.
    assert_eq!(result(&t, "jobs_done"), 16.0);
    let io = t.spans.iter().filter(|s| s.state == State::Io).count();
    assert_eq!(io, 16);
    let last = ends.iter().copied().fold(0.0, f64::max);
    assert!((t.meta.makespan_ms - last.max(now)).abs() < 1e-6);
}

#[test]
fn callbacks_queue_the_store_behind_waiting_jobs() {
    // 12 fetches of 100 ms on 4 threads end at 100, 200, 300; each callback
    // queues a 50 ms store behind the fetches still waiting: 300 → 450 ms.
    let t = run(&[("mode", "callbacks"), ("jobs", "12"), ("workers", "4"), ("latency", "fixed"), ("ms", "100")]);
    assert_eq!(t.meta.makespan_ms, 450.0);
    assert_eq!(result(&t, "jobs_done"), 12.0);
    let io: Vec<_> = t.spans.iter().filter(|s| s.state == State::Io).collect();
    assert_eq!(io.len(), 24, "a fetch and a store per job");
    assert_eq!(io.iter().filter(|s| s.duration_ms() == 50.0).count(), 12);
    // Each fetch's callback ran (parsed) on the thread that finished it, at its end.
    let parsed: Vec<_> = t.events.iter().filter(|e| e.name == "parsed").collect();
    assert_eq!(parsed.len(), 12);
    for e in parsed {
        let lane = e.lane.unwrap();
        assert!(t.lanes[lane as usize].name.starts_with("worker "));
        assert!(t.lane_spans(lane).any(|s| s.state == State::Io && s.end_ms == e.t_ms && s.duration_ms() == 100.0));
    }
    // With one store per fetch, a single thread does all the work in a row.
    let one = run(&[("mode", "callbacks"), ("jobs", "12"), ("workers", "1"), ("latency", "fixed"), ("ms", "100")]);
    assert_eq!(one.meta.makespan_ms, 12.0 * 150.0);
}

#[test]
fn threads_never_outnumber_jobs_and_all_end_done() {
    let t = run(&[("jobs", "3"), ("workers", "20"), ("ms", "50")]);
    assert_eq!(t.lanes.iter().filter(|l| l.kind == LaneKind::Worker).count(), 3);
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Done)));
    assert_eq!(t.meta.makespan_ms, 50.0);
}

/// The listing under CPython 3.11: the tutorial's 20 jobs on 1/5/10/20
/// threads (at 200 ms a job to keep the test short). Real sleeps are never
/// early; each round of jobs may be late by the scheduler's wake-up, and
/// CPython starts each thread at its submit (a few ms each on a busy machine).
#[test]
fn the_listing_under_cpython_scales_the_same_way() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for w in [1usize, 5, 10, 20] {
        let out = std::process::Command::new("python3")
            .current_dir(repo.join("python"))
            .args(["threadpool.py", "--jobs", "20", "--workers", &w.to_string(), "--ms", "200", "--json"])
            .output()
            .expect("python3 runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let ms = v["makespan_ms"].as_f64().unwrap();
        let rounds = 20usize.div_ceil(w) as f64;
        let ideal = rounds * 200.0;
        // Late by at most 10%, plus 5 ms per round (wake-up after a sleep) and
        // 3 ms per thread started.
        let bound = ideal * 1.1 + 5.0 * rounds + 3.0 * w as f64;
        assert!(ms >= ideal && ms <= bound, "{w} threads: {ms} ms, ideal {ideal}, bound {bound}");
        assert_eq!(v["max_in_flight"].as_u64().unwrap(), w as u64);
    }
}

/// The blocking lesson's sync client: a blocking request of `cpu_ms` on the
/// loop stalls it exactly as the CPU loop does; `to_thread` parks a worker
/// thread in it instead and the loop keeps its timers.
#[test]
fn a_sync_client_on_the_loop_blocks_it_like_cpu_and_to_thread_fixes_it() {
    use concurrency_playground::scenarios::blocking;
    let go = |mode: &str| {
        let t =
            run_virtual(&blocking::SCENARIO, &raw_params(&[("mode", mode), ("cpu_ms", "300"), ("n", "6"), ("every", "25"), ("ms", "60")]))
                .unwrap();
        t.validate().unwrap();
        t
    };
    let (cpu, sync) = (go("block"), go("sync"));
    for key in ["max_loop_lag_ms", "requests_late", "max_request_delay_ms", "cpu_job_ms"] {
        assert_eq!(result(&sync, key), result(&cpu, key), "{key}");
    }
    assert!(result(&sync, "max_loop_lag_ms") >= 290.0);
    assert!(sync.events.iter().any(|e| e.name == "loop_blocked"));
    let (off, thread) = (go("offload"), go("sync_to_thread"));
    for key in ["max_loop_lag_ms", "requests_late", "max_request_delay_ms", "cpu_job_ms"] {
        assert_eq!(result(&thread, key), result(&off, key), "{key}");
    }
    assert_eq!(result(&thread, "max_loop_lag_ms"), 0.0);
    let worker = thread.lanes.iter().find(|l| l.name == "worker 0").expect("the thread's lane");
    assert!(thread.lane_spans(worker.id).any(|s| s.state == State::Io && s.duration_ms() == 300.0), "parked in I/O");
}

/// Both sync modes agree with CPython running the listing (time.sleep stands for requests.get).
#[test]
fn blocking_sync_modes_agree_with_cpython() {
    use concurrency_playground::scenarios::blocking;
    use playground_fidelity::{check_with_tolerance, Tolerance};
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    // With to_thread, CPython's loop still waits a little: starting the
    // thread and taking the GIL back from it (switch interval 5 ms) delay a
    // tick by a few ms where the model has none. Up to 25 ms late is allowed.
    let thread_tol = Tolerance { late_ms: 25.0, ..Tolerance::DEFAULT };
    for (mode, tol) in [("sync", Tolerance::DEFAULT), ("sync_to_thread", thread_tol)] {
        let ps = [("mode", mode), ("cpu_ms", "400"), ("n", "6"), ("every", "25"), ("ms", "60")];
        let c = check_with_tolerance(&blocking::SCENARIO, &ps, &tol, repo).unwrap();
        assert!(c.passed(), "{mode}: {:?}", c.failures());
    }
}
