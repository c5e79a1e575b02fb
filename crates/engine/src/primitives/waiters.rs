//! The number of tasks waiting on one primitive, drawn as a track. Semaphore,
//! lock, event, condition and connection pool all block tasks and count them
//! the same way: one more while a task waits, one fewer however the wait ends
//! (woken, or cancelled by dropping the future), which is why the decrement
//! lives in a guard's `Drop`.

use crate::recorder::{Recorder, TrackId};
use crate::runtime::Runtime;
use std::cell::Cell;

pub struct Waiters {
    count: Cell<usize>,
    /// Where the count is drawn; `None` counts without a track.
    track: Option<TrackId>,
}

/// One waiter, counted from [`Waiters::wait`] until it is dropped.
pub struct Waiting<'a> {
    waiters: &'a Waiters,
    rec: &'a Recorder,
    rt: &'a dyn Runtime,
}

impl Waiters {
    pub fn new(track: Option<TrackId>) -> Self {
        Waiters { count: Cell::new(0), track }
    }

    pub fn count(&self) -> usize {
        self.count.get()
    }

    /// Counts one more waiter (sampled on the track at `rt.now()`) until the
    /// returned guard is dropped.
    pub fn wait<'a>(&'a self, rec: &'a Recorder, rt: &'a dyn Runtime) -> Waiting<'a> {
        self.count.set(self.count.get() + 1);
        self.sample(rec, rt);
        Waiting { waiters: self, rec, rt }
    }

    fn sample(&self, rec: &Recorder, rt: &dyn Runtime) {
        if let Some(t) = self.track {
            rec.sample(t, self.count.get() as f64, rt.now());
        }
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        let w = self.waiters;
        w.count.set(w.count.get().saturating_sub(1));
        w.sample(self.rec, self.rt);
    }
}
