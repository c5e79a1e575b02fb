//! A traced mutual-exclusion lock (asyncio.Lock): lanes show "waiting on
//! <name>" while queued; events record wait, acquired and released; an optional
//! track counts waiters. Every lock belongs to a [`WaitForGraph`], which sees
//! each wait and names a deadlock cycle as soon as one closes.
//!
//! The queueing is asyncio 3.11's own ([`LockCore`]): a release *wakes* the
//! first waiter, which takes the lock when it next runs (nobody can barge in
//! meanwhile). A cancelled waiter leaves the queue and the graph.

use super::aio::LockCore;
use super::waiters::Waiters;
use super::waitfor::WaitForGraph;
use crate::recorder::{LaneId, Recorder};
use crate::trace::State;
use std::rc::Rc;

pub struct TracedLock {
    name: String,
    core: LockCore,
    graph: Rc<WaitForGraph>,
    waiters: Waiters,
}

/// Held while the lock is held; releasing is dropping it.
pub struct LockGuard {
    lock: Rc<TracedLock>,
    lane: LaneId,
}

/// Takes the lane out of the wait-for graph however the wait ends (acquired
/// or cancelled); the waiter count has its own guard.
struct LeavesGraph<'a> {
    lock: &'a TracedLock,
    lane: LaneId,
}

impl Drop for LeavesGraph<'_> {
    fn drop(&mut self) {
        self.lock.graph.stopped_waiting(self.lane);
    }
}

impl TracedLock {
    /// A lock named `name` (unique within `graph`); with `waiters_track`, a
    /// track of that name counts the tasks queued on it.
    pub fn new(name: &str, graph: &Rc<WaitForGraph>, waiters_track: Option<&str>) -> Rc<Self> {
        let track = waiters_track.map(|t| graph.recorder().track(t));
        Rc::new(TracedLock { name: name.to_owned(), core: LockCore::default(), graph: graph.clone(), waiters: Waiters::new(track) })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn locked(&self) -> bool {
        self.core.locked()
    }

    fn rec(&self) -> &Recorder {
        self.graph.recorder()
    }

    fn now(&self) -> f64 {
        self.graph.runtime().now()
    }

    /// Acquires the lock for `lane`. If it is held, the lane shows
    /// [`State::Waiting`] on this lock until it is woken (FIFO) and takes it, then
    /// [`State::Running`].
    pub async fn acquire(self: &Rc<Self>, lane: LaneId) -> LockGuard {
        match self.core.can_take() {
            true => self.core.acquire().await,
            false => {
                let now = self.now();
                self.rec().enter(lane, State::Waiting, Some(&self.name), now);
                self.rec().event(Some(lane), "wait", Some(self.name.clone()), now);
                let _waiting = self.waiters.wait(self.rec(), self.graph.runtime().as_ref());
                let _leaves = LeavesGraph { lock: self, lane };
                self.graph.waits(lane, &self.name);
                self.core.acquire().await;
                self.rec().enter(lane, State::Running, None, self.now());
            }
        }
        self.graph.acquired(lane, &self.name);
        self.rec().event(Some(lane), "acquired", Some(self.name.clone()), self.now());
        LockGuard { lock: self.clone(), lane }
    }
}

impl LockGuard {
    pub fn lane(&self) -> LaneId {
        self.lane
    }

    pub fn lock(&self) -> &Rc<TracedLock> {
        &self.lock
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let l = &self.lock;
        l.graph.released(&l.name);
        l.rec().event(Some(self.lane), "released", Some(l.name.clone()), l.now());
        l.core.release();
    }
}
