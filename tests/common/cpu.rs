//! Helpers for the CPU lessons' tests on the real rayon pool (`tests/cpu_*.rs`, …).

use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::scenarios::Scenario;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

/// Runs `f` with a CPU context on the global rayon pool: a wall clock from now,
/// Stop already pressed if `cancel`, processes as threads ([`ThreadProcesses`]).
pub fn with_cpu_ctx<R>(cancel: bool, f: impl FnOnce(&CpuCtx<'_>) -> R) -> R {
    with_cancel_flag(&AtomicBool::new(cancel), f)
}

/// [`with_cpu_ctx`] with the Stop flag the caller holds (and may press meanwhile).
pub fn with_cancel_flag<R>(flag: &AtomicBool, f: impl FnOnce(&CpuCtx<'_>) -> R) -> R {
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
    let ctx = CpuCtx {
        clock: &clock,
        cancel: flag,
        pool_threads: rayon::current_num_threads(),
        progress: &Default::default(),
        processes: Some(&ThreadProcesses),
    };
    f(&ctx)
}

/// Tests in one binary run in parallel; each takes this lock so timings (the
/// GIL ratios above all) are not measured while another lesson loads the cores.
static SERIAL: Mutex<()> = Mutex::new(());

pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A CPU lesson's run with these parameters (Stop pressed if `cancel`), checked valid.
pub fn run(s: &Scenario, pairs: &[(&str, &str)], cancel: bool) -> Trace {
    let raw: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let p = s.validate(&raw).unwrap_or_else(|e| panic!("{}: {e:?}", s.id));
    let Some(f) = s.run.cpu() else { panic!("{} is a CPU lesson", s.id) };
    let t = with_cpu_ctx(cancel, |ctx| f(&p, ctx)).unwrap_or_else(|e| panic!("{}: {e}", s.id));
    t.validate().unwrap_or_else(|e| panic!("{}: {e}", s.id));
    t
}

/// The global rayon pool's threads.
pub fn pool() -> usize {
    rayon::current_num_threads()
}
