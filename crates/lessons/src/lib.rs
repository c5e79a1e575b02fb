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
pub mod i18n;
pub mod interleave;
pub mod presets;
pub mod scenarios;
