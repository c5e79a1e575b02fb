//! A schedule as the playground's usual trace, so the timeline, replay and
//! exports draw it: one lane per thread, one millisecond per step. The thread
//! that steps is `running` (labelled with its step); a thread whose next step
//! cannot run is `waiting` on what blocks it.

use super::model::{Blocked, Failure, Outcome};
use super::{codec, Model, Tid};
use crate::engine::recorder::{self, Recorder};
use crate::engine::trace::{self, ClockKind, LaneKind, State, Trace};
use std::collections::BTreeMap;

/// The trace of `schedule` on `model` (the longest valid prefix of it).
pub fn to_trace(model: &Model, schedule: &[Tid], params: BTreeMap<String, String>) -> Trace {
    let rec = Recorder::new();
    let steps = record(model, schedule, &rec, 0.0);
    let meta = recorder::meta("interleave", params, ClockKind::Virtual);
    rec.finish(meta, steps.max(1.0))
}

/// Records `schedule` (its longest valid prefix) into `rec` from time `t0`;
/// returns its length in steps (= ms).
pub fn record(model: &Model, schedule: &[Tid], rec: &Recorder, t0: f64) -> f64 {
    let valid = match codec::replay(model, schedule) {
        Ok(_) => schedule.len(),
        Err(e) => error_pos(&e),
    };
    let schedule = &schedule[..valid];
    let lanes: Vec<_> = model.threads.iter().map(|t| rec.lane(t.name.clone(), LaneKind::Worker)).collect();
    let mut s = model.initial();
    for (i, &t) in schedule.iter().enumerate() {
        let at = t0 + i as f64;
        for (u, &lane) in lanes.iter().enumerate() {
            if u == t {
                continue;
            }
            if let Some(why) = model.blocked(&s, u) {
                if let Some(res) = resource(model, why) {
                    rec.span_on(lane, State::Waiting, &res, at, at + 1.0, None);
                }
            }
        }
        let text = model.threads[t].steps[s.pc[t] as usize].text.clone();
        rec.span(lanes[t], State::Running, at, at + 1.0, Some(text));
        model.step(&mut s, t);
        if model.finished(&s, t) {
            rec.finish_lane(lanes[t], trace::Outcome::Done, at + 1.0);
        }
    }
    let end = t0 + schedule.len() as f64;
    let outcome = model.outcome(&s);
    if let Outcome::Failed(f) = &outcome {
        for (u, &lane) in lanes.iter().enumerate() {
            if !model.finished(&s, u) || !matches!(f, Failure::Deadlock) {
                rec.finish_lane(lane, trace::Outcome::Failed, end);
            }
        }
        let name = match f {
            // Not `deadlock`: that event is the deadlock lesson's cycle warning.
            Failure::Deadlock => "il_deadlock",
            Failure::Assert { .. } => "il_assert_failed",
            Failure::ReleaseUnowned { .. } => "il_release_unowned",
        };
        rec.event(None, name, None, end);
    }
    rec.result("steps", schedule.len() as f64);
    rec.result("preemptions", model.preemptions(schedule) as f64);
    schedule.len() as f64
}

fn error_pos(e: &codec::ScheduleError) -> usize {
    use codec::ScheduleError::*;
    match *e {
        TooLong { .. } => 0,
        BadChar { pos, .. } | NoSuchThread { pos, .. } | NotRunnable { pos, .. } | AfterEnd { pos } => pos,
    }
}

fn resource(m: &Model, why: Blocked) -> Option<String> {
    Some(match why {
        Blocked::Finished => return None,
        Blocked::Lock { lock, .. } => m.locks[lock as usize].name.to_owned(),
        Blocked::Semaphore { sem } => m.sems[sem as usize].name.to_owned(),
        Blocked::Event { ev } => m.events[ev as usize].to_owned(),
        Blocked::Notify { cond } => m.conds[cond as usize].name.to_owned(),
        Blocked::QueueFull { queue } | Blocked::QueueEmpty { queue } => m.queues[queue as usize].name.to_owned(),
    })
}
