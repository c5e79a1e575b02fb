#![cfg(not(target_arch = "wasm32"))]
//! The process pool's engine side: what a process is sent (bytes), what it
//! runs, and the native host (OS threads owning copied buffers).

use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::procpool::{answer, serve, ProcessPool, Task, ThreadProcesses, STOPPED};
use concurrency_playground::engine::workloads::busy::spin_range;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn ctx_run<R>(cancel: bool, f: impl FnOnce(&CpuCtx<'_>) -> R) -> R {
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
    let flag = AtomicBool::new(cancel);
    f(&CpuCtx { clock: &clock, cancel: &flag, pool_threads: 2, progress: &Default::default() })
}

#[test]
fn tasks_round_trip_and_bad_bytes_are_errors() {
    for t in [
        Task::SpinRange { lo: 3, hi: 900, rounds: 7 },
        Task::Compute { ms: 1.5, input: vec![1, 2, 3] },
        Task::Job { io_ms: 2.0, cpu_ms: 0.25, input: vec![9; 1000] },
    ] {
        assert_eq!(Task::decode(&t.encode()).unwrap(), t);
    }
    // python/gil.py sends a range: 21 bytes, whatever its size.
    assert_eq!(Task::SpinRange { lo: 0, hi: u64::MAX, rounds: 1 }.encode().len(), 21);
    for bad in [&[][..], &[1, 2, 3][..], &[9; 30][..], &[2, 0][..]] {
        assert!(Task::decode(bad).is_err(), "{bad:?}");
        assert!(serve(bad, &|| 0.0).is_err());
    }
    assert!(answer(&[1, 2]).is_err());
}

#[test]
fn a_process_computes_what_the_parent_would() {
    let out = serve(&Task::SpinRange { lo: 10, hi: 500, rounds: 40 }.encode(), &|| 0.0).unwrap();
    assert_eq!(answer(&out).unwrap(), spin_range(10, 500, 40));
    // A job's answer is its input's byte sum; its fetch and computing take at
    // least their time (sleeps and busy loops end late, never early).
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
    let out = serve(&Task::Job { io_ms: 20.0, cpu_ms: 10.0, input: vec![3; 100] }.encode(), &clock).unwrap();
    assert_eq!(answer(&out).unwrap(), 300);
    assert!(clock() >= 30.0, "{} ms", clock());
}

#[test]
fn thread_processes_copy_in_and_out_in_order() {
    let inputs: Vec<Vec<u8>> = (0..3u64).map(|w| Task::SpinRange { lo: w * 100, hi: w * 100 + 100, rounds: 5 }.encode()).collect();
    let runs = ctx_run(false, |ctx| ThreadProcesses.map(ctx, inputs.clone())).unwrap();
    assert_eq!(runs.len(), 3);
    for (w, r) in runs.iter().enumerate() {
        assert_eq!(r.process, w);
        assert_eq!(r.bytes_in, 21);
        assert_eq!(answer(&r.output).unwrap(), spin_range(w as u64 * 100, w as u64 * 100 + 100, 5));
        let times = [r.spawned, r.ready, r.sent, r.received, r.done, r.back];
        assert!(times.windows(2).all(|p| p[0] <= p[1]), "process {w}: {times:?}");
        assert_eq!(r.saw_mark, None, "threads cannot prove separate memory");
    }
    assert_eq!(ctx_run(true, |ctx| ThreadProcesses.map(ctx, inputs)), Err(STOPPED.to_owned()));
}
