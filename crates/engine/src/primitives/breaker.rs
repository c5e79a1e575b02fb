//! A circuit breaker: **closed** (calls pass; consecutive failures are
//! counted), **open** after `threshold` consecutive failures (calls are rejected
//! at once, without touching the service), **half-open** once `open_ms` has
//! passed (one trial call goes through: success closes, failure reopens).
//! The track `breaker_state` shows 0 closed, 1 open, 2 half-open; events
//! `breaker_open`, `breaker_half_open`, `breaker_closed` and `rejected` land on
//! the lane of the call that caused them.
//!
//! Written by hand: the state machine is the lesson, and it must read the
//! run's clock (virtual or browser), which crates such as `failsafe` don't take.

use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use std::cell::Cell;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

impl BreakerState {
    pub fn track_value(self) -> f64 {
        match self {
            BreakerState::Closed => 0.0,
            BreakerState::Open => 1.0,
            BreakerState::HalfOpen => 2.0,
        }
    }
}

/// The call was rejected because the breaker is open (or its trial call is out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rejected;

/// Permission to make one call; say how it went with [`CircuitBreaker::record`].
#[derive(Debug)]
pub struct Ticket {
    probe: bool,
}

pub struct CircuitBreaker {
    threshold: u32,
    open_ms: f64,
    state: Cell<BreakerState>,
    failures: Cell<u32>,
    opened_at: Cell<f64>,
    opens: Cell<u32>,
    rejected: Cell<u32>,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track: TrackId,
}

impl CircuitBreaker {
    pub fn new(threshold: u32, open_ms: f64, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let track = rec.track("breaker_state");
        Rc::new(CircuitBreaker {
            threshold: threshold.max(1),
            open_ms,
            state: Cell::new(BreakerState::Closed),
            failures: Cell::new(0),
            opened_at: Cell::new(0.0),
            opens: Cell::new(0),
            rejected: Cell::new(0),
            rec,
            rt,
            track,
        })
    }

    pub fn state(&self) -> BreakerState {
        self.state.get()
    }
    /// How many times the breaker opened.
    pub fn opens(&self) -> u32 {
        self.opens.get()
    }
    /// Calls rejected while open or half-open.
    pub fn rejected(&self) -> u32 {
        self.rejected.get()
    }

    fn set(&self, s: BreakerState, lane: LaneId, event: &str) {
        let now = self.rt.now();
        self.state.set(s);
        self.rec.sample(self.track, s.track_value(), now);
        self.rec.event(Some(lane), event, None, now);
    }

    /// Asks to make a call on `lane` now.
    pub fn admit(&self, lane: LaneId) -> Result<Ticket, Rejected> {
        match self.state.get() {
            BreakerState::Closed => Ok(Ticket { probe: false }),
            BreakerState::Open if self.rt.now() >= self.opened_at.get() + self.open_ms => {
                self.set(BreakerState::HalfOpen, lane, "breaker_half_open");
                Ok(Ticket { probe: true })
            }
            BreakerState::Open | BreakerState::HalfOpen => {
                self.rejected.set(self.rejected.get() + 1);
                self.rec.event(Some(lane), "rejected", None, self.rt.now());
                Err(Rejected)
            }
        }
    }

    /// Reports how an admitted call went. Only calls admitted while closed (in
    /// the closed state) and the half-open trial call move the state.
    pub fn record(&self, ticket: Ticket, ok: bool, lane: LaneId) {
        match (self.state.get(), ticket.probe) {
            (BreakerState::HalfOpen, true) if ok => {
                self.failures.set(0);
                self.set(BreakerState::Closed, lane, "breaker_closed");
            }
            (BreakerState::HalfOpen, true) => self.open(lane),
            (BreakerState::Closed, _) if ok => self.failures.set(0),
            (BreakerState::Closed, _) => {
                self.failures.set(self.failures.get() + 1);
                if self.failures.get() >= self.threshold {
                    self.open(lane);
                }
            }
            _ => {}
        }
    }

    fn open(&self, lane: LaneId) {
        self.opened_at.set(self.rt.now());
        self.opens.set(self.opens.get() + 1);
        self.failures.set(0);
        self.set(BreakerState::Open, lane, "breaker_open");
    }
}
