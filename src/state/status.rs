//! What a run is and shows: its trace (shared), its clock, its progress and status.

use crate::engine::trace::Trace;
use std::rc::Rc;

/// A finished run's trace, shared; equal only to itself (pointer equality), so
/// comparing states (and component props) never walks 100k spans.
#[derive(Debug, Clone)]
pub struct TraceRef(pub Rc<Trace>);

impl PartialEq for TraceRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for TraceRef {
    type Target = Trace;
    fn deref(&self) -> &Trace {
        &self.0
    }
}

/// Which clock async lessons run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The browser's event loop, real timers and real `fetch()`.
    #[default]
    Browser,
    /// The virtual clock: deterministic and instant, same seed → same trace.
    Virtual,
}

impl Clock {
    pub const ALL: [Clock; 2] = [Clock::Browser, Clock::Virtual];

    /// The URL value and translation key suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Clock::Browser => "browser",
            Clock::Virtual => "virtual",
        }
    }

    pub fn parse(s: &str) -> Option<Clock> {
        match s.trim().to_ascii_lowercase().as_str() {
            "browser" | "real" => Some(Clock::Browser),
            "virtual" => Some(Clock::Virtual),
            _ => None,
        }
    }
}

/// How far a running CPU run is: `done` of `total` steps (0 total: nothing to
/// count, only the time), `elapsed_ms` since Run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunProgress {
    pub done: u32,
    pub total: u32,
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RunStatus {
    Idle,
    Running,
    Done,
    Stopped,
    Failed(String),
}

impl RunStatus {
    /// Stable name for `data-status` and translation keys.
    pub fn as_str(&self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Stopped => "stopped",
            RunStatus::Failed(_) => "failed",
        }
    }
}
