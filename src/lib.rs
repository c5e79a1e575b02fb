//! Concurrency playground: lessons about async and parallel code, executed for
//! real and drawn as timelines. The workspace is a stack of crates, lowest first,
//! so an arrow the wrong way does not compile (see CONTRIBUTING.md):
//! - [`engine`] (`crates/engine`): runs lessons and records [`engine::trace::Trace`]s; no browser code.
//! - `playground-lessons` (`crates/lessons`): [`interleave`], [`i18n`], [`scenarios`]
//!   (the catalogue, one file per lesson) and [`presets`]; no browser code.
//! - this crate, the app: [`traces`] (a run's replay model and its trace file),
//!   [`state`] (the page's reducer, pure and natively tested), [`view`] (chart
//!   layout as pure functions) and `web` (wasm32 only: Yew components and services).
//! - `playground-fidelity` (`crates/fidelity`, dev-only): compares the lessons with
//!   their CPython listings; nothing here can use it.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!("build for wasm32 with +atomics (see .cargo/config.toml): the rayon pool needs shared memory");

pub use playground_engine as engine;
pub use playground_lessons::{i18n, interleave, presets, scenarios};
pub mod state;
pub mod traces;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
