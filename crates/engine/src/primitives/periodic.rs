//! A traced periodic scheduler: `tick()` returns when the next tick is due,
//! every `period` ms. Two ways to say "every P ms", which is the lesson:
//! - [`Mode::FixedRate`] schedules tick i at start + i·P (absolute deadlines,
//!   like tokio's `interval`; a late tick is run at once), so no drift builds up;
//! - [`Mode::FixedDelay`] sleeps P after the previous tick's work ended
//!   (`while True: work(); await asyncio.sleep(P)`), so every tick is late by
//!   all the work done before it: the schedule drifts.
//!
//! Each tick records an event with its lateness against start + i·P, and a
//! track plots that lateness. Written by hand: it is a few lines over the
//! runtime's `sleep`, and the runtime (virtual or browser) must own the clock.

use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use crate::trace::State;
use std::cell::Cell;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    FixedRate,
    FixedDelay,
}

/// One tick as it happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub index: u32,
    /// When it should have happened: start + index·period.
    pub ideal_ms: f64,
    /// How much later it actually happened.
    pub late_ms: f64,
}

pub struct Periodic {
    mode: Mode,
    period: f64,
    start: f64,
    next: Cell<u32>,
    lane: LaneId,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track: TrackId,
}

impl Periodic {
    /// Starts now; the first tick is immediate. `lateness_track` plots each
    /// tick's lateness in ms.
    pub fn new(mode: Mode, period_ms: f64, lane: LaneId, lateness_track: &str, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Self {
        let track = rec.track(lateness_track);
        let start = rt.now();
        Periodic { mode, period: period_ms.max(0.0), start, next: Cell::new(0), lane, rec, rt, track }
    }

    /// Sleeps (the lane shows [`State::Sleeping`]) until the next tick is due.
    pub async fn tick(&self) -> Tick {
        let index = self.next.get();
        self.next.set(index + 1);
        let ideal = self.start + index as f64 * self.period;
        if index > 0 {
            let wait = match self.mode {
                Mode::FixedRate => ideal - self.rt.now(),
                Mode::FixedDelay => self.period,
            };
            if wait > 0.0 {
                self.rec.enter(self.lane, State::Sleeping, None, self.rt.now());
                self.rt.sleep(wait).await;
            }
        }
        let now = self.rt.now();
        let late = (now - ideal).max(0.0);
        self.rec.sample(self.track, late, now);
        self.rec.event(Some(self.lane), "tick", Some(format!("tick {index}: {late:.1} ms late")), now);
        Tick { index, ideal_ms: ideal, late_ms: late }
    }
}
