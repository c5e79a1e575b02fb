//! A traced event (asyncio.Event): one task sets it, every waiter wakes at that
//! moment. Lanes show "waiting on <name>"; events record wait, set and woken;
//! a track counts the waiters.
//!
//! The flag and the wake-ups are asyncio's ([`EventCore`]): `set` wakes every
//! task waiting at that moment, and a `clear` right after loses none of them
//! (tokio's `watch` re-checked the flag when the waiter ran, so set-then-clear
//! could leave it asleep).

use super::aio::EventCore;
use super::waiters::Waiters;
use crate::recorder::{LaneId, Recorder};
use crate::runtime::Runtime;
use crate::trace::State;
use std::rc::Rc;

pub struct TracedEvent {
    name: String,
    flag: EventCore,
    waiters: Waiters,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
}

impl TracedEvent {
    /// An unset event; the track `waiters_track` counts tasks waiting on it.
    pub fn new(name: &str, waiters_track: &str, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let waiters = Waiters::new(Some(rec.track(waiters_track)));
        Rc::new(TracedEvent { name: name.to_owned(), flag: EventCore::default(), waiters, rec, rt })
    }

    pub fn is_set(&self) -> bool {
        self.flag.is_set()
    }

    /// Sets the flag and wakes every waiter (a run-wide `event_set` marker
    /// records when). Setting an already set event does nothing.
    pub fn set(&self, lane: LaneId) {
        if self.is_set() {
            return;
        }
        let now = self.rt.now();
        self.rec.event(Some(lane), "set", Some(self.name.clone()), now);
        self.rec.event(None, "event_set", Some(self.name.clone()), now);
        self.flag.set();
    }

    pub fn clear(&self) {
        self.flag.clear();
    }

    /// Returns at once if the event is set; otherwise the lane waits on it
    /// until [`set`](Self::set), then runs again.
    pub async fn wait(&self, lane: LaneId) {
        if self.is_set() {
            return;
        }
        let now = self.rt.now();
        self.rec.enter(lane, State::Waiting, Some(&self.name), now);
        self.rec.event(Some(lane), "wait", Some(self.name.clone()), now);
        let _waiting = self.waiters.wait(&self.rec, self.rt.as_ref());
        self.flag.wait().await;
        let now = self.rt.now();
        self.rec.event(Some(lane), "woken", Some(self.name.clone()), now);
        self.rec.enter(lane, State::Running, None, now);
    }
}
