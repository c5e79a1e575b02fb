//! The waiting rules of CPython 3.11's `asyncio.Lock`, `Semaphore` and
//! `Event`, transcribed from `Lib/asyncio/locks.py` (3.11.7), with no tracing:
//! the traced primitives wrap these cores, the condition and the queue build
//! on [`Fut`] and [`FutQueue`] the same way.
//!
//! Written by hand because the rules are the lesson: asyncio *wakes* a waiter
//! (sets its future) and the waiter acts when it next runs, one loop turn
//! later; tokio's primitives hand a permit over at release time instead, and
//! orders then differ from CPython's at near-ties (which the differential test
//! against CPython catches). Where Python raises `CancelledError` into a
//! waiter, here the waiting future is dropped: the same clean-up runs at once
//! from a guard's `Drop` instead of at the task's next step.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// An `asyncio.Future` with no value: pending, done (result set) or cancelled.
#[derive(Default)]
pub struct Fut {
    done: Cell<bool>,
    cancelled: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Fut {
    pub fn new() -> Rc<Self> {
        Rc::default()
    }

    /// `fut.done()`: a result was set or it was cancelled.
    pub fn done(&self) -> bool {
        self.done.get() || self.cancelled.get()
    }

    pub fn cancelled(&self) -> bool {
        self.cancelled.get()
    }

    /// `fut.set_result(...)`: wakes the task awaiting it (it resumes on a
    /// later loop turn, in wake order).
    pub fn set_result(&self) {
        if self.done() {
            return;
        }
        self.done.set(true);
        let w = self.waker.borrow_mut().take();
        if let Some(w) = w {
            w.wake();
        }
    }

    /// `fut.cancel()`: no effect once done.
    pub fn cancel(&self) {
        if !self.done() {
            self.cancelled.set(true);
        }
    }

    /// `await fut`.
    pub fn wait(self: &Rc<Self>) -> FutWait {
        FutWait(self.clone())
    }
}

pub struct FutWait(Rc<Fut>);

impl Future for FutWait {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.done.get() {
            return Poll::Ready(());
        }
        *self.0.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// A `collections.deque` of waiter futures.
#[derive(Default)]
pub struct FutQueue(RefCell<VecDeque<Rc<Fut>>>);

impl FutQueue {
    pub fn push(&self, f: &Rc<Fut>) {
        self.0.borrow_mut().push_back(f.clone());
    }

    /// `deque.remove(f)`, ignoring a future no longer there.
    pub fn remove(&self, f: &Rc<Fut>) {
        let mut q = self.0.borrow_mut();
        if let Some(i) = q.iter().position(|x| Rc::ptr_eq(x, f)) {
            q.remove(i);
        }
    }

    pub fn pop_front(&self) -> Option<Rc<Fut>> {
        self.0.borrow_mut().pop_front()
    }

    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the futures, front first (so waking can't re-borrow).
    pub fn snapshot(&self) -> Vec<Rc<Fut>> {
        self.0.borrow().iter().cloned().collect()
    }

    /// The first `n` futures not done, front first: the ones a wake-up of
    /// `n` waiters sets (found in place, not by copying the whole line: a
    /// line can hold thousands of waiters, and this runs on every release).
    pub fn first_pending(&self, n: usize) -> Vec<Rc<Fut>> {
        self.0.borrow().iter().filter(|f| !f.done()).take(n).cloned().collect()
    }

    /// `any(not w.cancelled() for w in waiters)`, in place.
    pub fn any_live(&self) -> bool {
        self.0.borrow().iter().any(|w| !w.cancelled())
    }

    /// The future at the front, if any.
    pub fn front(&self) -> Option<Rc<Fut>> {
        self.0.borrow().front().cloned()
    }

    /// Waits on a new future in this line (a queue's getters or putters):
    /// the `try: await … except: cancel, remove, pass the wake-up on` of
    /// `queues.py`. `still_blocked` tells whether the woken task could not
    /// have gone on anyway (then the wake-up is not passed on).
    pub async fn wait_woken(&self, still_blocked: impl Fn() -> bool) {
        let fut = Fut::new();
        self.push(&fut);
        let guard = OnCancel::new(|| {
            let woken = fut.done() && !fut.cancelled();
            fut.cancel();
            self.remove(&fut);
            if !still_blocked() && woken {
                self.wakeup_next();
            }
        });
        fut.wait().await;
        guard.disarm();
    }

    /// `Queue._wakeup_next`: pops waiters until one not done, and wakes it.
    pub fn wakeup_next(&self) {
        while let Some(w) = self.pop_front() {
            if !w.done() {
                w.set_result();
                break;
            }
        }
    }
}

/// Runs `f` on drop unless disarmed: the `except CancelledError` branch.
pub struct OnCancel<F: FnMut()> {
    f: F,
    armed: bool,
}

impl<F: FnMut()> OnCancel<F> {
    pub fn new(f: F) -> Self {
        OnCancel { f, armed: true }
    }
    pub fn disarm(mut self) {
        self.armed = false;
    }
}

impl<F: FnMut()> Drop for OnCancel<F> {
    fn drop(&mut self) {
        if self.armed {
            (self.f)();
        }
    }
}

mod cores;
pub use cores::{EventCore, LockCore, LockHeld, SemCore};
