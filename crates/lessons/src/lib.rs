//! The playground's lessons, below the page and above the engine. A crate of
//! its own, so the compiler stops a lesson from reaching for the page (`traces`,
//! `state`, `view`, `web` live in the app crate above it); inside, each module
//! uses only those listed before it (`tests/layers.rs`):
//! - [`interleave`]: thread interleavings of small Python models, stepped and searched;
//! - [`i18n`]: every user-visible string, in English and 简体中文;
//! - [`scenarios`]: the lesson catalogue, one file per lesson;
//! - [`presets`]: the tutorials' examples as lesson runs.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub use playground_engine as engine;

/// The lessons, in the order the picker shows them: **adding a lesson is one
/// line here** (its scenario in `scenarios/<id>.rs`, its texts in
/// `i18n/lessons/<id>.rs`). `scenarios` declares their modules and `ALL` from
/// it, `i18n` their text tables (`with_lessons!(a_macro)` calls `a_macro!` with
/// the ids).
macro_rules! with_lessons {
    ($then:ident) => {
        $then! {
            // Async lessons: the catalogue's twelve (SCENARIOS.md 1-12), then the later ones.
            gather, crawler, results, taskgroup, resilience, ratelimit, prodcons, pipeline, blocking, coordination, deadlock, actors, threadpool, countdown,
            // CPU lessons: the catalogue's nine (SCENARIOS.md 1-9), then the later ones.
            primes, pi, sumsq, sha256, mandelbrot, fib, poolsize, mapreduce, race, gil, gilio, chooser, sharing, mpqueue, mpshared, hybrid, structures, stealing,
            // Interleavings, stepped by hand and searched; thread basics.
            interleave, threadbasics,
        }
    };
}
pub mod i18n;
pub mod interleave;
pub mod presets;
pub mod scenarios;
