//! The cores of `asyncio.Lock`, `Semaphore` and `Event`: their waiting rules
//! on [`Fut`] and [`FutQueue`] (CPython 3.11's `Lib/asyncio/locks.py`).

use super::{Fut, FutQueue, OnCancel};
use std::cell::Cell;

/// `asyncio.Lock` (3.11.7).
#[derive(Default)]
pub struct LockCore {
    locked: Cell<bool>,
    waiters: FutQueue,
}

impl LockCore {
    pub fn locked(&self) -> bool {
        self.locked.get()
    }

    /// Would `acquire` return without waiting? (Free, and nobody queued who
    /// was not cancelled: a woken waiter keeps its turn.)
    pub fn can_take(&self) -> bool {
        !self.locked.get() && !self.waiters.any_live()
    }

    pub async fn acquire(&self) {
        if self.can_take() {
            self.locked.set(true);
            return;
        }
        let fut = Fut::new();
        self.waiters.push(&fut);
        let guard = OnCancel::new(|| {
            fut.cancel();
            self.waiters.remove(&fut);
            if !self.locked.get() {
                self.wake_up_first();
            }
        });
        fut.wait().await;
        guard.disarm();
        self.waiters.remove(&fut);
        self.locked.set(true);
    }

    pub fn release(&self) {
        if self.locked.get() {
            self.locked.set(false);
            self.wake_up_first();
        }
    }

    /// `acquire`, returning a guard that releases the lock when dropped
    /// (`async with lock:` leaving, also when the holder is cancelled).
    pub async fn acquire_held(&self) -> LockHeld<'_> {
        self.acquire().await;
        LockHeld { lock: self, held: Cell::new(true) }
    }

    fn wake_up_first(&self) {
        if let Some(f) = self.waiters.front() {
            f.set_result();
        }
    }
}

/// A [`LockCore`] held by one task: released when dropped. A condition's
/// wait gives it up ([`release`](Self::release)) and takes it back
/// ([`reacquire`](Self::reacquire)); cancelled while it is not held, the
/// guard releases nothing (asyncio would re-take it first, and nothing runs
/// after such a cancellation that could need it).
pub struct LockHeld<'a> {
    lock: &'a LockCore,
    held: Cell<bool>,
}

impl LockHeld<'_> {
    pub fn release(&self) {
        if self.held.replace(false) {
            self.lock.release();
        }
    }

    pub async fn reacquire(&self) {
        self.lock.acquire().await;
        self.held.set(true);
    }
}

impl Drop for LockHeld<'_> {
    fn drop(&mut self) {
        self.release();
    }
}

/// `asyncio.Semaphore` (3.11.7: a released permit is reserved for the
/// first waiter not yet woken, and a newcomer queues while anyone waits).
pub struct SemCore {
    value: Cell<usize>,
    waiters: FutQueue,
}

impl SemCore {
    pub fn new(value: usize) -> Self {
        SemCore { value: Cell::new(value), waiters: FutQueue::default() }
    }

    pub fn locked(&self) -> bool {
        self.value.get() == 0 || self.waiters.any_live()
    }

    pub async fn acquire(&self) {
        if !self.locked() {
            self.value.set(self.value.get() - 1);
            return;
        }
        let fut = Fut::new();
        self.waiters.push(&fut);
        let guard = OnCancel::new(|| {
            let woken = fut.done();
            fut.cancel();
            self.waiters.remove(&fut);
            if woken {
                self.value.set(self.value.get() + 1);
                self.wake_up_next();
            }
        });
        fut.wait().await;
        guard.disarm();
        self.waiters.remove(&fut);
        if self.value.get() > 0 {
            self.wake_up_next();
        }
    }

    pub fn release(&self) {
        self.value.set(self.value.get() + 1);
        self.wake_up_next();
    }

    fn wake_up_next(&self) {
        if let Some(f) = self.waiters.first_pending(1).pop() {
            self.value.set(self.value.get().saturating_sub(1));
            f.set_result();
        }
    }
}

/// `asyncio.Event`: `set` wakes every waiter present then; a `clear` right
/// after loses none of those wake-ups.
#[derive(Default)]
pub struct EventCore {
    value: Cell<bool>,
    waiters: FutQueue,
}

impl EventCore {
    pub fn is_set(&self) -> bool {
        self.value.get()
    }

    /// Returns how many waiters it woke.
    pub fn set(&self) -> usize {
        if self.value.get() {
            return 0;
        }
        self.value.set(true);
        let mut n = 0;
        for f in self.waiters.snapshot() {
            if !f.done() {
                f.set_result();
                n += 1;
            }
        }
        n
    }

    pub fn clear(&self) {
        self.value.set(false);
    }

    pub async fn wait(&self) {
        if self.value.get() {
            return;
        }
        let fut = Fut::new();
        self.waiters.push(&fut);
        let guard = OnCancel::new(|| {
            fut.cancel();
            self.waiters.remove(&fut);
        });
        fut.wait().await;
        guard.disarm();
        self.waiters.remove(&fut);
    }
}
