//! The page reducer's test helpers (`tests/state*.rs`).

use concurrency_playground::state::{Action, AppState};

/// `s` after the user typed `value` into parameter `key`.
pub fn set(s: &AppState, key: &str, value: &str) -> AppState {
    s.reduce(Action::SetParam { key: key.into(), value: value.into() })
}

/// `s` after the user picked lesson `id`.
pub fn select(s: &AppState, id: &str) -> AppState {
    s.reduce(Action::SelectLesson(id.into()))
}
