//! Runs a [`Program`] on the virtual clock with the traced primitives and
//! returns its event log, line for line what `python/tools/diffprog.py`
//! prints for the same program on CPython.

use super::{Program, Step, HORIZON_MS};
use concurrency_playground::engine::primitives::{
    LockGuard, Order, Permit, TracedBarrier, TracedCondition, TracedEvent, TracedLock, TracedQueue, TracedSemaphore, WaitForGraph,
};
use concurrency_playground::engine::recorder::{LaneId, Recorder};
use concurrency_playground::engine::runtime::{spawn, Runtime};
use concurrency_playground::engine::trace::LaneKind;
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use futures::future::{select, Either};
use std::cell::RefCell;
use std::rc::Rc;

struct World {
    rt: Rc<dyn Runtime>,
    sems: Vec<Rc<TracedSemaphore>>,
    locks: Vec<Rc<TracedLock>>,
    events: Vec<Rc<TracedEvent>>,
    conds: Vec<Rc<TracedCondition>>,
    queues: Vec<Rc<TracedQueue<u32>>>,
    barriers: Vec<Rc<TracedBarrier>>,
    log: RefCell<Vec<String>>,
    /// The step each task is in; `None` once done.
    at: RefCell<Vec<Option<usize>>>,
}

impl World {
    fn say(&self, k: usize, what: String) {
        self.log.borrow_mut().push(format!("{:.3} T{k} {what}", self.rt.now()));
    }
}

async fn task(w: Rc<World>, k: usize, lane: LaneId, steps: Vec<Step>) {
    let mut permits: Vec<Vec<Permit>> = w.sems.iter().map(|_| Vec::new()).collect();
    let mut guards: Vec<Option<LockGuard>> = w.locks.iter().map(|_| None).collect();
    for (idx, s) in steps.into_iter().enumerate() {
        w.at.borrow_mut()[k] = Some(idx);
        let what = match s {
            Step::Sleep { ms } => {
                w.rt.sleep(ms).await;
                "slept".to_string()
            }
            Step::SemAcquire { i } => {
                permits[i].push(w.sems[i].acquire(lane).await);
                format!("acquired sem{i}")
            }
            Step::SemRelease { i } => {
                drop(permits[i].pop());
                format!("released sem{i}")
            }
            Step::LockAcquire { i } => {
                guards[i] = Some(w.locks[i].acquire(lane).await);
                format!("acquired lock{i}")
            }
            Step::LockRelease { i } => {
                drop(guards[i].take());
                format!("released lock{i}")
            }
            Step::Set { i } => {
                w.events[i].set(lane);
                format!("set ev{i}")
            }
            Step::Clear { i } => {
                w.events[i].clear();
                format!("cleared ev{i}")
            }
            Step::Wait { i } => {
                w.events[i].wait(lane).await;
                format!("waited ev{i}")
            }
            Step::CondWait { i } => {
                let g = w.conds[i].acquire(lane).await;
                let g = w.conds[i].wait(g).await;
                drop(g);
                format!("woken cond{i}")
            }
            Step::Notify { i, n } => {
                let g = w.conds[i].acquire(lane).await;
                if n == 0 {
                    w.conds[i].notify_all(&g);
                } else {
                    w.conds[i].notify(&g, n);
                }
                drop(g);
                format!("notified cond{i} n={n}")
            }
            Step::Put { i, item } => {
                let _ = w.queues[i].put(None, item, 0).await;
                format!("put q{i} {item}")
            }
            Step::Get { i } => match w.queues[i].get(None).await {
                Some(item) => format!("got q{i} {item}"),
                None => format!("got q{i} closed"),
            },
            Step::BarrierWait { i } => {
                let last = w.barriers[i].wait(lane).await;
                format!("passed bar{i}{}", if last { " last" } else { "" })
            }
        };
        w.say(k, what);
    }
    w.at.borrow_mut()[k] = None;
    w.say(k, "done".into());
}

/// The program's event log on the engine (see the module docs of `diffprog`).
pub fn run_engine(p: &Program) -> Vec<String> {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    let graph = WaitForGraph::new(rec.clone(), rt.clone());
    let w = Rc::new(World {
        sems: p.sems.iter().enumerate().map(|(i, v)| TracedSemaphore::new(&format!("sem{i}"), *v, rec.clone(), rt.clone())).collect(),
        locks: (0..p.locks).map(|i| TracedLock::new(&format!("lock{i}"), &graph, None)).collect(),
        events: (0..p.events).map(|i| TracedEvent::new(&format!("ev{i}"), "waiters", rec.clone(), rt.clone())).collect(),
        conds: (0..p.conds)
            .map(|i| {
                let lock = TracedLock::new(&format!("cond{i}.lock"), &graph, None);
                TracedCondition::new(&format!("cond{i}"), lock, "waiters", rec.clone(), rt.clone())
            })
            .collect(),
        queues: p
            .queues
            .iter()
            .enumerate()
            .map(|(i, m)| TracedQueue::new(&format!("q{i}"), *m, Order::Fifo, "depth", rec.clone(), rt.clone()))
            .collect(),
        barriers: p
            .barriers
            .iter()
            .enumerate()
            .map(|(i, n)| TracedBarrier::new(&format!("bar{i}"), *n, "arrived", rec.clone(), rt.clone()))
            .collect(),
        rt: rt.clone(),
        log: RefCell::default(),
        at: RefCell::new(vec![Some(0); p.tasks.len()]),
    });
    // Lanes only for the primitives' drawing; the log is what is compared.
    let lanes: Vec<LaneId> = (0..p.tasks.len()).map(|k| rec.lane(format!("T{k}"), LaneKind::Task)).collect();
    let (w2, tasks) = (w.clone(), p.tasks.clone());
    vrt.block_on(async move {
        let rt = w2.rt.clone();
        let handles: Vec<_> = tasks.into_iter().enumerate().map(|(k, s)| spawn(rt.as_ref(), task(w2.clone(), k, lanes[k], s))).collect();
        let all = Box::pin(async move {
            for h in handles {
                h.await;
            }
        });
        // `asyncio.wait(tasks, timeout=HORIZON)`: what is still blocked then hangs.
        if let Either::Right(((), all)) = select(all, rt.sleep(HORIZON_MS)).await {
            let at = w2.at.borrow().clone();
            for (k, a) in at.iter().enumerate() {
                if let Some(step) = a {
                    w2.log.borrow_mut().push(format!("hang T{k} step {step}"));
                }
            }
            drop(all);
        }
    });
    let log = w.log.borrow().clone();
    log
}
