//! Helpers shared by the test files (`mod common;` in each that uses them).
//! Not every test file uses every item.
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cpu;
pub mod interleave;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod virtual_run;
#[cfg(target_arch = "wasm32")]
pub mod web;

use std::collections::BTreeMap;
use std::path::Path;

/// A lesson's raw URL parameters from `(key, value)` pairs.
pub fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// The repository's root (listings, generated docs).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Async lessons whose `cpython` decision changes within
/// `scenarios::LATENESS_BUDGET_MS`, and why: `tests/web.rs` retries each once (printed) on the browser's loop,
/// `tests/late_timers.rs` checks the reason still holds (and that no other
/// lesson belongs here).
pub const REAL_LOOP_QUARANTINE: &[(&str, &str)] = &[(
    "ratelimit",
    "the bucket starts full (3 tokens, one back every 25 ms) and requests arrive every 10 ms: the 4th, at 30 ms, \
     finds 1.2 tokens, a 5 ms margin; a first request more than 5 ms late leaves the bucket full meanwhile, the \
     refill it could not bank is lost, and the 4th waits (3 admitted / 9 delayed instead of 4 / 8)",
)];

/// Lessons whose comparison with CPython 3.11 on real time misses by a
/// stated margin, each with why: the real-time checks (`tests/fidelity_real_time.rs`,
/// the lesson's own test) print a miss and check it once more; a second miss fails.
/// A visible list: each entry is a known gap in how `python/tools/real_run.py`
/// measures a listing's slack, to be closed, not a tolerance.
pub const REAL_TIME_QUARANTINE: &[(&str, &str)] = &[(
    "gilio",
    "checked once more only (a second miss fails): in the fresh-machine run of 2026-12-07 the base variant's CPU \
         floor read 5.1 ms of CPython thread CPU time for 4 jobs of 1 ms (every other run today: 4.0 ms), above the \
         engine's 4.0; cause not found",
)];

/// Runs `check`; a quarantined lesson's miss is printed and checked once
/// more, and a second miss fails.
pub fn with_real_time_quarantine<T>(id: &str, mut check: impl FnMut() -> Result<T, String>) -> Result<T, String> {
    match check() {
        Err(e) if REAL_TIME_QUARANTINE.iter().any(|(q, _)| *q == id) => {
            eprintln!("QUARANTINED {id}: missed, checking once more: {e}");
            check()
        }
        r => r,
    }
}
