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
//! Blocking the loop moves the clock forward inside the running task, so
//! every timer due meanwhile fires late, at the end of the block, in deadline
//! order, as in the browser. Offloaded work runs on a model of a pool of
//! [`VIRTUAL_POOL_THREADS`] workers: a job starts when a worker is free and
//! takes its declared cost of virtual time; the loop never waits for it.

use super::runtime::{FetchError, JobOutput, OffloadError, Offloaded, Response, Runtime, SimRequest, Work};
use super::trace::ClockKind;
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// Workers of the virtual pool unless [`VirtualRuntime::with_pool`] says otherwise.
pub const VIRTUAL_POOL_THREADS: usize = 4;

/// What the ready queue holds: a task to poll, or a due timer whose callback
/// (wake its task) runs in turn, like asyncio's `TimerHandle`.
enum Ready {
    Task(usize),
    Timer(Rc<TimerState>),
}

/// Wakes queue task ids; `Send + Sync` as `Waker` requires, so it holds only
/// the id and a shared queue of ids (the futures stay on this thread).
struct TaskWaker {
    id: usize,
    woken: Arc<Mutex<VecDeque<usize>>>,
    /// Already in the ready queue: a task has at most one pending wake-up.
    queued: AtomicBool,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        if !self.queued.swap(true, Ordering::SeqCst) {
            if let Ok(mut q) = self.woken.lock() {
                q.push_back(self.id);
            }
        }
    }
}

struct Task {
    fut: Option<LocalBoxFuture<'static, ()>>,
    waker: Arc<TaskWaker>,
}

#[derive(Default)]
struct Clock {
    now: Cell<f64>,
    /// When each virtual pool worker is free again (ms); empty = default size.
    workers: RefCell<Vec<f64>>,
    seq: Cell<u64>,
    /// (deadline in ns, insertion order) → timer; ties fire in insertion order.
    timers: RefCell<BinaryHeap<Reverse<(u64, u64, TimerKey)>>>,
    tasks: RefCell<Vec<Task>>,
    /// Task ids in wake order; drained into `ready` as they come, so a wake
    /// and a timer keep their relative order.
    woken: Arc<Mutex<VecDeque<usize>>>,
    ready: RefCell<VecDeque<Ready>>,
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

impl Clock {
    /// Moves woken task ids into the ready queue (in wake order).
    fn collect_woken(&self) {
        let ids: Vec<usize> = match self.woken.lock() {
            Ok(mut q) => q.drain(..).collect(),
            Err(_) => Vec::new(),
        };
        self.ready.borrow_mut().extend(ids.into_iter().map(Ready::Task));
    }

    fn spawn(&self, fut: LocalBoxFuture<'static, ()>) {
        let mut tasks = self.tasks.borrow_mut();
        let id = tasks.len();
        let waker = Arc::new(TaskWaker { id, woken: self.woken.clone(), queued: AtomicBool::new(false) });
        tasks.push(Task { fut: Some(fut), waker: waker.clone() });
        drop(tasks);
        // `create_task`: the first step is scheduled with `call_soon`.
        waker.wake_by_ref();
    }

    fn run_task(&self, id: usize) {
        let (fut, waker) = {
            let mut tasks = self.tasks.borrow_mut();
            let Some(t) = tasks.get_mut(id) else { return };
            t.waker.queued.store(false, Ordering::SeqCst);
            (t.fut.take(), t.waker.clone())
        };
        let Some(mut fut) = fut else { return };
        let waker = Waker::from(waker);
        let mut cx = Context::from_waker(&waker);
        if fut.as_mut().poll(&mut cx).is_pending() {
            if let Some(t) = self.tasks.borrow_mut().get_mut(id) {
                t.fut = Some(fut);
            }
        }
    }

    /// Every timer due at `now` joins the ready queue, deadline order.
    fn expire_timers(&self) {
        let now = to_ns(self.now.get());
        let mut heap = self.timers.borrow_mut();
        let mut ready = self.ready.borrow_mut();
        while let Some(Reverse((d, _, _))) = heap.peek() {
            if *d > now {
                break;
            }
            let Some(Reverse((_, _, key))) = heap.pop() else { break };
            ready.push_back(Ready::Timer(key.0));
        }
    }

    /// One `_run_once`: returns false when nothing is ready and no timer is
    /// pending (every task blocked for good).
    fn turn(&self, stop: &dyn Fn() -> bool) -> bool {
        self.collect_woken();
        if self.ready.borrow().is_empty() {
            let next = self.timers.borrow().peek().map(|Reverse((d, _, _))| *d);
            let Some(deadline) = next else { return false };
            // After a block the clock is already past the deadline: the timer fires late, now.
            self.now.set(self.now.get().max(deadline as f64 / 1e6));
        }
        self.expire_timers();
        let n = self.ready.borrow().len();
        for _ in 0..n {
            let item = self.ready.borrow_mut().pop_front();
            match item {
                Some(Ready::Task(id)) => self.run_task(id),
                Some(Ready::Timer(st)) => {
                    st.fired.set(true);
                    let waker = st.waker.borrow_mut().take();
                    if let Some(w) = waker {
                        w.wake();
                    }
                }
                None => break,
            }
            // Wakes made by this item go behind everything already ready.
            self.collect_woken();
            if stop() {
                break;
            }
        }
        true
    }

    /// Drops every task and timer (their futures may hold the runtime).
    fn clear(&self) {
        let tasks: Vec<Task> = std::mem::take(&mut *self.tasks.borrow_mut());
        drop(tasks);
        // Dropping futures may have spawned or woken more; drop those too.
        while !self.tasks.borrow().is_empty() {
            let more: Vec<Task> = std::mem::take(&mut *self.tasks.borrow_mut());
            drop(more);
        }
        self.ready.borrow_mut().clear();
        self.timers.borrow_mut().clear();
        if let Ok(mut q) = self.woken.lock() {
            q.clear();
        }
    }
}

/// A virtual run given up on request (see [`VirtualRuntime::block_on_until`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

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

    /// Runs `fut` as the main task (and every task spawned meanwhile) until it
    /// completes, on virtual time; tasks still pending then are dropped, as
    /// `asyncio.run` cancels them. Returns `None` if every task is blocked with
    /// no timer pending: a deadlock, which the caller reports instead of hanging.
    pub fn block_on<T: 'static>(&self, fut: impl Future<Output = T> + 'static) -> Option<T> {
        self.block_on_until(fut, &|| false).unwrap_or(None)
    }

    /// [`block_on`](Self::block_on) that asks `stopped` before every loop turn
    /// and gives up (`Err(Stopped)`, every task dropped) once it says yes: the
    /// page's Stop while a run goes on off the page's thread.
    pub fn block_on_until<T: 'static>(
        &self,
        fut: impl Future<Output = T> + 'static,
        stopped: &dyn Fn() -> bool,
    ) -> Result<Option<T>, Stopped> {
        let out: Rc<RefCell<Option<T>>> = Rc::default();
        let slot = out.clone();
        self.clock.spawn(Box::pin(async move {
            *slot.borrow_mut() = Some(fut.await);
        }));
        let done = || out.borrow().is_some();
        let mut halted = false;
        while !done() {
            if stopped() {
                halted = true;
                break;
            }
            if !self.clock.turn(&done) {
                break;
            }
        }
        self.clock.clear();
        let result = out.borrow_mut().take();
        if halted {
            Err(Stopped)
        } else {
            Ok(result)
        }
    }

    /// Tasks that have not finished (0 after [`block_on`](Self::block_on)).
    pub fn pending_tasks(&self) -> usize {
        self.clock.tasks.borrow().iter().filter(|t| t.fut.is_some()).count()
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
        // Not `ms <= 0.0`: NaN yields too.
        if ms.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            return Box::pin(YieldNow(false));
        }
        let deadline = to_ns(self.clock.now.get() + ms);
        Box::pin(Sleep { clock: self.clock.clone(), deadline, state: None })
    }

    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>) {
        self.clock.spawn(fut);
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
