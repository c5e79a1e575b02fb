//! Concurrency playground: lessons about async and parallel code, executed for
//! real and drawn as timelines.
//!
//! Layers (see CONTRIBUTING.md):
//! - [`engine`]: runs lessons and records [`engine::trace::Trace`]s; no browser code.
//! - [`scenarios`]: the lesson catalogue, one file per lesson.
//! - [`interleave`]: thread interleavings of small Python models, stepped and searched.
//! - [`i18n`]: every user-visible string, in English and 简体中文.
//! - `fidelity` (native only): compares async lessons with their CPython listings.
//! - [`traces`]: a run's replay model and its trace file (export, validated import).
//! - [`state`]: the page's state as a reducer, pure and natively tested.
//! - [`view`]: chart data and layout as pure functions.
//! - `web` (wasm32 only): the Yew components and services (timers, fetch, pool).

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!("build for wasm32 with +atomics (see .cargo/config.toml): the rayon pool needs shared memory");

pub use playground_engine as engine;
/// CPython fidelity checks (native only: runs python3).
#[cfg(not(target_arch = "wasm32"))]
pub mod fidelity;
pub mod i18n;
pub mod interleave;
pub mod presets;
pub mod scenarios;
pub mod state;
pub mod traces;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
