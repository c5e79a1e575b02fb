//! Retry with capped exponential backoff and full jitter ("Exponential Backoff
//! and Jitter", AWS Architecture Blog 2015): before retry number `a` (0-based)
//! the caller sleeps `u · min(cap, base · 2^a)` with `u` uniform in [0, 1).
//! Backoff shows on the lane as [`State::Sleeping`] with a `backoff` event.
//!
//! Written by hand: the lesson *is* the formula, and its jitter must come from
//! the seeded SplitMix64 (engine/latency.rs) so the Python listing, which uses
//! the same generator, sleeps exactly the same delays. Crates like `backoff`
//! or `tokio-retry` bring their own clocks and random sources.

use crate::latency::SplitMix64;
use crate::recorder::{LaneId, Recorder};
use crate::runtime::Runtime;
use crate::trace::State;
use std::future::Future;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backoff {
    pub base_ms: f64,
    pub cap_ms: f64,
}

impl Backoff {
    /// The jitter-free ceiling before retry `attempt` (0-based): min(cap, base·2^attempt).
    pub fn ceiling(&self, attempt: u32) -> f64 {
        (self.base_ms * 2f64.powi(attempt.min(60) as i32)).min(self.cap_ms)
    }
    /// Full jitter: `u · ceiling`, rounded to 0.1 ms like the request latencies.
    pub fn delay(&self, attempt: u32, u: f64) -> f64 {
        (u * self.ceiling(attempt) * 10.0).round() / 10.0
    }
}

/// `per_call` jitter draws for each of `calls` calls, call-major, from
/// SplitMix64(`seed`): the Python listing draws them in the same order.
pub fn jitter_table(seed: u64, calls: usize, per_call: usize) -> Vec<Vec<f64>> {
    let mut rng = SplitMix64::new(seed);
    (0..calls).map(|_| (0..per_call).map(|_| rng.next_f64()).collect()).collect()
}

/// What one attempt says about trying again.
#[derive(Debug, Clone, PartialEq)]
pub enum Attempt<E> {
    /// A transient failure: back off and retry (if attempts remain).
    Retry(E),
    /// Don't retry (e.g. the circuit breaker rejected the call).
    GiveUp(E),
}

/// Calls `attempt(a)` for a = 0, 1, … up to `max_attempts` times, sleeping
/// `backoff.delay(a, jitter[a])` between attempts. Returns the first success
/// or the last error. Events on `lane`: `backoff` (detail: delay ms) and `retry`
/// (detail: the attempt number about to start).
pub async fn retry<T, E, F, Fut>(
    rt: &dyn Runtime,
    rec: &Recorder,
    lane: LaneId,
    max_attempts: u32,
    backoff: Backoff,
    jitter: &[f64],
    mut attempt: F,
) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, Attempt<E>>>,
{
    let mut a = 0u32;
    loop {
        match attempt(a).await {
            Ok(v) => return Ok(v),
            Err(Attempt::GiveUp(e)) => return Err(e),
            Err(Attempt::Retry(e)) if a + 1 >= max_attempts.max(1) => return Err(e),
            Err(Attempt::Retry(_)) => {
                let u = jitter.get(a as usize).copied().unwrap_or(0.0);
                let delay = backoff.delay(a, u);
                let now = rt.now();
                rec.event(Some(lane), "backoff", Some(format!("{delay}")), now);
                rec.enter(lane, State::Sleeping, Some("backoff"), now);
                rt.sleep(delay).await;
                a += 1;
                rec.event(Some(lane), "retry", Some(a.to_string()), rt.now());
            }
        }
    }
}
