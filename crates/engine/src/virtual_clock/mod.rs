//! A deterministic runtime on simulated time, scheduled like CPython's asyncio
//! event loop. Same program and seed → same trace, and a 10-second lesson runs
//! in microseconds.
//!
//! The executor is written here rather than taken from `futures` (LocalPool)
//! because *which task resumes first* is what the lessons show, and it must be
//! asyncio's rule (`BaseEventLoop._run_once`), which no general executor keeps:
//! - one ready queue, FIFO in the order things were woken (`call_soon`); a
//!   spawned task starts on the next loop turn (`create_task`);
//! - each turn runs exactly the items ready at its start; what they wake runs
//!   on the next turn;
//! - time moves only when nothing is ready: it jumps to the earliest timer;
//!   every timer due by then (deadline order, ties in creation order, as real
//!   time would order them) joins the ready queue *behind* what is already
//!   there, and when it runs it wakes its task, which resumes one turn later
//!   (asyncio's timer handle sets the sleep future, whose callback is the
//!   task's wake-up);
//! - `sleep(0)` (or less) only yields: the task goes to the back of the queue.
//!
//! A run can be taken in slices ([`VirtualRuntime::start`], [`VirtualRun::run`]):
//! it stops after a given number of ready items (task steps or timer
//! callbacks) and resumes exactly where it was, so a page can yield to the
//! browser between slices; the schedule, and so the trace, is the same as in
//! one go ([`VirtualRuntime::block_on`] is one unbounded slice).
//!
//! Blocking the loop moves the clock forward inside the running task, so
//! every timer due meanwhile fires late, at the end of the block, in deadline
//! order, as in the browser. Offloaded work runs on a model of a pool of
//! [`VIRTUAL_POOL_THREADS`] workers: a job starts when a worker is free and
//! takes its declared cost of virtual time; the loop never waits for it.

mod caps;
mod executor;

use super::runtime::{Caps, FetchError, Response, Runtime, SimRequest};
use super::trace::ClockKind;
use executor::{to_ns, Clock, Step, TimerState};
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// Workers of the virtual pool unless [`VirtualRuntime::with_pool`] says otherwise.
pub const VIRTUAL_POOL_THREADS: usize = 4;

/// Virtual-time runtime. Clone-cheap handle; create one per run.
#[derive(Clone)]
pub struct VirtualRuntime {
    clock: Rc<Clock>,
    /// Offload, I/O threads and the server model, on `clock` (`caps`).
    caps: Caps,
}

impl Default for VirtualRuntime {
    fn default() -> Self {
        let clock = Rc::<Clock>::default();
        VirtualRuntime { caps: caps::caps(&clock), clock }
    }
}

/// A run started with [`VirtualRuntime::start`], taken in slices.
pub struct VirtualRun<T> {
    rt: VirtualRuntime,
    out: Rc<RefCell<Option<T>>>,
    ended: bool,
}

/// Where a slice of a [`VirtualRun`] left it.
#[derive(Debug, PartialEq, Eq)]
pub enum Slice<T> {
    /// The step budget ran out; call [`VirtualRun::run`] again to go on.
    Pending,
    /// The main task finished with this value; the other tasks were dropped.
    Done(T),
    /// Every task is blocked with no timer pending (a deadlock); all were dropped.
    Deadlock,
}

impl<T> VirtualRun<T> {
    /// Runs at most `steps` ready items (task steps or timer callbacks), or
    /// until the main task finishes. After `Done` or `Deadlock` the run is
    /// over (tasks dropped, as `asyncio.run` cancels them) and further calls
    /// return `Deadlock`.
    pub fn run(&mut self, steps: u64) -> Slice<T> {
        if self.ended {
            return Slice::Deadlock;
        }
        let mut left = steps;
        while left > 0 {
            if self.out.borrow().is_some() {
                break;
            }
            if self.rt.clock.step() == Step::Idle {
                self.end();
                return Slice::Deadlock;
            }
            left -= 1;
        }
        let value = self.out.borrow_mut().take();
        match value {
            Some(v) => {
                self.end();
                Slice::Done(v)
            }
            None => Slice::Pending,
        }
    }

    /// Ends the run now (Stop): every task and timer is dropped, so what they
    /// held (a recorder, permits) is released; the clock stays where it was.
    /// Further calls to [`run`](Self::run) return `Deadlock`.
    pub fn stop_now(&mut self) {
        self.end();
    }

    fn end(&mut self) {
        if !self.ended {
            self.ended = true;
            self.rt.clock.clear();
        }
    }
}

impl<T> Drop for VirtualRun<T> {
    fn drop(&mut self) {
        self.end();
    }
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

    /// Spawns `fut` as the main task; nothing runs until [`VirtualRun::run`].
    pub fn start<T: 'static>(&self, fut: impl Future<Output = T> + 'static) -> VirtualRun<T> {
        let out: Rc<RefCell<Option<T>>> = Rc::default();
        let slot = out.clone();
        self.clock.spawn(Box::pin(async move {
            *slot.borrow_mut() = Some(fut.await);
        }));
        VirtualRun { rt: self.clone(), out, ended: false }
    }

    /// Runs `fut` as the main task (and every task spawned meanwhile) until it
    /// completes, on virtual time; tasks still pending then are dropped, as
    /// `asyncio.run` cancels them. Returns `None` if every task is blocked with
    /// no timer pending: a deadlock, which the caller reports instead of hanging.
    pub fn block_on<T: 'static>(&self, fut: impl Future<Output = T> + 'static) -> Option<T> {
        match self.start(fut).run(u64::MAX) {
            Slice::Done(v) => Some(v),
            Slice::Pending | Slice::Deadlock => None,
        }
    }

    /// Tasks that have not finished (0 after [`block_on`](Self::block_on)).
    pub fn pending_tasks(&self) -> usize {
        self.clock.pending_tasks()
    }
}

/// `asyncio.sleep(0)`: the task goes to the back of the ready queue once.
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
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
        match &self.state {
            Some(st) if st.fired.get() => Poll::Ready(()),
            Some(st) => {
                *st.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
            None => {
                let st = self.clock.add_timer(self.deadline, cx.waker().clone());
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
        sleep_on(&self.clock, ms)
    }

    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>) {
        self.clock.spawn(fut);
    }

    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        super::server_model::fetch_through(self.clock.server.borrow().clone(), req, |ms| self.sleep(ms))
    }

    fn clock(&self) -> ClockKind {
        ClockKind::Virtual
    }

    fn block(&self, ms: f64) {
        if ms.is_finite() && ms > 0.0 {
            self.clock.now.set(self.clock.now.get() + ms);
        }
    }

    fn caps(&self) -> &Caps {
        &self.caps
    }
}

/// A sleep of `ms` on `clock`; `sleep(0)` (or less) only yields.
fn sleep_on(clock: &Rc<Clock>, ms: f64) -> LocalBoxFuture<'static, ()> {
    if ms.is_nan() || ms <= 0.0 {
        return Box::pin(YieldNow(false));
    }
    let deadline = to_ns(clock.now.get() + ms);
    Box::pin(Sleep { clock: clock.clone(), deadline, state: None })
}
