//! Async lesson: N countdowns under `asyncio.gather`, each printing a line
//! and sleeping one tick per count. The waits overlap, so the run takes the
//! longest countdown, not the sum; the lines interleave in a fixed order
//! (at one instant, the tasks run in the order their timers were scheduled).

use super::extras::{Extra, Generic, Shown};
use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::{gather, Runtime};
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "countdown",
    params: &[ParamSpec::int_list("counts", 1, 20, (1, 8), "3,5,2"), ParamSpec::int("tick", 10, 5_000, 1_000)],
    cpython: &[("counts", "3,5,2"), ("tick", "50")],
    extras: &[Extra::Numbers(&[Shown::generic(Generic::Makespan), Shown::labelled(Generic::Done, "num.countdowns_done")])],
    heavy_steps: false,
    run: Run::Async(run),
};

/// The countdowns' names, in the order they are scheduled: A, B, C, …
pub fn name(i: usize) -> String {
    char::from(b'A' + i as u8).to_string()
}

/// One printed line: the round it belongs to (0 for each countdown's first
/// line), when, and its text (`A3`).
type Line = (usize, f64, String);

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let counts = p.list("counts").to_vec();
        let tick = p.int("tick") as f64;
        let printed: Rc<RefCell<Vec<Line>>> = Rc::default();
        // One task per countdown (`asyncio.gather` wraps each coroutine in a task), scheduled A, B, C, …
        let countdowns = counts.iter().enumerate().map(|(i, &n)| {
            let (rt, rec, printed) = (rt.clone(), rec.clone(), printed.clone());
            let lane = rec.lane(format!("countdown {}", name(i)), LaneKind::Task);
            async move {
                for (round, k) in (1..=n).rev().enumerate() {
                    let line = format!("{}{k}", name(i));
                    rec.event(Some(lane), "countdown_print", Some(line.clone()), rt.now());
                    printed.borrow_mut().push((round, rt.now(), line.clone()));
                    rec.enter_labelled(lane, State::Sleeping, None, line, rt.now());
                    rt.sleep(tick).await;
                }
                rec.finish_lane(lane, Outcome::Done, rt.now());
            }
        });
        gather(rt.as_ref(), countdowns.collect::<Vec<_>>()).await;

        // The printed lines as the page's marker row shows them: one marker per
        // round, at its first line, its lines in the order they were printed.
        let printed = printed.take();
        for round in 0..counts.iter().copied().max().unwrap_or(0) as usize {
            let lines: Vec<&Line> = printed.iter().filter(|l| l.0 == round).collect();
            if let Some(first) = lines.first() {
                let text: Vec<&str> = lines.iter().map(|l| l.2.as_str()).collect();
                rec.event(None, "countdown_round", Some(text.join(" ")), first.1);
            }
        }
        rec.result("lines_printed", printed.len() as f64);
        // What the same countdowns would take one after another (the sum of every wait).
        rec.result("sequential_ms", counts.iter().sum::<i64>() as f64 * tick);
        Ok(())
    })
}
