//! A bounded queue with backpressure, like `asyncio.Queue(maxsize)`: `put`
//! waits while the queue is full, `get` waits while it is empty.
//! [`Order::Priority`] pops the smallest priority first (ties in insertion
//! order), like `asyncio.PriorityQueue` with `(priority, seq, item)` tuples.
//! `task_done`/`join` work as in asyncio, and [`TracedQueue::close`] is Python
//! 3.13's `Queue.shutdown()`: putters fail, getters take what is left, then
//! get "closed". Lanes show waiting on "<name> (full)" / "<name> (empty)";
//! a track (named by the caller, e.g. `queue_depth`) records the depth, and
//! lane events `put` / `got` (detail: the depth after) mark every item.
//!
//! The waiting is asyncio 3.11's `queues.py`, transcribed: a put *wakes* the
//! first getter and a get wakes the first putter; the woken task re-checks
//! when it runs, so a task that runs before it may take the item or the slot
//! (T0 `get`; T1 `put 107`; T2 `get`: T2 gets 107 and T0 waits on). Why not
//! `async-channel` (a well-kept MPMC bounded channel): it hands items over,
//! has no priority order, and asyncio's `join`/`task_done` accounting would
//! still have to be built around it.

use super::aio::{EventCore, FutQueue};
use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use crate::trace::State;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Fifo,
    /// Smallest priority first; equal priorities in insertion order.
    Priority,
}

struct Entry<T> {
    prio: i64,
    seq: u64,
    item: T,
}

impl<T> PartialEq for Entry<T> {
    fn eq(&self, o: &Self) -> bool {
        (self.prio, self.seq) == (o.prio, o.seq)
    }
}
impl<T> Eq for Entry<T> {}
impl<T> PartialOrd for Entry<T> {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl<T> Ord for Entry<T> {
    /// Reversed: `BinaryHeap` is a max-heap and we pop the smallest key.
    fn cmp(&self, o: &Self) -> Ordering {
        (o.prio, o.seq).cmp(&(self.prio, self.seq))
    }
}

enum Store<T> {
    Fifo(VecDeque<T>),
    Priority(BinaryHeap<Entry<T>>),
}

impl<T> Store<T> {
    fn len(&self) -> usize {
        match self {
            Store::Fifo(q) => q.len(),
            Store::Priority(h) => h.len(),
        }
    }
}

pub struct TracedQueue<T> {
    name: String,
    full: String,
    empty: String,
    maxsize: usize,
    store: RefCell<Store<T>>,
    seq: Cell<u64>,
    getters: FutQueue,
    putters: FutQueue,
    closed: Cell<bool>,
    unfinished: Cell<usize>,
    finished: EventCore,
    max_depth: Cell<usize>,
    put_wait_ms: Cell<f64>,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track: TrackId,
}

/// The queue was closed (the item comes back to the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed<T>(pub T);

impl<T> TracedQueue<T> {
    /// `maxsize` ≥ 1 (clamped): asyncio's "0 = unbounded" is not offered,
    /// backpressure is the point. `track` names the depth track (a
    /// translation key, `track.<track>`).
    pub fn new(name: &str, maxsize: usize, order: Order, track: &str, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let maxsize = maxsize.max(1);
        let store = match order {
            Order::Fifo => Store::Fifo(VecDeque::with_capacity(maxsize.min(1024))),
            Order::Priority => Store::Priority(BinaryHeap::new()),
        };
        let track = rec.track(track);
        let finished = EventCore::default();
        finished.set();
        Rc::new(TracedQueue {
            name: name.to_owned(),
            full: format!("{name} (full)"),
            empty: format!("{name} (empty)"),
            maxsize,
            store: RefCell::new(store),
            seq: Cell::new(0),
            getters: FutQueue::default(),
            putters: FutQueue::default(),
            closed: Cell::new(false),
            unfinished: Cell::new(0),
            finished,
            max_depth: Cell::new(0),
            put_wait_ms: Cell::new(0.0),
            rec,
            rt,
            track,
        })
    }

    pub fn len(&self) -> usize {
        self.store.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn is_full(&self) -> bool {
        self.len() >= self.maxsize
    }

    /// The deepest the queue has been.
    pub fn max_depth(&self) -> usize {
        self.max_depth.get()
    }

    /// Total time putters spent waiting for a free slot (ms).
    pub fn put_wait_ms(&self) -> f64 {
        self.put_wait_ms.get()
    }

    fn depth_changed(&self) {
        let d = self.len();
        self.max_depth.set(self.max_depth.get().max(d));
        self.rec.sample(self.track, d as f64, self.rt.now());
    }

    /// Adds `item` (with `prio` for a priority queue; ignored by FIFO), waiting
    /// while the queue is full. `lane` (if any) shows the wait.
    pub async fn put(&self, lane: Option<LaneId>, item: T, prio: i64) -> Result<(), Closed<T>> {
        if self.closed.get() {
            return Err(Closed(item));
        }
        if self.is_full() {
            let start = self.rt.now();
            if let Some(l) = lane {
                self.rec.enter(l, State::Waiting, Some(&self.full), start);
            }
            while self.is_full() {
                self.putters.wait_woken(|| self.is_full()).await;
                if self.closed.get() {
                    return Err(Closed(item));
                }
            }
            self.put_wait_ms.set(self.put_wait_ms.get() + (self.rt.now() - start));
        }
        let seq = self.seq.get();
        self.seq.set(seq + 1);
        match &mut *self.store.borrow_mut() {
            Store::Fifo(q) => q.push_back(item),
            Store::Priority(h) => h.push(Entry { prio, seq, item }),
        }
        self.unfinished.set(self.unfinished.get() + 1);
        self.finished.clear();
        self.depth_changed();
        if let Some(l) = lane {
            self.rec.event(Some(l), "put", Some(format!("{} depth {}", self.name, self.len())), self.rt.now());
        }
        self.getters.wakeup_next();
        Ok(())
    }

    /// Takes the next item, waiting while the queue is empty; `None` once the
    /// queue is closed and empty.
    pub async fn get(&self, lane: Option<LaneId>) -> Option<T> {
        if self.is_empty() && !self.closed.get() {
            if let Some(l) = lane {
                self.rec.enter(l, State::Waiting, Some(&self.empty), self.rt.now());
            }
            while self.is_empty() && !self.closed.get() {
                self.getters.wait_woken(|| self.is_empty()).await;
            }
        }
        let item = match &mut *self.store.borrow_mut() {
            Store::Fifo(q) => q.pop_front(),
            Store::Priority(h) => h.pop().map(|e| e.item),
        };
        let item = item?;
        self.depth_changed();
        if let Some(l) = lane {
            self.rec.event(Some(l), "got", Some(format!("{} depth {}", self.name, self.len())), self.rt.now());
        }
        self.putters.wakeup_next();
        Some(item)
    }

    /// One item taken with `get` has been handled (asyncio's `task_done`).
    pub fn task_done(&self) {
        let left = self.unfinished.get().saturating_sub(1);
        self.unfinished.set(left);
        if left == 0 {
            self.finished.set();
        }
    }

    /// Waits until every item ever put has been marked done.
    pub async fn join(&self) {
        if self.unfinished.get() > 0 {
            self.finished.wait().await;
        }
    }

    /// Wakes every waiter: pending and later `put`s fail; `get`s take what is
    /// left, then return `None`.
    pub fn close(&self) {
        self.rec.event(None, "queue_closed", Some(self.name.clone()), self.rt.now());
        self.closed.set(true);
        for f in self.getters.snapshot().into_iter().chain(self.putters.snapshot()) {
            f.set_result();
        }
    }
}
