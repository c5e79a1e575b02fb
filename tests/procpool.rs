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
    f(&CpuCtx { clock: &clock, cancel: &flag, pool_threads: 2, progress: &Default::default(), processes: Some(&ThreadProcesses) })
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

/// A pool's start and chunks (`procinit`): bytes round-trip; a process without
/// MULT raises CPython's NameError; the initializer sets it and is counted;
/// fork's copy sets it uncounted. (One test: the statics are this process's.)
#[test]
fn a_pool_process_reads_its_own_global_and_counts_its_initializer() {
    use concurrency_playground::engine::procinit::{self, chunk_answer, PoolTask, NAME_ERROR};
    for t in [
        PoolTask::Start { inherit: Some(2), init: None },
        PoolTask::Start { inherit: None, init: Some(7) },
        PoolTask::Start { inherit: None, init: None },
        PoolTask::Chunk { io_ms: 1.5, first: 4, count: 3, input: vec![1; 10] },
    ] {
        assert_eq!(PoolTask::decode(&t.encode()).unwrap(), t);
    }
    for bad in [&[5u8, 9][..], &[5; 18][..], &[4, 1, 2][..]] {
        assert!(PoolTask::decode(bad).is_err(), "{bad:?}");
    }
    let chunk = PoolTask::Chunk { io_ms: 0.0, first: 2, count: 3, input: vec![] }.encode();
    procinit::set_mult(None);
    assert_eq!(serve(&chunk, &|| 0.0).unwrap_err(), NAME_ERROR);
    // fork's copy: MULT without an initializer call.
    serve(&PoolTask::Start { inherit: Some(3), init: None }.encode(), &|| 0.0).unwrap();
    assert_eq!(chunk_answer(&serve(&chunk, &|| 0.0).unwrap()).unwrap(), ((2 + 3 + 4) * 3, 0));
    // The initializer: MULT = 2, one call, and one more each time it runs.
    let out = serve(&PoolTask::Start { inherit: None, init: Some(2) }.encode(), &|| 0.0).unwrap();
    assert_eq!(answer(&out).unwrap(), 1);
    assert_eq!(chunk_answer(&serve(&chunk, &|| 0.0).unwrap()).unwrap(), ((2 + 3 + 4) * 2, 1));
    serve(&PoolTask::Start { inherit: None, init: Some(2) }.encode(), &|| 0.0).unwrap();
    assert_eq!(chunk_answer(&serve(&chunk, &|| 0.0).unwrap()).unwrap().1, 2);
    assert!(chunk_answer(&[0; 8]).is_err());
}
