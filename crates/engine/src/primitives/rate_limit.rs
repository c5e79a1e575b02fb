//! Rate limiters that draw themselves: a token bucket (rate r/s, burst b) and a
//! sliding-window log (at most M admissions in any window of W ms). A caller
//! either waits for its turn ([`Overflow::Delay`]: the lane shows "waiting on
//! <name>") or is turned away at once ([`Overflow::Reject`], like an HTTP 429).
//! Tracks: `tokens` (bucket level) and `window_count` (admissions in the window).
//!
//! Written by hand because the limiter is the lesson, and because the well-kept
//! crates (`governor`, `leaky-bucket`) read the system clock (`quanta`,
//! `tokio::time`) instead of [`Runtime::now`]/[`Runtime::sleep`]: here time comes
//! only from the runtime, so on the virtual clock every admission is exact.
//! Waiters take turns through an `asyncio.Lock` ([`LockCore`], CPython
//! 3.11's rules, as in the Python listing), so delayed callers are admitted in
//! arrival order.

use super::aio::LockCore;
use crate::recorder::{LaneId, Recorder, TrackId};
use crate::runtime::Runtime;
use crate::trace::State;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Slack for float round-off between computed wake-up times and the clock.
const EPS: f64 = 1e-6;

/// What a caller does when the limiter has no room right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Wait until the limiter admits it.
    Delay,
    /// Give up at once.
    Reject,
}

/// How one call went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Admission {
    /// Admitted at once.
    Admitted,
    /// Admitted after waiting this long (ms).
    Delayed(f64),
    /// Turned away.
    Rejected,
}

/// The rule a [`Limiter`] applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Refills `rate` tokens per second up to `burst`; each call takes one.
    TokenBucket { rate: f64, burst: f64 },
    /// At most `max` admissions in any `window_ms`.
    SlidingWindow { max: usize, window_ms: f64 },
}

impl Rule {
    /// The long-run admissions per second the rule allows.
    pub fn rate_per_s(&self) -> f64 {
        match *self {
            Rule::TokenBucket { rate, .. } => rate,
            Rule::SlidingWindow { max, window_ms } => max as f64 * 1000.0 / window_ms.max(EPS),
        }
    }
}

pub struct Limiter {
    name: String,
    rule: Rule,
    /// Token bucket: level and when it was last refilled.
    tokens: Cell<f64>,
    refilled_at: Cell<f64>,
    /// Sliding window: admission times still inside the window, oldest first.
    log: RefCell<VecDeque<f64>>,
    turn: LockCore,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    track: TrackId,
}

impl Limiter {
    /// A full bucket, or an empty window. Rates and sizes are clamped to ≥ 1
    /// (parameters are bounded before they get here).
    pub fn new(name: &str, rule: Rule, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Rc<Self> {
        let rule = match rule {
            Rule::TokenBucket { rate, burst } => Rule::TokenBucket { rate: rate.max(EPS), burst: burst.max(1.0) },
            Rule::SlidingWindow { max, window_ms } => Rule::SlidingWindow { max: max.max(1), window_ms: window_ms.max(EPS) },
        };
        let (track, tokens) = match rule {
            Rule::TokenBucket { burst, .. } => (rec.track("tokens"), burst),
            Rule::SlidingWindow { .. } => (rec.track("window_count"), 0.0),
        };
        rec.sample(track, tokens, rt.now());
        Rc::new(Limiter {
            name: name.to_owned(),
            rule,
            tokens: Cell::new(tokens),
            refilled_at: Cell::new(rt.now()),
            log: RefCell::new(VecDeque::new()),
            turn: LockCore::default(),
            rec,
            rt,
            track,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// How long until a call could be admitted (0 = now). Updates the level.
    fn wait_needed(&self) -> f64 {
        let now = self.rt.now();
        match self.rule {
            Rule::TokenBucket { rate, burst } => {
                let level = (self.tokens.get() + (now - self.refilled_at.get()) * rate / 1000.0).min(burst);
                self.tokens.set(level);
                self.refilled_at.set(now);
                self.rec.sample(self.track, level, now);
                if level >= 1.0 - EPS {
                    0.0
                } else {
                    (1.0 - level) * 1000.0 / rate
                }
            }
            Rule::SlidingWindow { max, window_ms } => {
                let mut log = self.log.borrow_mut();
                while log.front().is_some_and(|t| *t <= now - window_ms + EPS) {
                    log.pop_front();
                }
                match log.front() {
                    Some(oldest) if log.len() >= max => (oldest + window_ms - now).max(EPS),
                    _ => 0.0,
                }
            }
        }
    }

    fn take(&self) {
        let now = self.rt.now();
        let level = match self.rule {
            Rule::TokenBucket { .. } => {
                self.tokens.set((self.tokens.get() - 1.0).max(0.0));
                self.tokens.get()
            }
            Rule::SlidingWindow { .. } => {
                let mut log = self.log.borrow_mut();
                log.push_back(now);
                log.len() as f64
            }
        };
        self.rec.sample(self.track, level, now);
    }

    /// Asks to pass on behalf of `lane` (the listing's `Limiter.acquire`).
    pub async fn acquire(&self, lane: LaneId, overflow: Overflow) -> Admission {
        let start = self.rt.now();
        if overflow == Overflow::Reject {
            // Rejecting callers never queue, so they never hold the turn.
            let free = !self.turn.locked() && self.wait_needed() == 0.0;
            return if free {
                self.take();
                self.rec.event(Some(lane), "admitted", Some(self.name.clone()), start);
                Admission::Admitted
            } else {
                self.rec.event(Some(lane), "rejected", Some(self.name.clone()), start);
                Admission::Rejected
            };
        }
        // `waited = self.turn.locked()`, then `async with self.turn:`.
        let mut waited = self.turn.locked();
        if waited {
            self.rec.enter(lane, State::Waiting, Some(&self.name), start);
        }
        let _turn = self.turn.acquire_held().await;
        loop {
            let wait = self.wait_needed();
            if wait <= 0.0 {
                break;
            }
            if !waited {
                waited = true;
                self.rec.enter(lane, State::Waiting, Some(&self.name), self.rt.now());
            }
            self.rt.sleep(wait).await;
        }
        self.take();
        let now = self.rt.now();
        self.rec.event(Some(lane), "admitted", Some(self.name.clone()), now);
        if waited {
            Admission::Delayed(now - start)
        } else {
            Admission::Admitted
        }
    }
}
