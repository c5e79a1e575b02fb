//! Sweep statistics (mean, median, stdev, best pool size, Amdahl fit),
//! fallible chunk work, and the pool-size lesson run natively.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::raw;

use concurrency_playground::engine::cpu::{try_run_lanes, CpuCtx};
use concurrency_playground::engine::metrics::{amdahl, amdahl_fit, median, stdev, summarize, sweep_stats};
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::sweep;
use concurrency_playground::engine::trace::SweepPoint;
use concurrency_playground::engine::workloads::mix::{checksum, mix_range};
use concurrency_playground::engine::RunError;
use concurrency_playground::scenarios::poolsize;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn pt(threads: u32, ms: f64) -> SweepPoint {
    SweepPoint { threads, ms, start_ms: 0.0, end_ms: ms }
}

fn with_ctx<T>(pool_threads: usize, cancel: bool, f: impl FnOnce(&CpuCtx<'_>) -> T) -> T {
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let cancel = AtomicBool::new(cancel);
    let ctx = CpuCtx { clock: &clock, cancel: &cancel, pool_threads, progress: &Default::default(), processes: Some(&ThreadProcesses) };
    f(&ctx)
}

#[test]
fn per_thread_statistics_are_exact_on_known_inputs() {
    // Two repetitions interleaved the way a sweep measures them.
    let sweep = [pt(1, 100.0), pt(2, 60.0), pt(1, 104.0), pt(2, 50.0), pt(1, 96.0), pt(2, 55.0)];
    let s = sweep_stats(&sweep);
    assert_eq!(s.rows.len(), 2);
    let one = s.rows[0];
    assert_eq!((one.threads, one.n), (1, 3));
    assert!((one.mean - 100.0).abs() < 1e-12);
    assert_eq!(one.median, 100.0);
    assert!((one.stdev - 4.0).abs() < 1e-12, "sample stdev of 96,100,104 is 4, got {}", one.stdev);
    assert_eq!((one.best, one.worst), (96.0, 104.0));
    let two = s.rows[1];
    assert_eq!(two.median, 55.0);
    assert!((two.mean - 55.0).abs() < 1e-12);
    assert!((two.stdev - 5.0).abs() < 1e-12);
    // Speedup from the best times: 96 / 50.
    assert!((two.speedup - 96.0 / 50.0).abs() < 1e-12);
    assert!((two.efficiency - 0.96).abs() < 1e-12);
    assert_eq!(s.best_threads, Some(2));
    // Even count: the mean of the two middle values.
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    assert_eq!(stdev(&[7.0]), 0.0);
}

#[test]
fn best_pool_size_is_the_fastest_and_ties_keep_the_smaller_pool() {
    let slower_past_two = [pt(1, 100.0), pt(2, 52.0), pt(3, 60.0), pt(4, 70.0)];
    assert_eq!(sweep_stats(&slower_past_two).best_threads, Some(2));
    let tie = [pt(1, 100.0), pt(2, 50.0), pt(3, 50.0)];
    assert_eq!(sweep_stats(&tie).best_threads, Some(2));
    // No 1-thread point: nothing to compare against.
    assert_eq!(sweep_stats(&[pt(2, 50.0)]).best_threads, None);
}

#[test]
fn amdahl_fit_recovers_a_known_serial_fraction() {
    for f in [0.0, 0.05, 0.2, 0.5, 0.9] {
        let pts: Vec<(u32, f64)> = (1..=16).map(|n| (n, amdahl(f, n as f64))).collect();
        let got = amdahl_fit(&pts).expect("fit");
        assert!((got - f).abs() < 1e-6, "f = {f}, fitted {got}");
    }
    // From times through sweep_stats: t(n) = 100 (0.25 + 0.75 / n).
    let sweep: Vec<SweepPoint> = (1..=8).map(|n| pt(n, 100.0 * (0.25 + 0.75 / n as f64))).collect();
    let s = sweep_stats(&sweep);
    assert!((s.serial_fraction.expect("fit") - 0.25).abs() < 1e-6);
    // Noise around f = 0.1 fits near 0.1; superlinear speedups fit as 0.
    let noisy = [(2, amdahl(0.1, 2.0) * 1.02), (3, amdahl(0.1, 3.0) * 0.98), (4, amdahl(0.1, 4.0) * 1.01)];
    assert!((amdahl_fit(&noisy).expect("fit") - 0.1).abs() < 0.03);
    assert_eq!(amdahl_fit(&[(2, 2.3), (4, 4.6)]), Some(0.0));
    assert_eq!(amdahl_fit(&[(1, 1.0)]), None);
}

#[test]
fn summary_carries_the_sweep_statistics() {
    let mut t = concurrency_playground::engine::recorder::Recorder::new().finish(
        concurrency_playground::engine::recorder::meta("x", BTreeMap::new(), concurrency_playground::engine::trace::ClockKind::Native),
        10.0,
    );
    t.meta.sweep = vec![pt(1, 10.0), pt(2, 6.0)];
    let s = summarize(&t);
    assert_eq!(s.stats.best_threads, Some(2));
    assert!((s.stats.serial_fraction.expect("fit") - (2.0 / (10.0 / 6.0) - 1.0)).abs() < 1e-6);
}

#[test]
fn a_failing_chunk_stops_the_lanes_and_is_reported() {
    with_ctx(2, false, |ctx| {
        let r = try_run_lanes(ctx, 2, 100, |i| if i == 7 { Err(format!("boom {i}")) } else { Ok(i) });
        let f = r.expect_err("chunk 7 fails");
        assert_eq!((f.chunk, f.error.as_str()), (7, "boom 7"));
        // The same pool runs the next job correctly.
        let ok = try_run_lanes(ctx, 2, 100, Ok::<_, String>).expect("no failure").expect("not cancelled");
        let mut seen: Vec<usize> = ok.iter().map(|r| r.result).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    });
    // A failure while Stop is pressed counts as the stop.
    with_ctx(2, true, |ctx| {
        assert_eq!(try_run_lanes(ctx, 2, 10, |_| Err::<u8, _>("stopped")).map(|r| r.is_none()), Ok(true));
    });
}

#[test]
fn fallible_sweep_reports_the_failed_chunk_as_a_workload_error() {
    let work = |i: usize| if i == 3 { Err("bad input".to_owned()) } else { Ok(1u64) };
    let job = sweep::Job {
        scenario: "test",
        params: BTreeMap::new(),
        threads: 0,
        reps: 1,
        chunks: 10,
        work: &work,
        label: &|r| format!("chunk {}", r.chunk),
        combine: &|runs| runs.iter().map(|r| r.result.clone()).sum(),
    };
    let err = with_ctx(2, false, |ctx| sweep::try_run(ctx, job)).expect_err("fails");
    match err {
        RunError::Workload(m) => assert!(m.contains("chunk 3") && m.contains("bad input"), "{m}"),
        e => panic!("expected a workload error, got {e:?}"),
    }
}

fn run_poolsize(pairs: &[(&str, &str)]) -> Result<concurrency_playground::engine::trace::Trace, RunError> {
    let params = poolsize::SCENARIO.validate(&raw(pairs)).expect("valid params");
    let Some(run) = poolsize::SCENARIO.run.cpu() else { panic!("poolsize is a CPU lesson") };
    with_ctx(2, false, |ctx| run(&params, ctx))
}

#[test]
fn poolsize_runs_natively_with_a_small_size() {
    let t0 = Instant::now();
    let t = run_poolsize(&[("items", "5000"), ("work", "2"), ("chunk", "100"), ("reps", "3")]).expect("runs");
    let wall = t0.elapsed().as_secs_f64() * 1e3;
    assert!(t.validate().is_ok(), "{:?}", t.validate());
    assert!(!t.meta.stopped);
    // 3 repetitions × threads 1..2, each step 50 chunk spans.
    assert_eq!(t.meta.sweep.len(), 6);
    assert_eq!(t.spans.len(), 6 * 50);
    let s = summarize(&t);
    assert_eq!(s.stats.rows.len(), 2);
    assert!(s.stats.rows.iter().all(|r| r.n == 3 && r.best <= r.median && r.median <= r.worst));
    // Chunk sweep: 1, 10, 100, 1000 at 1 and 2 threads, all stored in the trace.
    assert_eq!(poolsize::chunk_sizes(5000), vec![1, 10, 100, 1000]);
    let chunks: Vec<(f64, u32)> = t.meta.param_sweep.iter().map(|q| (q.value, q.threads)).collect();
    assert_eq!(chunks, vec![(1.0, 1), (1.0, 2), (10.0, 1), (10.0, 2), (100.0, 1), (100.0, 2), (1000.0, 1), (1000.0, 2)]);
    // Each point computed 5000 items (some time); the points ran one after another within the run.
    assert!(t.meta.param_sweep.iter().all(|q| q.param == "chunk" && q.ms > 0.0));
    let swept: f64 = t.meta.param_sweep.iter().map(|q| q.ms).sum();
    assert!(swept <= wall, "the chunk sweep's points add up to {swept:.1} ms in a {wall:.1} ms run");
    let best = t.meta.results.get("best_chunk").copied().expect("best chunk");
    assert!([1.0, 10.0, 100.0, 1000.0].contains(&best));
    assert!(t.meta.results.contains_key("tiny_chunk_slowdown_x"));
    // The trace round-trips through JSON with the new field.
    let back: concurrency_playground::engine::trace::Trace =
        serde_json::from_str(&serde_json::to_string(&t).expect("json")).expect("parse");
    assert_eq!(back.meta.param_sweep.len(), t.meta.param_sweep.len());
    for (a, b) in back.meta.param_sweep.iter().zip(&t.meta.param_sweep) {
        assert_eq!((&a.param, a.value, a.threads), (&b.param, b.value, b.threads));
        assert!((a.ms - b.ms).abs() < 1e-9);
    }
}

#[test]
fn poolsize_injected_failure_names_the_chunk_and_the_next_run_works() {
    let err = run_poolsize(&[("items", "5000"), ("chunk", "100"), ("reps", "1"), ("fail_at", "12")]).expect_err("fails");
    assert!(err.to_string().contains("chunk 12"), "{err}");
    let ok = run_poolsize(&[("items", "5000"), ("chunk", "100"), ("reps", "1")]).expect("next run works");
    assert_eq!(ok.meta.sweep.len(), 2);
}

#[test]
fn poolsize_rejects_a_chunk_too_small_for_the_timeline() {
    let err = run_poolsize(&[("items", "200000"), ("chunk", "1")]).expect_err("too many chunks");
    assert!(matches!(err, RunError::Environment(_)), "{err:?}");
}

#[test]
fn a_stopped_poolsize_run_ends_without_points() {
    let params = poolsize::SCENARIO.validate(&raw(&[("items", "5000"), ("chunk", "100")])).expect("valid");
    let Some(run) = poolsize::SCENARIO.run.cpu() else { panic!("cpu") };
    let t = with_ctx(2, true, |ctx| run(&params, ctx)).expect("a stopped run still has a trace");
    assert!(t.meta.stopped);
    assert!(t.meta.sweep.is_empty() && t.meta.param_sweep.is_empty());
}

#[test]
fn mix_checksum_does_not_depend_on_the_chunking() {
    let whole = checksum(10_000, 3);
    let parts = (0..10_000u64).step_by(7).fold(0u64, |a, lo| a.wrapping_add(mix_range(lo, (lo + 7).min(10_000), 3)));
    assert_eq!(whole, parts);
    assert_ne!(checksum(10_000, 3), checksum(10_000, 4));
}

#[test]
fn speedup_layout_draws_amdahl_below_ideal_and_whiskers_around_points() {
    use concurrency_playground::view::speedup::layout_stats;
    let sweep = [pt(1, 100.0), pt(1, 110.0), pt(2, 60.0), pt(2, 70.0), pt(4, 40.0), pt(4, 50.0)];
    let s = sweep_stats(&sweep);
    let l = layout_stats(&s, 420.0, 240.0);
    assert_eq!(l.points.len(), 3);
    assert_eq!(l.whiskers.len(), 3);
    for (w, p) in l.whiskers.iter().zip(&l.points) {
        assert!((w.0 - p.x).abs() < 1e-9 && (w.2 - p.y).abs() < 1e-9, "whisker tops at the best point");
        assert!(w.1 >= w.2, "the slowest run is lower on the chart (larger y)");
    }
    // Amdahl from 1 to 4 threads; at 1 thread it meets the ideal line; above it lies below ideal.
    assert_eq!(l.amdahl.len(), 31);
    let (x1, y1, x2, y2) = l.ideal;
    assert!((l.amdahl[0].0 - x1).abs() < 1e-9 && (l.amdahl[0].1 - y1).abs() < 1e-9);
    let last = l.amdahl[30];
    assert!((last.0 - x2).abs() < 1e-9 && last.1 > y2, "f > 0: below the ideal at 4 threads");
}

#[test]
fn param_sweep_layout_has_one_series_per_thread_count_on_a_log_axis() {
    use concurrency_playground::engine::trace::ParamPoint;
    use concurrency_playground::view::param_sweep::{fmt_value, layout};
    let p = |value: f64, threads: u32, ms: f64| ParamPoint { param: "chunk".into(), value, threads, ms };
    let pts = [p(1.0, 1, 90.0), p(1.0, 2, 120.0), p(10.0, 1, 20.0), p(10.0, 2, 15.0), p(100.0, 1, 10.0), p(100.0, 2, 6.0)];
    let l = layout(&pts, "chunk", 460.0, 240.0);
    assert_eq!(l.series.iter().map(|s| s.threads).collect::<Vec<_>>(), vec![1, 2]);
    let xs: Vec<f64> = l.series[0].points.iter().map(|q| q.0).collect();
    assert!(((xs[1] - xs[0]) - (xs[2] - xs[1])).abs() < 1e-9, "1→10 and 10→100 are equal steps");
    assert!(l.series[1].points[0].1 < l.series[1].points[2].1, "120 ms is higher than 6 ms");
    assert_eq!(l.x_ticks.len(), 3);
    assert!(layout(&pts, "other", 460.0, 240.0).series.is_empty());
    assert_eq!((fmt_value(1.0), fmt_value(10_000.0), fmt_value(2_500_000.0)), ("1".into(), "10k".into(), "2.5M".into()));
}

#[test]
fn a_step_that_saw_stop_is_neither_timed_nor_compared() {
    // The last chunk "sees" Stop and returns a partial answer, as work that
    // checks the flag inside a chunk would.
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let cancel = AtomicBool::new(false);
    let ctx = CpuCtx { clock: &clock, cancel: &cancel, pool_threads: 2, progress: &Default::default(), processes: Some(&ThreadProcesses) };
    let armed = AtomicBool::new(false);
    let work = |i: usize| {
        if i == 9 && armed.load(std::sync::atomic::Ordering::SeqCst) {
            cancel.store(true, std::sync::atomic::Ordering::SeqCst);
            return 0;
        }
        1u64
    };
    let job = sweep::Job {
        scenario: "test",
        params: BTreeMap::new(),
        threads: 1,
        reps: 1,
        chunks: 10,
        work: &|i| {
            // Warm-up has run once the first timed chunk starts.
            armed.store(true, std::sync::atomic::Ordering::SeqCst);
            work(i)
        },
        label: &|r| format!("chunk {}", r.chunk),
        combine: &|runs| runs.iter().map(|r| r.result).sum(),
    };
    let (trace, answer) = sweep::run(&ctx, job).expect("a stopped run is not an error");
    assert!(trace.meta.stopped);
    assert!(trace.meta.sweep.is_empty(), "the partial step was not timed");
    assert_eq!(answer, None);
}

#[test]
fn a_sweep_counts_its_steps_for_the_page() {
    // 3 repetitions × thread counts 1..2: six steps, counted as they end.
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let cancel = AtomicBool::new(false);
    let progress = concurrency_playground::engine::cpu::Progress::default();
    let ctx = CpuCtx { clock: &clock, cancel: &cancel, pool_threads: 2, progress: &progress, processes: Some(&ThreadProcesses) };
    let job = sweep::Job {
        scenario: "test",
        params: BTreeMap::new(),
        threads: 2,
        reps: 3,
        chunks: 8,
        work: &|_| 1u64,
        label: &|r| format!("chunk {}", r.chunk),
        combine: &|runs| runs.iter().map(|r| r.result).sum(),
    };
    let (trace, _) = sweep::run(&ctx, job).expect("runs");
    assert_eq!(trace.meta.sweep.len(), 6);
    assert_eq!(progress.read(), (6, 6));
}
