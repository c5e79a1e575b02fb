//! The GIL with I/O (`scenarios::pymodel`, lesson `gilio`) on the virtual clock:
//! makespans derived from the parameters.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::State;
use concurrency_playground::scenarios::pymodel::{simulate, Costs, Jobs, Model, Piece, Setup, CPYTHON};
use concurrency_playground::scenarios::{gilio, run_virtual};
use playground_fidelity::raw_params as raw;

const C: Costs = CPYTHON;

fn gil(n: usize, threads: usize, io: f64, cpu: f64) -> f64 {
    let jobs = Jobs { n, io_ms: io, cpu_ms: cpu, kb: 0.0 };
    simulate(Model::ThreadsGil, &jobs, &Setup { threads, processes: 1, cores: 1 }, &C).makespan
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn io_bound_threads_scale_with_the_pool() {
    for (n, t, l) in [(20usize, 1usize, 1000.0), (20, 5, 1000.0), (20, 10, 1000.0), (20, 20, 1000.0), (7, 3, 40.0)] {
        let want = n.div_ceil(t) as f64 * l;
        assert!(close(gil(n, t, l, 0.0), want), "n={n} T={t}: {} vs {want}", gil(n, t, l, 0.0));
    }
}

#[test]
fn cpu_bound_threads_take_n_times_cpu_whatever_the_pool() {
    for t in [1, 2, 4, 8, 16] {
        for (n, c) in [(8, 25.0), (5, 13.0)] {
            assert!(close(gil(n, t, 0.0, c), n as f64 * c), "n={n} T={t}: {}", gil(n, t, 0.0, c));
        }
    }
}

#[test]
fn the_mix_scales_until_the_computing_fills_the_gil() {
    let (n, l, c) = (8, 100.0, 25.0);
    // One thread: job after job.
    assert!(close(gil(n, 1, l, c), n as f64 * (l + c)));
    // As many threads as jobs: the fetches overlap, then the GIL computes all.
    for t in [8, 16] {
        assert!(close(gil(n, t, l, c), l + n as f64 * c), "T={t}: {}", gil(n, t, l, c));
    }
    // In between: never below either bound, and more threads never hurt.
    let mut last = f64::INFINITY;
    for t in 1..=n {
        let m = gil(n, t, l, c);
        let bound = (l + n as f64 * c).max(n.div_ceil(t) as f64 * (l + c));
        assert!(m >= bound - 1e-6, "T={t}: {m} below {bound}");
        assert!(m <= last + 1e-6, "T={t}: {m} slower than {last}");
        last = m;
    }
}

#[test]
fn one_thread_holds_the_gil_at_a_time_and_holders_switch_every_interval() {
    let jobs = Jobs { n: 4, io_ms: 0.0, cpu_ms: 20.0, kb: 0.0 };
    let s = simulate(Model::ThreadsGil, &jobs, &Setup { threads: 4, processes: 1, cores: 1 }, &C);
    let mut run: Vec<(f64, f64)> = s.segs.iter().filter(|g| g.piece == Piece::Compute).map(|g| (g.start, g.end)).collect();
    run.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(run.windows(2).all(|w| w[1].0 >= w[0].1 - 1e-9), "two holders at once");
    // Four threads each wanting 20 ms: every hold is one switch interval.
    assert_eq!(run.len(), 16);
    assert!(run.iter().all(|(a, b)| close(b - a, C.switch_ms)));
    assert!(s.segs.iter().any(|g| g.piece == Piece::Wait && g.resource == Some("GIL")));
}

#[test]
fn the_lesson_records_the_three_batches_and_their_speedups() {
    let (n, t, io, cpu) = (8usize, 4usize, 100.0, 25.0);
    let tr = run_virtual(&gilio::SCENARIO, &raw(&[("n", "8"), ("threads", "4"), ("io", "100"), ("cpu", "25")])).unwrap();
    tr.validate().unwrap();
    let r = &tr.meta.results;
    assert!(close(r["io_1_ms"], n as f64 * io) && close(r["io_ms"], n.div_ceil(t) as f64 * io));
    assert!(close(r["io_x"], t as f64));
    assert!(close(r["cpu_1_ms"], n as f64 * cpu) && close(r["cpu_ms"], n as f64 * cpu) && close(r["cpu_x"], 1.0));
    assert!(close(r["mixed_1_ms"], n as f64 * (io + cpu)));
    assert!(r["mixed_x"] > 1.0 && r["mixed_x"] < t as f64);
    // The run lasts the three pool batches, one after another.
    assert!(close(tr.meta.makespan_ms, r["io_ms"] + r["cpu_ms"] + r["mixed_ms"]));
    assert_eq!(tr.lanes.len(), t);
    assert!(tr.spans.iter().any(|s| s.state == State::Io) && tr.spans.iter().any(|s| s.state == State::Waiting));
    assert_eq!(tr.meta.bars.len(), 6);
}
