//! CPU helpers on a scripted clock: warm-up stops once timings stop improving
//! and never exceeds its time budget.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::cpu::{warm_up, CpuCtx};
use concurrency_playground::engine::procpool::ThreadProcesses;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Runs `warm_up` where round i "takes" `durations[i]` ms (the last repeats).
fn rounds_for(durations: &[f64]) -> u32 {
    let now = AtomicU64::new(0f64.to_bits());
    let clock = || f64::from_bits(now.load(Ordering::SeqCst));
    let cancel = AtomicBool::new(false);
    let ctx = CpuCtx { clock: &clock, cancel: &cancel, pool_threads: 1, progress: &Default::default(), processes: Some(&ThreadProcesses) };
    let mut i = 0;
    warm_up(&ctx, || {
        let d = durations[i.min(durations.len() - 1)];
        i += 1;
        let t = f64::from_bits(now.load(Ordering::SeqCst)) + d;
        now.store(t.to_bits(), Ordering::SeqCst);
    })
}

#[test]
fn warm_up_stops_three_rounds_after_timings_stop_improving() {
    // Baseline-compiled rounds get faster until optimized code arrives at round 4.
    assert_eq!(rounds_for(&[20.0, 15.0, 10.0, 5.0, 5.0, 5.0, 5.0]), 7);
    // Already warm: the first round sets the best, three more confirm it.
    assert_eq!(rounds_for(&[5.0]), 4);
}

#[test]
fn warm_up_respects_its_time_budget() {
    // Ever-improving 100 ms rounds would never be "stable": the 300 ms budget ends it.
    assert_eq!(rounds_for(&[100.0, 90.0, 80.0, 70.0, 60.0, 50.0]), 4);
}
