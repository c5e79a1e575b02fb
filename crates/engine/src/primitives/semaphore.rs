//! A counting semaphore that draws itself: lanes show "waiting on <name>" while
//! queued, and two tracks record permits in use and waiters.
//!
//! The queueing is asyncio 3.11.7's own ([`SemCore`]); this wrapper only
//! observes it. A waiter that is cancelled leaves the queue and the waiter count.

use super::aio::SemCore;
use super::waiters::Waiters;
use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use crate::trace::State;
use std::cell::Cell;
use std::rc::Rc;

pub struct TracedSemaphore {
    name: String,
    sem: SemCore,
    in_use: Cell<usize>,
    waiters: Waiters,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track_in_use: TrackId,
}

/// Held while inside the semaphore; releasing is dropping it.
pub struct Permit {
    sem: Rc<TracedSemaphore>,
}

impl TracedSemaphore {
    /// `permits` must be ≥ 1. Tracks are named `permits_in_use` and `waiters`
    /// (these names are translation keys too).
    pub fn new(name: &str, permits: usize, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let track_in_use = rec.track("permits_in_use");
        let waiters = Waiters::new(Some(rec.track("waiters")));
        Rc::new(TracedSemaphore {
            name: name.to_owned(),
            sem: SemCore::new(permits.max(1)),
            in_use: Cell::new(0),
            waiters,
            rec,
            rt,
            track_in_use,
        })
    }

    pub fn in_use(&self) -> usize {
        self.in_use.get()
    }

    /// Acquires a permit for `lane`. If none is free the lane shows
    /// [`State::Waiting`] on this semaphore until it is woken with one.
    pub async fn acquire(self: &Rc<Self>, lane: LaneId) -> Permit {
        if self.sem.locked() {
            self.rec.enter(lane, State::Waiting, Some(&self.name), self.rt.now());
            let _waiting = self.waiters.wait(&self.rec, self.rt.as_ref());
            self.sem.acquire().await;
        } else {
            self.sem.acquire().await;
        }
        self.in_use.set(self.in_use.get() + 1);
        let now = self.rt.now();
        self.rec.sample(self.track_in_use, self.in_use.get() as f64, now);
        self.rec.event(Some(lane), "acquired", Some(self.name.clone()), now);
        Permit { sem: self.clone() }
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let s = &self.sem;
        s.in_use.set(s.in_use.get() - 1);
        s.rec.sample(s.track_in_use, s.in_use.get() as f64, s.rt.now());
        s.sem.release();
    }
}
