//! Async lesson: resilience patterns under injected failures and latency.
//! Calls arrive every `interval` ms; each attempt is bounded by a timeout,
//! failed attempts are retried with capped exponential backoff and full
//! jitter, and a circuit breaker shared by all calls opens after `threshold`
//! consecutive failures, rejecting calls at once until `open_ms` has passed,
//! then lets one trial call through (half-open).

use super::{Run, Scenario};
use crate::engine::latency::LatencyModel;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{jitter_table, retry, timeout, Attempt, Backoff, CircuitBreaker, Rejected};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::gather;
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "resilience",
    params: &[
        ParamSpec::int("n", 1, 500, 20),
        ParamSpec::int("interval", 0, 10_000, 60),
        ParamSpec::choice("latency", LatencyModel::NAMES, "longtail"),
        ParamSpec::int("ms", 1, 10_000, 100),
        ParamSpec::int("fail", 0, 100, 25),
        ParamSpec::int("timeout", 1, 60_000, 200),
        ParamSpec::int("attempts", 1, 10, 3),
        ParamSpec::int("base", 0, 10_000, 50),
        ParamSpec::int("cap", 0, 60_000, 400),
        ParamSpec::int("threshold", 1, 100, 4),
        ParamSpec::int("open_ms", 0, 60_000, 300),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[
        ("n", "8"),
        ("interval", "60"),
        ("latency", "uniform"),
        ("ms", "90"),
        ("fail", "40"),
        ("timeout", "113"),
        ("attempts", "3"),
        ("base", "30"),
        ("cap", "120"),
        ("threshold", "2"),
        ("open_ms", "150"),
        // Chosen so no two decisions are near-ties in real time (see the test
        // `cpython_params_have_no_near_ties`).
        ("seed", "1664"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

/// Every attempt's request, drawn up front: call `i`, attempt `a` is
/// `plan[i · attempts + a]` (the Python listing draws the same plan).
pub fn plan(p: &Params) -> Vec<SimRequest> {
    let mut raw = p.to_strings();
    raw.insert("n".into(), (p.int("n") * p.int("attempts")).to_string());
    match super::crawler::SCENARIO.validate(&raw) {
        Ok(cp) => super::crawler::plan(&cp),
        // n·attempts ≤ 5,000 ≤ the crawler's bound, so this cannot happen.
        Err(_) => Vec::new(),
    }
}

/// Full-jitter draws per call, from the seed + 1 (so they differ from the latencies).
pub fn jitter(p: &Params) -> Vec<Vec<f64>> {
    jitter_table((p.int("seed") as u64).wrapping_add(1), p.int("n") as usize, p.int("attempts") as usize)
}

#[derive(Default)]
struct Counts {
    attempts: Cell<u32>,
    successes: Cell<u32>,
    timeouts: Cell<u32>,
}

fn bump(c: &Cell<u32>) {
    c.set(c.get() + 1);
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let (n, attempts) = (p.int("n") as usize, p.int("attempts") as u32);
        let plan = Rc::new(plan(&p));
        let jitter = jitter(&p);
        let backoff = Backoff { base_ms: p.int("base") as f64, cap_ms: p.int("cap") as f64 };
        let (interval, limit) = (p.int("interval") as f64, p.int("timeout") as f64);
        let breaker = CircuitBreaker::new(p.int("threshold") as u32, p.int("open_ms") as f64, rec.clone(), rt.clone());
        let counts = Rc::new(Counts::default());
        let calls = jitter.into_iter().enumerate().take(n).map(|(i, jit)| {
            let lane = rec.lane(format!("call {i}"), LaneKind::Task);
            let (rt, rec, breaker, counts, plan) = (rt.clone(), rec.clone(), breaker.clone(), counts.clone(), plan.clone());
            async move {
                rt.sleep(i as f64 * interval).await;
                rec.enter(lane, State::Running, None, rt.now());
                let attempt = |a: u32| {
                    let (rt, rec, breaker, counts) = (rt.clone(), rec.clone(), breaker.clone(), counts.clone());
                    let req = plan.get(i * attempts as usize + a as usize).cloned();
                    async move {
                        let ticket = breaker.admit(lane).map_err(|Rejected| Attempt::GiveUp("rejected"))?;
                        let req = req.ok_or(Attempt::GiveUp("no plan"))?;
                        bump(&counts.attempts);
                        rec.enter(lane, State::Io, Some(rt.endpoint_label()), rt.now());
                        let ok = match timeout(rt.as_ref(), &rec, lane, limit, rt.fetch(req)).await {
                            Ok(Ok(r)) if r.status < 400 => true,
                            Ok(Ok(r)) => {
                                rec.event(Some(lane), "http_error", Some(r.status.to_string()), rt.now());
                                false
                            }
                            Ok(Err(e)) => {
                                rec.event(Some(lane), "fetch_error", Some(e.to_string()), rt.now());
                                false
                            }
                            Err(_) => {
                                bump(&counts.timeouts);
                                false
                            }
                        };
                        breaker.record(ticket, ok, lane);
                        if ok {
                            Ok(())
                        } else {
                            Err(Attempt::Retry("failed"))
                        }
                    }
                };
                let result = retry(rt.as_ref(), &rec, lane, attempts, backoff, &jit, attempt).await;
                let outcome = if result.is_ok() { Outcome::Done } else { Outcome::Failed };
                if result.is_ok() {
                    bump(&counts.successes);
                }
                rec.finish_lane(lane, outcome, rt.now());
            }
        });
        gather(rt.as_ref(), calls.collect::<Vec<_>>()).await;
        rec.result("attempts", counts.attempts.get() as f64);
        rec.result("successes", counts.successes.get() as f64);
        rec.result("timeouts", counts.timeouts.get() as f64);
        rec.result("rejected_by_breaker", breaker.rejected() as f64);
        rec.result("breaker_opens", breaker.opens() as f64);
        Ok(())
    })
}
