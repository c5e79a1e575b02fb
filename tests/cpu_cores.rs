#![cfg(all(not(target_arch = "wasm32"), target_os = "linux"))]
//! How many cores the GIL lesson's threads really used, measured by the
//! kernel: for every thread of this process, `/proc/self/task/*/schedstat`
//! holds the nanoseconds it ran on a CPU and the nanoseconds it was runnable
//! but waited in a run queue (the machine was busy). Over one run of wall
//! time `W`, with `run` and `wait` summed over the threads:
//!
//! - `run / W` is the cores the run *got*;
//! - `(run + wait) / W` is how many threads were *runnable at once*, which
//!   other load on the machine does not change: a thread blocked on a lock
//!   sleeps (neither runs nor waits), a thread that merely lacks a CPU waits.
//!
//! So serialised threads show ≈ 1 runnable at a time on any machine, idle or
//! busy, and threads that can run in parallel show ≈ 2, whatever the machine
//! gave them. Its own binary: cargo runs test binaries one at a time, and no
//! other test of this one loads the cores meanwhile.

mod common;
use common::cpu::with_cpu_ctx;
use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::workloads::busy::spin_range;
use concurrency_playground::engine::worklog::WorkLog;
use concurrency_playground::scenarios::gil;
use std::time::Instant;

/// (ns on a CPU, ns runnable in a run queue), summed over this process's threads.
fn schedstat() -> (f64, f64) {
    let mut sum = (0.0, 0.0);
    for task in std::fs::read_dir("/proc/self/task").expect("/proc/self/task").flatten() {
        let Ok(s) = std::fs::read_to_string(task.path().join("schedstat")) else { continue };
        let f: Vec<f64> = s.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
        if f.len() >= 2 {
            sum = (sum.0 + f[0], sum.1 + f[1]);
        }
    }
    sum
}

/// One mode's run: wall ms, cores got (`run / W`), threads runnable at once
/// (`(run + wait) / W`), ms waited for a CPU.
#[derive(Debug, Clone, Copy)]
struct Cores {
    ms: f64,
    got: f64,
    runnable: f64,
    waited_ms: f64,
}

fn measured(f: impl FnOnce() -> f64) -> Cores {
    let (r0, w0) = schedstat();
    let t0 = Instant::now();
    let ms = f();
    let wall = t0.elapsed().as_secs_f64() * 1e3;
    let (r1, w1) = schedstat();
    let (run, wait) = ((r1 - r0) / 1e6, (w1 - w0) / 1e6);
    Cores { ms, got: run / wall, runnable: (run + wait) / wall, waited_ms: wait }
}

/// **Free-threaded threads run in parallel and beat GIL threads; GIL threads
/// never compute two at a time.** Two threads, the items split in two equal
/// halves, three interleaved rounds. Every round, whatever the load:
/// - GIL threads: at most 1.25 cores got (the holder computes, the other
///   sleeps in the lock; 0.25 for the hand-overs). Not "runnable at once":
///   a releaser spins until the woken waiter takes the lock, and on a busy
///   machine that waiter may queue for a CPU meanwhile (both runnable);
/// - free threads: at least 1.6 runnable at once (two busy halves for most of
///   the run; 0.4 for starting the threads and the uneven end of the halves):
///   serialised "free" threads show ≈ 1 on any machine;
/// - when the free run got more than 1.25 cores, it is faster than the GIL
///   run (the same work; GIL threads take ≥ their CPU time in wall time);
/// - when the free run hardly waited for a CPU (≤ 0.3·W in run queues: the
///   machine had two cores idle for it), it got ≥ 1.5 cores. A round that
///   waited more says so and only the load-independent claims hold for it.
#[test]
fn free_threads_run_in_parallel_and_gil_threads_one_at_a_time() {
    if rayon::current_num_threads() < 2 || std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        eprintln!("skipped: one core, so nothing can run in parallel");
        return;
    }
    with_cpu_ctx(false, gil_against_free_threads);
}

fn gil_against_free_threads(ctx: &CpuCtx<'_>) {
    let log = WorkLog::new(ctx);
    let mut job = gil::Job { threads: 2, items: 4_000, rounds: 4_000, switch_ms: 5.0 };
    // Long enough (≥ 250 ms sequentially) that starting threads is a small part.
    for _ in 0..4 {
        let ms = gil::sequential(ctx, &log, &job).expect("not stopped").ms;
        if ms >= 250.0 {
            break;
        }
        job.rounds = (f64::from(job.rounds) * 300.0 / ms.max(1.0)).ceil() as u32;
    }
    let want = spin_range(0, job.items, job.rounds);
    let mut failures = Vec::new();
    for round in 0..3 {
        let g = measured(|| gil::gil_threads(ctx, &log, &job).map(|r| (assert_eq!(r.checksum, want), r.ms).1).expect("not stopped"));
        let f = measured(|| gil::free_threads(ctx, &log, &job).map(|r| (assert_eq!(r.checksum, want), r.ms).1).expect("not stopped"));
        eprintln!("round {round}: GIL threads {g:.2?}\n         free threads {f:.2?}");
        if g.got > 1.25 {
            failures.push(format!("round {round}: GIL threads got {:.2} cores: two computed at once", g.got));
        }
        if f.runnable < 1.6 {
            failures.push(format!("round {round}: free threads had only {:.2} runnable at once: serialised", f.runnable));
        }
        if f.got > 1.25 && f.ms >= g.ms {
            failures
                .push(format!("round {round}: free threads got {:.2} cores yet took {:.0} ms ≥ GIL threads' {:.0} ms", f.got, f.ms, g.ms));
        }
        if f.waited_ms <= 0.3 * f.ms {
            if f.got < 1.5 {
                failures
                    .push(format!("round {round}: two cores were free ({:.0} ms waited) yet free threads got {:.2}", f.waited_ms, f.got));
            }
        } else {
            eprintln!("round {round}: the machine was busy (free threads waited {:.0} ms for a CPU): cores got not asserted", f.waited_ms);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
