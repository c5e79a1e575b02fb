//! Every async lesson against real CPython 3.11 running its own listing on
//! real time, with the same parameters and seed. The only test in its binary:
//! cargo runs test binaries one at a time, so no other test of this crate
//! shares the CPU with CPython's timers (what is still late is measured by
//! `python/tools/real_run.py` and allowed for, see `crates/fidelity/src/lib.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{repo, with_real_time_quarantine};

use concurrency_playground::scenarios::{Kind, ALL};
use playground_fidelity::variants::{cpu_work_tolerance, variants, CPU_WORK};
use playground_fidelity::{check_with_tolerance, python_version};

/// Real time: each lesson's `cpython` parameters, CPython at most 1 ms early
/// and at most the run's measured loop slack late (one run: real timers are
/// late, never early, so the bound is one-sided; see `python/tools/real_run.py`).
/// Then the variants with real CPU work (`CPU_WORK`: gilio's CPU-bound and
/// mixed batches, the chooser's GIL threads on CPU-bound and mixed jobs),
/// held besides to the CPU-time floors their listings measure: the engine's
/// time for a batch is never below the CPU time CPython's threads took for
/// it, one at a time under the GIL (plus the wait before the first compute).
#[test]
fn every_async_lesson_agrees_with_cpython_on_real_time() {
    let v = python_version().expect("python3 runs");
    assert!(v.starts_with("Python 3.11."), "the listings are compared with CPython 3.11, found {v}");
    let mut failures = Vec::new();
    let mut floors = 0;
    for scn in ALL.iter().filter(|s| s.kind() == Kind::Async) {
        assert!(!scn.cpython.is_empty(), "{}: async lessons declare their CPython comparison parameters", scn.id);
        let mut runs = vec![variants(scn).remove(0)];
        runs.extend(CPU_WORK.iter().filter(|(id, _)| *id == scn.id).map(|(_, v)| (v.to_vec(), cpu_work_tolerance(v))));
        for (params, tol) in runs {
            let once = || match check_with_tolerance(scn, &params, &tol, repo()) {
                Ok(c) if c.passed() => Ok(c),
                Ok(c) => Err(format!("{} {}: {}", scn.id, c.args, c.failures().join("; "))),
                Err(e) => Err(e),
            };
            match with_real_time_quarantine(scn.id, once) {
                Ok(c) => {
                    assert!(c.tasks_compared > 0, "{}: the listing reported no tasks", scn.id);
                    floors += c.floors.len();
                }
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(failures.is_empty(), "CPython disagrees:\n{}", failures.join("\n"));
    // Floors: gilio's base and CPU variant 2 each (CPU and mixed batches), 1 per chooser CPU variant.
    assert!(floors >= 6, "{floors} CPU-time floors compared: a listing stopped reporting them");
}
