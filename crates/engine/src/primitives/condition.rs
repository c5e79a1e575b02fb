//! A traced condition variable (asyncio.Condition): a task holding the lock
//! waits (releasing the lock) until another task holding it calls `notify(n)`
//! or `notify_all`; a woken task queues for the lock again before it returns.
//! Lanes show "waiting on <condition>", then "waiting on <lock>" while they
//! re-acquire; events record wait, notify and woken; a track counts waiters.
//!
//! The wait queue is asyncio 3.11's (a deque of [`Fut`]s, written by hand
//! because asyncio's semantics are the lesson): `notify(n)` wakes the *n
//! longest-waiting* tasks not already woken, skipping cancelled ones, and
//! requires the lock; a woken waiter leaves the queue when it runs.
//! tokio's `Notify` has no "wake n" and stores a permit when nobody waits.

use super::aio::{Fut, FutQueue, OnCancel};
use super::lock::{LockGuard, TracedLock};
use super::waiters::Waiters;
use crate::recorder::{LaneId, Recorder};
use crate::runtime::Runtime;
use crate::trace::State;
use std::rc::Rc;

pub struct TracedCondition {
    name: String,
    lock: Rc<TracedLock>,
    queue: FutQueue,
    waiters: Waiters,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
}

impl TracedCondition {
    /// A condition over `lock`; the track `waiters_track` counts tasks waiting
    /// for a notification.
    pub fn new(name: &str, lock: Rc<TracedLock>, waiters_track: &str, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let waiters = Waiters::new(Some(rec.track(waiters_track)));
        Rc::new(TracedCondition { name: name.to_owned(), lock, queue: FutQueue::default(), waiters, rec, rt })
    }

    /// Takes the underlying lock (`async with cond:`).
    pub async fn acquire(&self, lane: LaneId) -> LockGuard {
        self.lock.acquire(lane).await
    }

    /// Releases the lock held through `guard`, waits for a notification, then
    /// re-acquires the lock and returns the new guard.
    pub async fn wait(&self, guard: LockGuard) -> LockGuard {
        let lane = guard.lane();
        drop(guard);
        let fut = Fut::new();
        self.queue.push(&fut);
        let now = self.rt.now();
        self.rec.enter(lane, State::Waiting, Some(&self.name), now);
        self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
        {
            let _waiting = self.waiters.wait(&self.rec, self.rt.as_ref());
            let left = OnCancel::new(|| {
                fut.cancel();
                self.queue.remove(&fut);
            });
            fut.wait().await;
            left.disarm();
            self.queue.remove(&fut);
        }
        let now = self.rt.now();
        self.rec.event(Some(lane), "woken", Some(self.name.clone()), now);
        self.rec.enter(lane, State::Running, None, now);
        self.lock.acquire(lane).await
    }

    /// Wakes up to `n` waiters, longest-waiting first; returns how many. The
    /// guard proves the caller holds the lock, as asyncio requires.
    pub fn notify(&self, held: &LockGuard, n: usize) -> usize {
        // Skips waiters already woken (not yet run) and cancelled ones.
        let due = self.queue.first_pending(n);
        for f in &due {
            f.set_result();
        }
        let woken = due.len();
        self.rec.event(Some(held.lane()), "notify", Some(format!("{}: {woken}", self.name)), self.rt.now());
        woken
    }

    pub fn notify_all(&self, held: &LockGuard) -> usize {
        self.notify(held, usize::MAX)
    }
}
