//! The interleaving lesson's part of the page state: the schedule stepped so
//! far (raw link text, kept even when it cannot be replayed, so the page can
//! say why), and the trace it draws on the usual timeline.

use super::{AppState, RunStatus, TraceRef};
use crate::interleave::codec::{self, ScheduleError};
use crate::interleave::{models, trace, Model, Tid};
use crate::scenarios::Kind;
use std::rc::Rc;

impl AppState {
    /// Is a lesson of stepped models (the interleavings) on screen?
    pub fn is_interleave(&self) -> bool {
        self.scenario().kind() == Kind::Model
    }

    /// The chosen model (the lesson's `model` parameter; the default if it is bad).
    pub fn interleave_model(&self) -> Model {
        models::by_id(&self.input("model")).or_else(|| models::by_id(models::IDS[0])).expect("the built-in models include IDS[0]")
    }

    /// The schedule's valid steps, and the error in the rest of it, if any.
    pub fn interleave_schedule(&self) -> (Vec<Tid>, Option<ScheduleError>) {
        let m = self.interleave_model();
        match codec::decode(&m, &self.schedule) {
            Ok((s, _)) => (s, None),
            Err(e) => {
                let valid = match &e {
                    ScheduleError::BadChar { pos, .. }
                    | ScheduleError::NoSuchThread { pos, .. }
                    | ScheduleError::NotRunnable { pos, .. }
                    | ScheduleError::AfterEnd { pos } => *pos,
                    ScheduleError::TooLong { .. } => 0,
                };
                let prefix = codec::parse(&self.schedule.chars().take(valid).collect::<String>()).unwrap_or_default();
                (prefix, Some(e))
            }
        }
    }

    /// Sets the schedule text and draws its valid steps as the run on screen.
    pub(super) fn set_schedule(&mut self, text: String) {
        self.schedule = text;
        if !self.is_interleave() {
            return;
        }
        let (steps, _) = self.interleave_schedule();
        let params = [("model".to_owned(), self.interleave_model().id.to_owned())].into_iter().collect();
        let t = trace::to_trace(&self.interleave_model(), &steps, params);
        self.run = RunStatus::Done;
        self.show(TraceRef(Rc::new(t)));
    }
}
