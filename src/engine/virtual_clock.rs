//! A deterministic runtime on simulated time. Tasks run on a single-threaded
//! `futures` LocalPool; when every task is blocked, time jumps to the earliest
//! timer. Same program and seed → same trace, and a 10-second lesson runs in
//! microseconds.
//!
//! The executor is the `futures` crate's; only the timer wheel is ours (a heap of
//! deadlines), because virtual time is the point of this module.

use super::runtime::{FetchError, Response, Runtime, SimRequest};
use super::trace::ClockKind;
use futures::executor::LocalPool;
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

#[derive(Default)]
struct Clock {
    now: Cell<f64>,
    seq: Cell<u64>,
    /// (deadline in ns, insertion order) → timer; ties fire in insertion order.
    timers: RefCell<BinaryHeap<Reverse<(u64, u64, TimerKey)>>>,
}

#[derive(Clone)]
struct TimerKey(Rc<TimerState>);
impl PartialEq for TimerKey {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}
impl Eq for TimerKey {}
impl PartialOrd for TimerKey {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for TimerKey {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

#[derive(Default)]
struct TimerState {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

/// Virtual-time runtime. Clone-cheap handle; create one per run.
#[derive(Clone, Default)]
pub struct VirtualRuntime {
    clock: Rc<Clock>,
}

fn to_ns(ms: f64) -> u64 {
    (ms.max(0.0) * 1e6).round() as u64
}

impl VirtualRuntime {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `fut` (and everything it spawns into `pool`) to completion on virtual
    /// time. Returns `None` if every task is blocked with no timer pending: a
    /// deadlock, which the caller reports instead of hanging.
    pub fn block_on<T: 'static>(&self, fut: impl Future<Output = T> + 'static) -> Option<T> {
        let mut pool = LocalPool::new();
        self.block_on_pool(&mut pool, fut)
    }

    pub fn block_on_pool<T: 'static>(&self, pool: &mut LocalPool, fut: impl Future<Output = T> + 'static) -> Option<T> {
        use futures::task::LocalSpawnExt;
        let out: Rc<RefCell<Option<T>>> = Rc::default();
        let slot = out.clone();
        pool.spawner()
            .spawn_local(async move {
                *slot.borrow_mut() = Some(fut.await);
            })
            .ok()?;
        loop {
            pool.run_until_stalled();
            if out.borrow().is_some() {
                return out.borrow_mut().take();
            }
            if !self.fire_next() {
                return None;
            }
        }
    }

    /// Advances time to the earliest pending timer and fires every timer due then.
    fn fire_next(&self) -> bool {
        let mut heap = self.clock.timers.borrow_mut();
        let Some(Reverse((deadline, _, _))) = heap.peek().cloned() else { return false };
        self.clock.now.set(deadline as f64 / 1e6);
        while let Some(Reverse((d, _, _))) = heap.peek() {
            if *d != deadline {
                break;
            }
            let Some(Reverse((_, _, key))) = heap.pop() else { break };
            let st = key.0;
            st.fired.set(true);
            let waker = st.waker.borrow_mut().take();
            if let Some(w) = waker {
                w.wake();
            }
        }
        true
    }
}

struct Sleep {
    clock: Rc<Clock>,
    deadline: u64,
    state: Option<Rc<TimerState>>,
}

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if to_ns(self.clock.now.get()) >= self.deadline {
            return Poll::Ready(());
        }
        match &self.state {
            Some(st) if st.fired.get() => Poll::Ready(()),
            Some(st) => {
                *st.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
            None => {
                let st = Rc::new(TimerState::default());
                *st.waker.borrow_mut() = Some(cx.waker().clone());
                let seq = self.clock.seq.get();
                self.clock.seq.set(seq + 1);
                self.clock.timers.borrow_mut().push(Reverse((self.deadline, seq, TimerKey(st.clone()))));
                self.state = Some(st);
                Poll::Pending
            }
        }
    }
}

impl Runtime for VirtualRuntime {
    fn now(&self) -> f64 {
        self.clock.now.get()
    }

    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        let deadline = to_ns(self.clock.now.get() + ms.max(0.0));
        Box::pin(Sleep { clock: self.clock.clone(), deadline, state: None })
    }

    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        let sleep = self.sleep(req.latency_ms);
        Box::pin(async move {
            sleep.await;
            Ok(Response { status: req.status })
        })
    }

    fn clock(&self) -> ClockKind {
        ClockKind::Virtual
    }
}
