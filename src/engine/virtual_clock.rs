//! A deterministic runtime on simulated time. Tasks run on a single-threaded
//! `futures` LocalPool; when every task is blocked, time jumps to the earliest
//! timer. Same program and seed → same trace, and a 10-second lesson runs in
//! microseconds.
//!
//! The executor is the `futures` crate's; only the timer wheel is ours (a heap of
//! deadlines), because virtual time is the point of this module.
//!
//! Blocking the loop moves the clock forward inside the running task, so
//! every timer due meanwhile fires late, at the end of the block, in deadline
//! order, as in the browser. Offloaded work runs on a model of a pool of
//! [`VIRTUAL_POOL_THREADS`] workers: a job starts when a worker is free and
//! takes its declared cost of virtual time; the loop never waits for it.

use super::runtime::{FetchError, JobOutput, Offloaded, OffloadError, Response, Runtime, SimRequest, Work};
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

/// Workers of the virtual pool unless [`VirtualRuntime::with_pool`] says otherwise.
pub const VIRTUAL_POOL_THREADS: usize = 4;

#[derive(Default)]
struct Clock {
    now: Cell<f64>,
    /// When each virtual pool worker is free again (ms); empty = default size.
    workers: RefCell<Vec<f64>>,
    seq: Cell<u64>,
    /// (deadline in ns, insertion order) → timer; ties fire in insertion order.
    timers: RefCell<BinaryHeap<Reverse<(u64, u64, TimerKey)>>>,
    /// The endpoint's server model, if the lesson set one (`Runtime::set_server`).
    server: RefCell<Option<Rc<super::server_model::ServerModel>>>,
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
        Self::with_pool(VIRTUAL_POOL_THREADS)
    }

    /// A runtime whose virtual worker pool has `threads` workers (at least 1).
    pub fn with_pool(threads: usize) -> Self {
        let rt = Self::default();
        *rt.clock.workers.borrow_mut() = vec![0.0; threads.max(1)];
        rt
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
        // After a block the clock is already past the deadline: the timer fires late, now.
        self.clock.now.set(self.clock.now.get().max(deadline as f64 / 1e6));
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
        super::server_model::fetch_through(self.clock.server.borrow().clone(), req, |ms| self.sleep(ms))
    }

    fn set_server(&self, spec: Option<super::server_model::ServerSpec>) {
        *self.clock.server.borrow_mut() = spec.map(|s| Rc::new(super::server_model::ServerModel::new(Some(s))));
    }

    fn clock(&self) -> ClockKind {
        ClockKind::Virtual
    }

    fn block(&self, ms: f64) {
        if ms.is_finite() && ms > 0.0 {
            self.clock.now.set(self.clock.now.get() + ms);
        }
    }

    fn offload(&self, work: Work) -> LocalBoxFuture<'static, Result<Offloaded, OffloadError>> {
        let (cost, value): (f64, JobOutput) = match work {
            Work::Spin { ms } => (ms, Box::new(())),
            // Run the real work now, so the answer is the real one; only its time is modelled.
            Work::Compute { cost_ms, f } => (cost_ms, f()),
        };
        let cost = if cost.is_finite() { cost.max(0.0) } else { 0.0 };
        let now = self.clock.now.get();
        let (worker, start_ms) = {
            let mut w = self.clock.workers.borrow_mut();
            if w.is_empty() {
                w.resize(VIRTUAL_POOL_THREADS, 0.0);
            }
            // The worker free earliest (lowest index on ties) takes the job.
            let (i, free) = w.iter().copied().enumerate().fold((0, f64::INFINITY), |b, (i, f)| if f < b.1 { (i, f) } else { b });
            let start = now.max(free);
            w[i] = start + cost;
            (i, start)
        };
        let end_ms = start_ms + cost;
        let sleep = self.sleep(end_ms - now);
        Box::pin(async move {
            sleep.await;
            Ok(Offloaded { value, worker, start_ms, end_ms })
        })
    }
}
