//! A traced condition variable (asyncio.Condition): a task holding the lock
//! waits (releasing the lock) until another task holding it calls `notify(n)`
//! or `notify_all`; a woken task queues for the lock again before it returns.
//! Lanes show "waiting on <condition>", then "waiting on <lock>" while they
//! re-acquire; events record wait, notify and woken; a track counts waiters.
//!
//! The wait queue is written by hand (a FIFO of `futures` oneshot senders)
//! because asyncio's semantics are the lesson: `notify(n)` wakes the *n
//! longest-waiting* tasks, skipping cancelled ones, and requires the lock.
//! tokio's `Notify` has no "wake n" and stores a permit when nobody waits.

use super::lock::{LockGuard, TracedLock};
use super::waiters::Waiters;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::State;
use futures::channel::oneshot;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

pub struct TracedCondition {
    name: String,
    lock: Rc<TracedLock>,
    queue: RefCell<VecDeque<oneshot::Sender<()>>>,
    waiters: Waiters,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
}

impl TracedCondition {
    /// A condition over `lock`; the track `waiters_track` counts tasks waiting
    /// for a notification.
    pub fn new(name: &str, lock: Rc<TracedLock>, waiters_track: &str, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let waiters = Waiters::new(Some(rec.track(waiters_track)));
        Rc::new(TracedCondition { name: name.to_owned(), lock, queue: RefCell::default(), waiters, rec, rt })
    }

    /// Takes the underlying lock (`async with cond:`).
    pub async fn acquire(&self, lane: LaneId) -> LockGuard {
        self.lock.acquire(lane).await
    }

    /// Releases the lock held through `guard`, waits for a notification, then
    /// re-acquires the lock and returns the new guard.
    pub async fn wait(&self, guard: LockGuard) -> LockGuard {
        let lane = guard.lane();
        let (tx, rx) = oneshot::channel();
        self.queue.borrow_mut().push_back(tx);
        drop(guard);
        let now = self.rt.now();
        self.rec.enter(lane, State::Waiting, Some(&self.name), now);
        self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
        {
            let _waiting = self.waiters.wait(&self.rec, self.rt.as_ref());
            // Err only if the condition is dropped; either way, stop waiting.
            let _ = rx.await;
        }
        let now = self.rt.now();
        self.rec.event(Some(lane), "woken", Some(self.name.clone()), now);
        self.rec.enter(lane, State::Running, None, now);
        self.lock.acquire(lane).await
    }

    /// Wakes up to `n` waiters, longest-waiting first; returns how many. The
    /// guard proves the caller holds the lock, as asyncio requires.
    pub fn notify(&self, held: &LockGuard, n: usize) -> usize {
        let mut woken = 0;
        let mut q = self.queue.borrow_mut();
        while woken < n {
            let Some(tx) = q.pop_front() else { break };
            // A waiter that was cancelled has dropped its receiver: skip it.
            if tx.send(()).is_ok() {
                woken += 1;
            }
        }
        drop(q);
        self.rec.event(Some(held.lane()), "notify", Some(format!("{}: {woken}", self.name)), self.rt.now());
        woken
    }

    pub fn notify_all(&self, held: &LockGuard) -> usize {
        self.notify(held, usize::MAX)
    }
}
