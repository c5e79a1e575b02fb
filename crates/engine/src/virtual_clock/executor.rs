//! The loop of the virtual clock: tasks, wakers, the ready queue and timers,
//! stepped one ready item at a time so a run can stop after any step and
//! resume later with nothing changed ([`super::VirtualRun`]).
//!
//! Where the time goes per event was measured (BENCHMARKS.md, "Where the
//! virtual clock's time goes"): the design keeps a step to one queue pop, one
//! poll through a waker made once per task, and no allocation of its own.

use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Wake, Waker};

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
        // Acquire/release is enough: the queue's mutex orders the ids themselves.
        if !self.queued.swap(true, Ordering::AcqRel) {
            if let Ok(mut q) = self.woken.lock() {
                q.push_back(self.id);
            }
        }
    }
}

struct Task {
    fut: Option<LocalBoxFuture<'static, ()>>,
    state: Arc<TaskWaker>,
    /// Made once from `state` (a poll lends it; no clone per step).
    waker: Waker,
}

/// A timer as the loop and its sleep future share it.
#[derive(Default)]
pub(super) struct TimerState {
    pub(super) fired: Cell<bool>,
    pub(super) waker: RefCell<Option<Waker>>,
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

/// What one [`Clock::step`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Ran one ready item.
    Ran,
    /// Nothing is ready and no timer is pending: every task is blocked for good.
    Idle,
}

#[derive(Default)]
pub(super) struct Clock {
    pub(super) now: Cell<f64>,
    /// When each virtual pool worker is free again (ms); empty = default size.
    pub(super) workers: RefCell<Vec<f64>>,
    seq: Cell<u64>,
    /// (deadline in ns, insertion order) → timer; ties fire in insertion order.
    timers: RefCell<BinaryHeap<Reverse<(u64, u64, TimerKey)>>>,
    tasks: RefCell<Vec<Task>>,
    /// Task ids in wake order; drained into `ready` after every item, so a
    /// wake and a timer keep their relative order.
    woken: Arc<Mutex<VecDeque<usize>>>,
    ready: RefCell<VecDeque<Ready>>,
    /// Items of the current `_run_once` not yet run (0: the next step starts a turn).
    turn_left: Cell<usize>,
    /// The endpoint's server model, if the lesson set one (`caps::ServerHost`).
    pub(super) server: RefCell<Option<Rc<crate::server_model::ServerModel>>>,
}

pub(super) fn to_ns(ms: f64) -> u64 {
    (ms.max(0.0) * 1e6).round() as u64
}

impl Clock {
    /// Moves woken task ids into the ready queue (in wake order).
    fn collect_woken(&self) {
        let Ok(mut q) = self.woken.lock() else { return };
        if q.is_empty() {
            return;
        }
        self.ready.borrow_mut().extend(q.drain(..).map(Ready::Task));
    }

    pub(super) fn spawn(&self, fut: LocalBoxFuture<'static, ()>) {
        let mut tasks = self.tasks.borrow_mut();
        let id = tasks.len();
        let state = Arc::new(TaskWaker { id, woken: self.woken.clone(), queued: AtomicBool::new(false) });
        let waker = Waker::from(state.clone());
        tasks.push(Task { fut: Some(fut), state, waker: waker.clone() });
        drop(tasks);
        // `create_task`: the first step is scheduled with `call_soon`.
        waker.wake();
    }

    /// A new timer at `deadline` (ns), woken through `waker`.
    pub(super) fn add_timer(&self, deadline: u64, waker: Waker) -> Rc<TimerState> {
        let st = Rc::new(TimerState { fired: Cell::new(false), waker: RefCell::new(Some(waker)) });
        let seq = self.seq.get();
        self.seq.set(seq + 1);
        self.timers.borrow_mut().push(Reverse((deadline, seq, TimerKey(st.clone()))));
        st
    }

    fn run_task(&self, id: usize) {
        // The future and its waker are taken out while it runs: it may spawn.
        let (fut, waker) = {
            let mut tasks = self.tasks.borrow_mut();
            let Some(t) = tasks.get_mut(id) else { return };
            t.state.queued.store(false, Ordering::Release);
            let Some(fut) = t.fut.take() else { return };
            (fut, std::mem::replace(&mut t.waker, Waker::noop().clone()))
        };
        let mut fut = fut;
        let pending = fut.as_mut().poll(&mut Context::from_waker(&waker)).is_pending();
        if let Some(t) = self.tasks.borrow_mut().get_mut(id) {
            t.waker = waker;
            if pending {
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

    /// Starts a `_run_once`: false when nothing is ready and no timer is pending.
    fn start_turn(&self) -> bool {
        self.collect_woken();
        if self.ready.borrow().is_empty() {
            let next = self.timers.borrow().peek().map(|Reverse((d, _, _))| *d);
            let Some(deadline) = next else { return false };
            // After a block the clock is already past the deadline: the timer fires late, now.
            self.now.set(self.now.get().max(deadline as f64 / 1e6));
        }
        self.expire_timers();
        self.turn_left.set(self.ready.borrow().len());
        true
    }

    /// Runs the next ready item of the current turn (starting a turn if the
    /// last one is over). Each turn runs exactly the items ready at its
    /// start; what they wake goes behind them, to the next turn.
    pub(super) fn step(&self) -> Step {
        if self.turn_left.get() == 0 && !self.start_turn() {
            return Step::Idle;
        }
        self.turn_left.set(self.turn_left.get().saturating_sub(1));
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
            None => self.turn_left.set(0),
        }
        // Wakes made by this item go behind everything already ready.
        self.collect_woken();
        Step::Ran
    }

    /// Tasks that have not finished.
    pub(super) fn pending_tasks(&self) -> usize {
        self.tasks.borrow().iter().filter(|t| t.fut.is_some()).count()
    }

    /// Drops every task and timer (their futures may hold the runtime).
    pub(super) fn clear(&self) {
        let tasks: Vec<Task> = std::mem::take(&mut *self.tasks.borrow_mut());
        drop(tasks);
        // Dropping futures may have spawned or woken more; drop those too.
        while !self.tasks.borrow().is_empty() {
            let more: Vec<Task> = std::mem::take(&mut *self.tasks.borrow_mut());
            drop(more);
        }
        self.ready.borrow_mut().clear();
        self.turn_left.set(0);
        self.timers.borrow_mut().clear();
        if let Ok(mut q) = self.woken.lock() {
            q.clear();
        }
    }
}
