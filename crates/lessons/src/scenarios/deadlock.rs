//! Async lesson: deadlock. N tasks, N locks in a ring; task i needs lock i and
//! lock i+1 (mod N), holding the first while it works, then taking the second.
//! In `opposite` order (each takes "its" lock first) every task ends up holding
//! one lock and waiting for the next: a cycle in the wait-for graph, and
//! nothing can ever move. In `ordered` order every task takes the lower-named
//! lock first, so no cycle can form and every task completes.
//!
//! The playground does not hang: the locks share a [`WaitForGraph`], which sees
//! the wait that closes the cycle, records a `deadlock` event naming it, and the
//! run ends there with the stuck tasks cancelled (on the browser's event loop
//! as on the virtual clock).

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{work, TracedLock, WaitForGraph};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::gather;
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome};
use crate::engine::RunError;
use futures::future::{select, Either, LocalBoxFuture};
use std::cell::Cell;
use std::rc::Rc;

pub const ORDERINGS: &[&str] = &["opposite", "ordered"];

pub static SCENARIO: Scenario = Scenario {
    id: "deadlock",
    params: &[ParamSpec::choice("ordering", ORDERINGS, "opposite"), ParamSpec::int("n", 2, 8, 2), ParamSpec::int("ms", 1, 5_000, 100)],
    cpython: &[("ordering", "ordered"), ("n", "3"), ("ms", "80")],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// The two locks task `i` of `n` needs, in the order it takes them.
pub fn lock_order(i: usize, n: usize, ordered: bool) -> (usize, usize) {
    let (a, b) = (i, (i + 1) % n);
    if ordered {
        (a.min(b), a.max(b))
    } else {
        (a, b)
    }
}

/// `lock A`, `lock B`, … (n ≤ 8).
pub fn lock_name(i: usize) -> String {
    format!("lock {}", char::from(b'A' + (i % 26) as u8))
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let n = p.int("n").clamp(2, 26) as usize;
        let ms = p.int("ms") as f64;
        let ordered = p.choice("ordering") == "ordered";
        let graph = WaitForGraph::new(rec.clone(), rt.clone());
        let locks: Vec<Rc<TracedLock>> = (0..n).map(|i| TracedLock::new(&lock_name(i), &graph, None)).collect();
        let lanes: Vec<LaneId> = (0..n).map(|i| rec.lane(format!("task {i}"), LaneKind::Task)).collect();
        let done = Rc::new(Cell::new(0usize));
        let tasks = lanes.iter().enumerate().map(|(i, &lane)| {
            let (rt, rec, done) = (rt.clone(), rec.clone(), done.clone());
            let (first, second) = lock_order(i, n, ordered);
            let (first, second) = (locks[first].clone(), locks[second].clone());
            async move {
                let req = |k: u32| SimRequest { id: 2 * i as u32 + k, latency_ms: ms, status: 200 };
                let g1 = first.acquire(lane).await;
                let mut ok = work(rt.as_ref(), &rec, lane, req(0), format!("holding {}", first.name())).await;
                let g2 = second.acquire(lane).await;
                ok &= work(rt.as_ref(), &rec, lane, req(1), format!("holding {} and {}", first.name(), second.name())).await;
                drop(g2);
                drop(g1);
                rec.finish_lane(lane, if ok { Outcome::Done } else { Outcome::Failed }, rt.now());
                if ok {
                    done.set(done.get() + 1);
                }
            }
        });
        // One task each (`create_task`), so woken tasks resume in wake order.
        let all = Box::pin(gather(rt.as_ref(), tasks.collect::<Vec<_>>()));
        let watch = graph.clone();
        let deadlock = Box::pin(async move { watch.deadlock().await });
        let detected = match select(all, deadlock).await {
            Either::Left(_) => false,
            Either::Right((_, stuck)) => {
                // Dropping the tasks cancels them: their `async with` blocks release the locks.
                drop(stuck);
                let now = rt.now();
                let finished = trace_outcomes(&rec, &lanes);
                for (&lane, fin) in lanes.iter().zip(finished) {
                    if !fin {
                        rec.event(Some(lane), "cancelled", Some("deadlock".into()), now);
                        rec.finish_lane(lane, Outcome::Cancelled, now);
                    }
                }
                true
            }
        };
        rec.result("deadlock_detected", if detected { 1.0 } else { 0.0 });
        rec.result("tasks_done", done.get() as f64);
        Ok(())
    })
}

/// Which lanes have an outcome already.
fn trace_outcomes(rec: &Recorder, lanes: &[LaneId]) -> Vec<bool> {
    lanes.iter().map(|&l| rec.lane_outcome(l).is_some()).collect()
}
