#![cfg(not(target_arch = "wasm32"))]
//! A stopped run always ends the page's "running": a run that Stop ended
//! before it had a trace (`RunError::Stopped`, as the runner reports it)
//! leaves the page "stopped", ready to run again.

use concurrency_playground::state::{Action, AppState, RunStatus};

#[test]
fn a_run_stopped_without_a_trace_ends_stopped() {
    let s = AppState::from_query("?lesson=crawler", None);
    let running = s.reduce(Action::RequestRun).reduce(Action::RunStarted);
    assert_eq!(running.run, RunStatus::Running);
    assert!(!running.can_run());
    let stopped = running.reduce(Action::RunStopped);
    assert_eq!(stopped.run, RunStatus::Stopped);
    assert_eq!(stopped.run.as_str(), "stopped");
    assert!(stopped.can_run() && !stopped.run_requested);
    // No trace came with it: whatever was shown before stays.
    assert_eq!(stopped.trace.is_some(), running.trace.is_some());
}
