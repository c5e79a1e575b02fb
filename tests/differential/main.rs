#![cfg(not(target_arch = "wasm32"))]
//! The differential test: random programs over semaphores, locks, events,
//! conditions, queues and barriers (with sleeps and `sleep(0)`) give the same event log
//! on the engine's virtual clock and on CPython 3.11's asyncio (run by
//! `python/tools/diffprog.py` on a virtual-time event loop). A disagreement
//! is printed as a minimized program with both logs.

#[path = "../common/mod.rs"]
mod common;
use common::repo;

mod diffprog;

use diffprog::cpython::{differ, run_cpython};
use diffprog::run::run_engine;
use diffprog::{generate, Program, Step};

/// Programs with fixed seeds 0..N, in one python3 process.
const N: u64 = 400;

#[test]
fn random_programs_agree_with_cpython() {
    let programs: Vec<(u64, Program)> = (0..N).map(|s| (s, generate(s))).collect();
    let bad = differ(&programs, repo()).expect("python3 runs the programs");
    let report: Vec<String> = bad.iter().map(|d| d.to_string()).collect();
    assert!(bad.is_empty(), "{} of {N} programs disagree:\n{}", bad.len(), report.join("\n"));
    // The programs exercise what they should: hangs, queue items and wake-ups occur.
    let logs: Vec<Vec<String>> = programs.iter().map(|(_, p)| run_engine(p)).collect();
    let has = |s: &str| logs.iter().filter(|l| l.iter().any(|e| e.contains(s))).count();
    for what in ["hang T", "got q", "passed bar", "passed bar0 last", "woken cond", "waited ev", "acquired sem", "acquired lock", "slept"] {
        assert!(has(what) >= 5, "only {} programs show {what:?}", has(what));
    }
}

/// The comparison can fail: CPython's own log differs from a program's whose
/// task order is swapped (two tasks racing for one lock after `sleep(0)`).
#[test]
fn the_comparison_sees_a_different_order() {
    let race = |first: usize| Program {
        sems: vec![1],
        locks: 1,
        events: 1,
        conds: 1,
        queues: vec![1],
        barriers: vec![],
        tasks: (0..2)
            .map(|k| {
                let mut t = vec![Step::LockAcquire { i: 0 }, Step::Sleep { ms: 1.0 }, Step::LockRelease { i: 0 }];
                if k != first {
                    t.insert(0, Step::Sleep { ms: 0.0 });
                }
                t
            })
            .collect(),
    };
    let (a, b) = (race(0), race(1));
    let py = run_cpython(&[a.clone(), b.clone()], repo()).unwrap();
    assert_eq!(run_engine(&a), py[0]);
    assert_eq!(run_engine(&b), py[1]);
    assert_ne!(py[0], py[1]);
}
