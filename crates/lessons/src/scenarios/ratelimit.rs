//! Async lesson: rate limiting. N requests arrive evenly spaced and must pass
//! a token bucket (rate r/s, burst b) or a sliding window (at most M per W ms)
//! before going out. When the limiter has no room a request either waits its
//! turn (delay) or is turned away (reject, like HTTP 429). The tokens or
//! window-count track shows the limiter's level; the numbers compare the rate
//! achieved with the rate configured.

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{request, Admission, Limiter, Overflow, Rule};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::gather;
use crate::engine::runtime::Runtime;
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "ratelimit",
    params: &[
        ParamSpec::int("n", 1, 2_000, 30),
        ParamSpec::choice("limiter", &["token_bucket", "sliding_window"], "token_bucket"),
        ParamSpec::choice("overflow", &["delay", "reject"], "delay"),
        ParamSpec::int("rate", 1, 1_000, 10),
        ParamSpec::int("burst", 1, 1_000, 5),
        ParamSpec::int("limit", 1, 1_000, 5),
        ParamSpec::int("window", 10, 60_000, 500),
        ParamSpec::int("arrive", 1, 10_000, 25),
        ParamSpec::int("ms", 1, 10_000, 100),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[
        ("n", "12"),
        ("limiter", "token_bucket"),
        ("overflow", "delay"),
        ("rate", "40"),
        ("burst", "3"),
        ("arrive", "100"),
        ("ms", "40"),
        ("seed", "4"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// The limiter's rule from the parameters.
pub fn rule(p: &Params) -> Rule {
    match p.choice("limiter") {
        "sliding_window" => Rule::SlidingWindow { max: p.int("limit") as usize, window_ms: p.int("window") as f64 },
        _ => Rule::TokenBucket { rate: p.int("rate") as f64, burst: p.int("burst") as f64 },
    }
}

/// When request `i` arrives (ms): evenly spaced at the arrival rate.
pub fn arrival_ms(p: &Params, i: u32) -> f64 {
    i as f64 * 1000.0 / p.int("arrive").max(1) as f64
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let name = match p.choice("limiter") {
            "sliding_window" => "sliding window",
            _ => "token bucket",
        };
        let limiter = Limiter::new(name, rule(&p), rec.clone(), rt.clone());
        let overflow = if p.choice("overflow") == "reject" { Overflow::Reject } else { Overflow::Delay };
        // Same seeded latencies as the other request lessons (and simnet.plan).
        let mut raw = p.to_strings();
        raw.insert("latency".into(), "uniform".into());
        raw.insert("fail".into(), "0".into());
        let plan = super::crawler::SCENARIO
            .validate(&raw)
            .map(|cp| super::crawler::plan(&cp))
            .map_err(|e| RunError::Workload(format!("request plan: {e:?}")))?;
        let admissions: Rc<RefCell<Vec<(f64, Admission)>>> = Rc::default();
        let tasks = plan.into_iter().map(|req| {
            let (rt, rec, limiter, admissions) = (rt.clone(), rec.clone(), limiter.clone(), admissions.clone());
            let lane = rec.lane(format!("request {}", req.id), LaneKind::Task);
            let arrive = arrival_ms(&p, req.id);
            async move {
                rt.sleep(arrive).await;
                let a = limiter.acquire(lane, overflow).await;
                admissions.borrow_mut().push((rt.now(), a));
                if a == Admission::Rejected {
                    // A mark at the arrival (drawn 1 px wide): turned away at once.
                    rec.enter_labelled(lane, State::Failed, Some(limiter.name()), "rejected (429)".into(), rt.now());
                    rec.finish_lane(lane, Outcome::Failed, rt.now());
                } else {
                    request(rt.as_ref(), &rec, lane, req).await;
                }
            }
        });
        gather(rt.as_ref(), tasks.collect::<Vec<_>>()).await;

        let adm = admissions.borrow();
        let count = |f: fn(&Admission) -> bool| adm.iter().filter(|(_, a)| f(a)).count() as f64;
        rec.result("admitted", count(|a| *a == Admission::Admitted));
        rec.result("delayed", count(|a| matches!(a, Admission::Delayed(_))));
        rec.result("rejected", count(|a| *a == Admission::Rejected));
        rec.result("configured_rate", limiter.rule().rate_per_s());
        let last_arrival = arrival_ms(&p, (p.int("n") - 1).max(0) as u32);
        rec.result("achieved_rate", achieved_rate(adm.iter().filter(|(_, a)| *a != Admission::Rejected).map(|(t, _)| *t), last_arrival));
        Ok(())
    })
}

/// Admissions per second from the first admission to the end of demand (the
/// last admission, or the last arrival if that came later: a limiter that
/// turns requests away is still limiting until they stop coming). With a
/// burst the first few pass together, so this sits a little above the
/// configured rate for short runs and approaches it for long ones. 0 when
/// fewer than two passed or no time went by.
pub fn achieved_rate(times: impl Iterator<Item = f64>, last_arrival: f64) -> f64 {
    let (mut n, mut first, mut last) = (0usize, f64::INFINITY, f64::NEG_INFINITY);
    for t in times {
        n += 1;
        first = first.min(t);
        last = last.max(t);
    }
    let span = last.max(last_arrival) - first;
    if n < 2 || span <= 0.0 {
        0.0
    } else {
        (n - 1) as f64 * 1000.0 / span
    }
}
