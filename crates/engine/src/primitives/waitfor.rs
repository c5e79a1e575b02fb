//! Deadlock detection for traced locks: a wait-for graph (which task holds
//! which lock, which task waits for which lock). A wait that closes a cycle is
//! a deadlock; it is found *when the wait starts*, so it works on the browser's
//! event loop too, where nothing ever reports "every task is blocked".
//!
//! Written by hand: the graph is the lesson itself, and no well-kept crate
//! tracks async lock ownership (parking_lot's deadlock detector is for OS
//! threads and blocking locks). Each task waits for at most one lock, so a
//! cycle is found by following holder → wanted lock → holder from the new wait.

use super::aio::EventCore;
use crate::recorder::{LaneId, Recorder};
use crate::runtime::Runtime;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// One task in a deadlock cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleEdge {
    pub lane: LaneId,
    /// The lock it holds that the previous task in the cycle waits for.
    pub holds: String,
    /// The lock it waits for (held by the next task in the cycle).
    pub waits_for: String,
}

#[derive(Default)]
struct Graph {
    holder: BTreeMap<String, LaneId>,
    wants: BTreeMap<LaneId, String>,
}

/// Shared by every lock of a run that should take part in detection.
pub struct WaitForGraph {
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    graph: RefCell<Graph>,
    /// The first cycle found, described (`None` until then).
    found: RefCell<Option<String>>,
    /// Set when `found` is.
    found_event: EventCore,
}

impl WaitForGraph {
    pub fn new(rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        Rc::new(WaitForGraph { rec, rt, graph: RefCell::default(), found: RefCell::default(), found_event: EventCore::default() })
    }

    pub(crate) fn recorder(&self) -> &Rc<Recorder> {
        &self.rec
    }

    pub(crate) fn runtime(&self) -> &Rc<dyn Runtime> {
        &self.rt
    }

    pub(crate) fn acquired(&self, lane: LaneId, lock: &str) {
        self.graph.borrow_mut().holder.insert(lock.to_owned(), lane);
    }

    pub(crate) fn released(&self, lock: &str) {
        self.graph.borrow_mut().holder.remove(lock);
    }

    pub(crate) fn stopped_waiting(&self, lane: LaneId) {
        self.graph.borrow_mut().wants.remove(&lane);
    }

    /// `lane` starts waiting for `lock`. If that closes a cycle, records a run-wide
    /// `deadlock` event naming it and wakes [`deadlock`](Self::deadlock).
    pub(crate) fn waits(&self, lane: LaneId, lock: &str) {
        let cycle = {
            let mut g = self.graph.borrow_mut();
            g.wants.insert(lane, lock.to_owned());
            find_cycle(&g, lane)
        };
        if let Some(cycle) = cycle {
            if self.found.borrow().is_none() {
                let detail = self.describe(&cycle);
                self.rec.event(None, "deadlock", Some(detail.clone()), self.rt.now());
                *self.found.borrow_mut() = Some(detail);
                self.found_event.set();
            }
        }
    }

    /// "task 0 holds lock A, waits for lock B; task 1 holds lock B, waits for lock A"
    pub fn describe(&self, cycle: &[CycleEdge]) -> String {
        cycle
            .iter()
            .map(|e| format!("{} holds {}, waits for {}", self.rec.lane_name(e.lane), e.holds, e.waits_for))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The first cycle found, described; `None` while there is none.
    pub fn cycle(&self) -> Option<String> {
        self.found.borrow().clone()
    }

    /// Resolves (with the description) once a wait closes a cycle.
    pub async fn deadlock(&self) -> String {
        self.found_event.wait().await;
        self.found.borrow().clone().unwrap_or_default()
    }
}

/// From `start`'s new wait, follows wanted lock → its holder → that holder's
/// wanted lock …; a cycle exists when the chain comes back to `start`. The
/// result starts at the lowest lane id and follows the waits-for direction.
fn find_cycle(g: &Graph, start: LaneId) -> Option<Vec<CycleEdge>> {
    let mut path: Vec<(LaneId, String)> = Vec::new(); // (lane, lock it waits for)
    let mut lane = start;
    for _ in 0..=g.wants.len() {
        let want = g.wants.get(&lane)?;
        path.push((lane, want.clone()));
        let holder = *g.holder.get(want)?;
        if holder == start {
            let n = path.len();
            let mut edges: Vec<CycleEdge> = (0..n)
                .map(|i| CycleEdge { lane: path[i].0, holds: path[(i + n - 1) % n].1.clone(), waits_for: path[i].1.clone() })
                .collect();
            let first = edges.iter().enumerate().min_by_key(|(_, e)| e.lane).map_or(0, |(i, _)| i);
            edges.rotate_left(first);
            return Some(edges);
        }
        if path.iter().any(|(l, _)| *l == holder) {
            return None; // a cycle that does not involve `start`: already reported when it closed
        }
        lane = holder;
    }
    None
}
