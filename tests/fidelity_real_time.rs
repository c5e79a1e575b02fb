//! Every async lesson against real CPython 3.11 running its own listing on
//! real time, with the same parameters and seed. The only test in its binary:
//! cargo runs test binaries one at a time, so no other test of this crate
//! shares the CPU with CPython's timers (what is still late is measured by
//! `python/tools/real_run.py` and allowed for, see `src/fidelity.rs`).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::fidelity::{check_with_tolerance, python_version};
use concurrency_playground::fidelity_variants::variants;
use concurrency_playground::scenarios::{Kind, ALL};
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Real time: each lesson's `cpython` parameters, CPython at most 1 ms early
/// and at most the run's measured loop slack late (one run: real timers are
/// late, never early, so the bound is one-sided; see `python/tools/real_run.py`).
#[test]
fn every_async_lesson_agrees_with_cpython_on_real_time() {
    let v = python_version().expect("python3 runs");
    assert!(v.starts_with("Python 3.11."), "the listings are compared with CPython 3.11, found {v}");
    let mut failures = Vec::new();
    for scn in ALL.iter().filter(|s| s.kind == Kind::Async) {
        assert!(!scn.cpython.is_empty(), "{}: async lessons declare their CPython comparison parameters", scn.id);
        let (params, tol) = variants(scn).remove(0);
        match check_with_tolerance(scn, &params, &tol, repo()) {
            Ok(c) if c.passed() => assert!(c.tasks_compared > 0, "{}: the listing reported no tasks", scn.id),
            Ok(c) => failures.push(format!("{} {}: {}", scn.id, c.args, c.failures().join("; "))),
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "CPython disagrees:\n{}", failures.join("\n"));
}
