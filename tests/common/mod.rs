//! Helpers shared by the test files (`mod common;` in each that uses them).
//! Not every test file uses every item.
#![allow(dead_code)]

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
