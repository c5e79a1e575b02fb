//! A traced connection pool: a semaphore bounds how many connections are out,
//! and the connections themselves are reused objects (opened once, handed out
//! again and again). Lanes show "waiting on <name>" while none is free; a
//! track counts `connections_in_use`, another the waiters; events record which
//! connection each task got and gave back.
//!
//! The queueing is tokio's `Semaphore` (FIFO, like asyncio's); the free list is
//! a plain `VecDeque` (longest-idle connection first), holding exactly as many
//! connections as the semaphore has permits.

use crate::engine::recorder::{LaneId, Recorder, TrackId};
use crate::engine::runtime::Runtime;
use crate::engine::trace::State;
use super::waiters::Waiters;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub struct ConnectionPool {
    name: String,
    sem: Arc<Semaphore>,
    free: RefCell<VecDeque<u32>>,
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
    _permit: OwnedSemaphorePermit,
}

impl ConnectionPool {
    /// Opens `size` (at least 1) connections. Tracks: `connections_in_use`, `waiters`.
    pub fn new(name: &str, size: usize, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let size = size.max(1);
        let track_in_use = rec.track("connections_in_use");
        let waiters = Waiters::new(Some(rec.track("waiters")));
        Rc::new(ConnectionPool {
            name: name.to_owned(),
            sem: Arc::new(Semaphore::new(size)),
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

    /// Checks a connection out for `lane`, waiting (FIFO) while all are in use.
    pub async fn acquire(self: &Rc<Self>, lane: LaneId) -> Connection {
        let permit = match self.sem.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                let now = self.rt.now();
                self.rec.enter(lane, State::Waiting, Some(&self.name), now);
                self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
                let _waiting = self.waiters.wait(&self.rec, self.rt.as_ref());
                match self.sem.clone().acquire_owned().await {
                    Ok(p) => p,
                    Err(_) => unreachable!("the pool's semaphore is never closed"),
                }
            }
        };
        // Permits and free connections are equal in number, so one is free here.
        let id = self.free.borrow_mut().pop_front().unwrap_or(0);
        if let Some(u) = self.uses.borrow_mut().get_mut(id as usize) {
            *u += 1;
        }
        self.in_use.set(self.in_use.get() + 1);
        let now = self.rt.now();
        self.rec.sample(self.track_in_use, self.in_use.get() as f64, now);
        self.rec.event(Some(lane), "acquired", Some(format!("conn {id}")), now);
        Connection { pool: self.clone(), id, lane, _permit: permit }
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
        // Back on the free list before the permit (dropped after this body) wakes a waiter.
        p.free.borrow_mut().push_back(self.id);
        p.in_use.set(p.in_use.get().saturating_sub(1));
        let now = p.rt.now();
        p.rec.sample(p.track_in_use, p.in_use.get() as f64, now);
        p.rec.event(Some(self.lane), "released", Some(format!("conn {}", self.id)), now);
    }
}
