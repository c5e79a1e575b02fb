//! Schedules in share links: one digit per step, the index of the thread that
//! took it (`"0011010"`; models have at most ten threads). A decoded schedule
//! is replayed on its model, so a link that names a missing thread or a step a
//! thread could not take (blocked, finished, or after the run ended) is
//! refused with the position and the reason, never half-applied.

use super::model::{Blocked, Outcome, State};
use super::{Model, Tid};

/// Longest schedule a link may carry (the built-in runs are far shorter).
pub const MAX_LEN: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    TooLong {
        len: usize,
        max: usize,
    },
    /// A character that is not a digit, at 0-based `pos`.
    BadChar {
        pos: usize,
        ch: char,
    },
    /// Step `pos` names thread `thread`; the model has `threads`.
    NoSuchThread {
        pos: usize,
        thread: usize,
        threads: usize,
    },
    /// Step `pos`: `thread` could not step then.
    NotRunnable {
        pos: usize,
        thread: usize,
        why: Blocked,
    },
    /// Step `pos` comes after the run had already ended (passed or failed).
    AfterEnd {
        pos: usize,
    },
}

impl ScheduleError {
    /// Stable kind for `data-kind` and message keys.
    pub fn kind(&self) -> &'static str {
        match self {
            ScheduleError::TooLong { .. } => "too_long",
            ScheduleError::BadChar { .. } => "bad_char",
            ScheduleError::NoSuchThread { .. } => "no_such_thread",
            ScheduleError::NotRunnable { .. } => "not_runnable",
            ScheduleError::AfterEnd { .. } => "after_end",
        }
    }
}

/// The link text of a schedule.
pub fn encode(schedule: &[Tid]) -> String {
    schedule.iter().map(|&t| char::from_digit(t as u32, 10).unwrap_or('?')).collect()
}

/// The thread indices of a link text, unchecked against any model.
pub fn parse(text: &str) -> Result<Vec<Tid>, ScheduleError> {
    let len = text.chars().count();
    if len > MAX_LEN {
        return Err(ScheduleError::TooLong { len, max: MAX_LEN });
    }
    text.chars().enumerate().map(|(pos, ch)| ch.to_digit(10).map(|d| d as Tid).ok_or(ScheduleError::BadChar { pos, ch })).collect()
}

/// The states along `schedule` (the initial state, then one per step), or why
/// it cannot be run on `model`.
pub fn replay(model: &Model, schedule: &[Tid]) -> Result<Vec<State>, ScheduleError> {
    let mut s = model.initial();
    let mut states = Vec::with_capacity(schedule.len() + 1);
    for (pos, &thread) in schedule.iter().enumerate() {
        if thread >= model.threads.len() {
            return Err(ScheduleError::NoSuchThread { pos, thread, threads: model.threads.len() });
        }
        if model.outcome(&s) != Outcome::Running {
            return Err(ScheduleError::AfterEnd { pos });
        }
        if let Some(why) = model.blocked(&s, thread) {
            return Err(ScheduleError::NotRunnable { pos, thread, why });
        }
        states.push(s.clone());
        model.step(&mut s, thread);
    }
    states.push(s);
    Ok(states)
}

/// Parses and replays a link text.
pub fn decode(model: &Model, text: &str) -> Result<(Vec<Tid>, Vec<State>), ScheduleError> {
    let schedule = parse(text)?;
    let states = replay(model, &schedule)?;
    Ok((schedule, states))
}
