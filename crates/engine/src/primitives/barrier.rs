//! A traced barrier (asyncio.Barrier): `parties` tasks wait until the last one
//! arrives, then all go on together. Lanes show "waiting on <name>"; a track
//! counts the tasks that have arrived; a run-wide `barrier_open` marker shows
//! when the last party arrived.
//!
//! The waiting is CPython 3.11.7's `asyncio.Barrier` (`locks.py`), transcribed
//! without `reset`/`abort` (the lessons use neither): `wait` runs under the
//! barrier's condition lock; the last party to arrive switches the barrier to
//! *draining* and notifies every waiter; each woken waiter re-takes the lock
//! when it next runs (in wake order) and leaves; the last to leave switches
//! the barrier back to *filling*, so a task that comes back for the next round
//! while others are still leaving waits until they have. A waiter that is
//! cancelled leaves its round (the count drops), as in asyncio.

use super::aio::{Fut, FutQueue, LockCore, LockHeld, OnCancel};
use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use crate::trace::State;
use std::cell::Cell;
use std::rc::Rc;

pub struct TracedBarrier {
    name: String,
    parties: usize,
    /// `Barrier._cond`: its lock and its waiters.
    lock: LockCore,
    waiters: FutQueue,
    draining: Cell<bool>,
    /// Tasks inside `wait` (`Barrier._count`).
    count: Cell<usize>,
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
        Rc::new(TracedBarrier {
            name: name.to_owned(),
            parties,
            lock: LockCore::default(),
            waiters: FutQueue::default(),
            draining: Cell::new(false),
            count: Cell::new(0),
            rec,
            rt,
            track,
        })
    }

    pub fn parties(&self) -> usize {
        self.parties
    }

    /// `Condition.wait_for(pred)` with the lock held (through `held`) on
    /// entry and on return.
    async fn wait_for(&self, held: &LockHeld<'_>, pred: impl Fn() -> bool) {
        while !pred() {
            held.release();
            let fut = Fut::new();
            self.waiters.push(&fut);
            let left = OnCancel::new(|| self.waiters.remove(&fut));
            fut.wait().await;
            left.disarm();
            self.waiters.remove(&fut);
            held.reacquire().await;
        }
    }

    fn notify_all(&self) {
        for f in self.waiters.snapshot() {
            if !f.done() {
                f.set_result();
            }
        }
    }

    /// `Barrier._exit`: the last task out turns a drained barrier back to filling.
    fn exit(&self) {
        if self.count.get() == 0 {
            self.draining.set(false);
            self.notify_all();
        }
    }

    /// Waits until `parties` tasks have called `wait`; returns true for the
    /// one that arrived last (it opens the barrier; asyncio returns its index,
    /// `parties - 1`).
    pub async fn wait(&self, lane: LaneId) -> bool {
        // `async with self._cond:` — released on every way out, cancellation too.
        let held = self.lock.acquire_held().await;
        // `_block`: wait while the previous round drains.
        self.wait_for(&held, || !self.draining.get()).await;
        let index = self.count.get();
        self.count.set(index + 1);
        // `finally: self._count -= 1; self._exit()`, also when cancelled below.
        let _leave = OnCancel::new(|| {
            self.count.set(self.count.get() - 1);
            self.exit();
        });
        let last = index + 1 == self.parties;
        let now = self.rt.now();
        self.rec.sample(self.track, if last { 0.0 } else { (index + 1) as f64 }, now);
        if last {
            // `_release`: drain, wake everyone.
            self.rec.event(None, "barrier_open", Some(self.name.clone()), now);
            self.draining.set(true);
            self.notify_all();
        } else {
            self.rec.enter(lane, State::Waiting, Some(&self.name), now);
            self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
            // `_wait`: until the filling ends.
            self.wait_for(&held, || self.draining.get()).await;
            let now = self.rt.now();
            self.rec.event(Some(lane), "woken", Some(self.name.clone()), now);
            self.rec.enter(lane, State::Running, None, now);
        }
        last
    }
}
