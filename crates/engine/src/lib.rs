//! The engine: everything that runs a lesson and records what happened, with no
//! browser code. Scenarios drive traced primitives on a [`runtime::Runtime`]
//! (virtual clock natively, the browser event loop in the page) or CPU workloads
//! on rayon; both produce a [`trace::Trace`], the one data model the UI reads.
//!
//! A crate of its own (the playground re-exports it as `engine`): it cannot name
//! the lessons, the page's state or the browser, so no arrow points the wrong way.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod caps;
pub mod chrome;
pub mod cpu;
pub mod csv;
pub mod latency;
pub mod metrics;
pub mod params;
pub mod primitives;
pub mod procinit;
pub mod procpool;
pub mod procshared;
pub mod recorder;
pub mod runtime;
pub mod server_model;
pub mod sweep;
pub mod trace;
pub mod virtual_clock;
pub mod workloads;
pub mod worklog;

use std::fmt;

/// Why a run could not produce a result. Shown to the user, so every variant
/// carries what they need to fix it.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// Parameters passed validation but the environment can't honour them
    /// (e.g. more threads than the pool has).
    Environment(String),
    /// The workload itself failed.
    Workload(String),
    /// The user pressed Stop.
    Stopped,
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Environment(m) | RunError::Workload(m) => f.write_str(m),
            RunError::Stopped => f.write_str("stopped"),
        }
    }
}
