//! A traced connection pool: a semaphore bounds how many connections are out,
//! and the connections themselves are reused objects (opened once, handed out
//! again and again). Lanes show "waiting on <name>" while none is free; a
//! track counts `connections_in_use`, another the waiters; events record which
//! connection each task got and gave back.
//!
//! The pool is the listing's `asyncio.Queue` of free connections (longest-idle
//! first), with `queues.py`'s waiting rules (3.11.7): giving a connection back
//! *wakes* the first waiting task, which takes a connection when it next runs;
//! a task that runs before it and finds one free takes it at once.

use super::aio::FutQueue;
use super::waiters::Waiters;
use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use crate::trace::State;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub struct ConnectionPool {
    name: String,
    free: RefCell<VecDeque<u32>>,
    /// Tasks waiting for a free connection (`Queue._getters`).
    getters: FutQueue,
    /// Times each connection has been checked out.
    uses: RefCell<Vec<u32>>,
    in_use: Cell<usize>,
    waiters: Waiters,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track_in_use: TrackId,
}

/// A checked-out connection; dropping it returns it to the pool.
pub struct Connection {
    pool: Rc<ConnectionPool>,
    id: u32,
    lane: LaneId,
}

impl ConnectionPool {
    /// Opens `size` (at least 1) connections. Tracks: `connections_in_use`, `waiters`.
    pub fn new(name: &str, size: usize, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let size = size.max(1);
        let track_in_use = rec.track("connections_in_use");
        let waiters = Waiters::new(Some(rec.track("waiters")));
        Rc::new(ConnectionPool {
            name: name.to_owned(),
            getters: FutQueue::default(),
            free: RefCell::new((0..size as u32).collect()),
            uses: RefCell::new(vec![0; size]),
            in_use: Cell::new(0),
            waiters,
            rec,
            rt,
            track_in_use,
        })
    }

    pub fn in_use(&self) -> usize {
        self.in_use.get()
    }

    /// Checkouts of a connection that had been used before.
    pub fn reuses(&self) -> u32 {
        self.uses.borrow().iter().map(|u| u.saturating_sub(1)).sum()
    }

    fn none_free(&self) -> bool {
        self.free.borrow().is_empty()
    }

    /// Checks a connection out for `lane` (`await free.get()`), waiting while
    /// all are in use.
    pub async fn acquire(self: &Rc<Self>, lane: LaneId) -> Connection {
        if self.none_free() {
            let now = self.rt.now();
            self.rec.enter(lane, State::Waiting, Some(&self.name), now);
            self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
            let _waiting = self.waiters.wait(&self.rec, self.rt.as_ref());
            // `queues.py` `get`: wait to be woken while none is free.
            while self.none_free() {
                self.getters.wait_woken(|| self.none_free()).await;
            }
        }
        let id = self.free.borrow_mut().pop_front().unwrap_or(0);
        if let Some(u) = self.uses.borrow_mut().get_mut(id as usize) {
            *u += 1;
        }
        self.in_use.set(self.in_use.get() + 1);
        let now = self.rt.now();
        self.rec.sample(self.track_in_use, self.in_use.get() as f64, now);
        self.rec.event(Some(lane), "acquired", Some(format!("conn {id}")), now);
        Connection { pool: self.clone(), id, lane }
    }
}

impl Connection {
    pub fn id(&self) -> u32 {
        self.id
    }

    /// `"conn <id>"`, for span labels.
    pub fn label(&self) -> String {
        format!("conn {}", self.id)
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        let p = &self.pool;
        // `free.put_nowait(conn)`: back on the free list, the first waiter woken.
        p.free.borrow_mut().push_back(self.id);
        p.getters.wakeup_next();
        p.in_use.set(p.in_use.get().saturating_sub(1));
        let now = p.rt.now();
        p.rec.sample(p.track_in_use, p.in_use.get() as f64, now);
        p.rec.event(Some(self.lane), "released", Some(format!("conn {}", self.id)), now);
    }
}
