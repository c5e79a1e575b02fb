//! A traced barrier (asyncio.Barrier): `parties` tasks wait until the last one
//! arrives, then all go on together. Lanes show "waiting on <name>"; a track
//! counts the tasks that have arrived; a run-wide `barrier_open` marker shows
//! when the last party arrived.
//!
//! The barrier is tokio's (`sync::Barrier`, reusable like asyncio's); this
//! wrapper only observes it. As with tokio's, a cancelled waiter still counts
//! as arrived for its round.

use crate::engine::recorder::{LaneId, Recorder, TrackId};
use crate::engine::runtime::Runtime;
use crate::engine::trace::State;
use std::cell::Cell;
use std::rc::Rc;
use tokio::sync::Barrier;

pub struct TracedBarrier {
    name: String,
    barrier: Barrier,
    parties: usize,
    arrived: Cell<usize>,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track: TrackId,
}

impl TracedBarrier {
    /// A barrier for `parties` (at least 1) tasks; the track `arrived_track`
    /// counts those waiting for the rest.
    pub fn new(name: &str, parties: usize, arrived_track: &str, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let parties = parties.max(1);
        let track = rec.track(arrived_track);
        Rc::new(TracedBarrier { name: name.to_owned(), barrier: Barrier::new(parties), parties, arrived: Cell::new(0), rec, rt, track })
    }

    pub fn parties(&self) -> usize {
        self.parties
    }

    /// Waits until `parties` tasks have called `wait`; returns true for the
    /// one that arrived last (it opens the barrier).
    pub async fn wait(&self, lane: LaneId) -> bool {
        let now = self.rt.now();
        let arrived = self.arrived.get() + 1;
        let last = arrived == self.parties;
        // The last party opens the barrier: the count drops back to 0 for the next round.
        self.arrived.set(if last { 0 } else { arrived });
        self.rec.sample(self.track, self.arrived.get() as f64, now);
        if last {
            self.rec.event(None, "barrier_open", Some(self.name.clone()), now);
        } else {
            self.rec.enter(lane, State::Waiting, Some(&self.name), now);
            self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
        }
        self.barrier.wait().await;
        let now = self.rt.now();
        if !last {
            self.rec.event(Some(lane), "woken", Some(self.name.clone()), now);
            self.rec.enter(lane, State::Running, None, now);
        }
        last
    }
}
