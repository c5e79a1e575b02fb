//! The interleaving models' test helpers (`tests/interleave*.rs`).

use concurrency_playground::interleave::models;
use concurrency_playground::interleave::search::{Found, Progress, Search};
use concurrency_playground::interleave::Model;

/// A built-in model by id.
pub fn model(id: &str) -> Model {
    models::by_id(id).unwrap_or_else(|| panic!("no model {id}"))
}

/// Runs a search to its answer.
pub fn finish(search: &mut dyn Search) -> Progress {
    loop {
        match search.run(10_000) {
            Progress::Running => {}
            p => return p,
        }
    }
}

/// The failing schedule a search found.
pub fn found(p: Progress) -> Found {
    match p {
        Progress::Found(f) => f,
        other => panic!("expected a failing schedule, got {other:?}"),
    }
}
