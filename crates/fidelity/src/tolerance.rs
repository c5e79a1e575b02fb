//! How far a CPython run may be from the virtual clock and still agree: the
//! [`Tolerance`] (one-sided, widened by the run's measured loop slack) and the
//! bounds lateness implies for counts in flight and for ratios.

use crate::engine::trace::{State, Trace};

/// How far CPython may be from the virtual clock and still agree. The
/// default ([`Tolerance::DEFAULT`]) is what `tests/fidelity.rs` holds every
/// lesson to: one-sided, because CPython's real timers only ever fire late.
/// On real time the listing runs under `python/tools/real_run.py`, which
/// measures the run's *loop slack* ([`PyReport::loop_slack_ms`]: the time
/// CPython's loop spent late or running code, which the virtual clock counts
/// as nothing); every finish time may then be at most 1 ms early and at most
/// that slack late, and two tasks whose virtual ends are closer than the slack
/// may finish in either order. Nothing is a fixed percentage: the bound is the
/// run's own lateness, so a busy machine widens it and an idle one tightens it.
/// On virtual time (`virtual_run.py`) there is no slack and the comparison is
/// exact (`fidelity::variants::EXACT`).
///
/// A comparison with other parameters than the lesson's `cpython` ones may
/// need more room (e.g. the engine's model of a real difference); it says so
/// explicitly with a looser value, documented where it is used, instead of
/// carrying its own copy of the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    /// Relative difference accepted either way (makespan, timed results).
    pub rel: f64,
    /// Extra milliseconds CPython may be early (on top of `rel`).
    pub early_ms: f64,
    /// Extra part of the engine value CPython may be late (real timers only overshoot).
    pub late_rel: f64,
    /// Extra milliseconds CPython may be late.
    pub late_ms: f64,
    /// Tasks ending within `tie_ms + tie_fraction · t` of each other may swap.
    pub tie_ms: f64,
    pub tie_fraction: f64,
    /// Result keys left out of the comparison (the caller checks them itself).
    pub skip_results: &'static [&'static str],
    /// Why a tolerance departs from [`Tolerance::DEFAULT`] (empty for the
    /// default): FIDELITY.md prints it beside the rows held to it.
    pub why: &'static str,
}

impl Tolerance {
    pub const DEFAULT: Tolerance =
        Tolerance { rel: 0.0, early_ms: 1.0, late_rel: 0.0, late_ms: 0.0, tie_ms: 1.0, tie_fraction: 0.0, skip_results: &[], why: "" };

    /// This tolerance widened by a real-time run's measured loop slack: that
    /// much later, and near-ties that close.
    pub fn with_slack(&self, slack_ms: f64) -> Tolerance {
        Tolerance { late_ms: self.late_ms + slack_ms, tie_ms: self.tie_ms + slack_ms, ..*self }
    }

    /// Whether a CPython measurement `python` agrees with the engine's `engine`.
    pub fn timing_ok(&self, engine: f64, python: f64) -> bool {
        let e = engine.abs().max(1e-9);
        python >= engine - self.rel * e - self.early_ms && python <= engine + (self.rel + self.late_rel) * e + self.late_ms
    }

    /// Whether a ratio `python` (a count per second, a speed-up: see
    /// [`is_ratio`]) agrees with `engine` when the run lasted `span_ms`: every
    /// time it is made of may be off by up to the early and late allowances,
    /// so the ratio by up to that share of the run, either way.
    pub fn ratio_ok(&self, engine: f64, python: f64, span_ms: f64) -> bool {
        let d = self.early_ms + self.late_ms;
        let share = d / (span_ms - d).max(d).max(1e-9);
        (python - engine).abs() <= share * engine.abs() + 1e-9
    }

    pub(crate) fn tie(&self, t: f64) -> f64 {
        self.tie_ms + self.tie_fraction * t
    }
}

impl Default for Tolerance {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The fewest and the most requests (spans in [`State::Io`]) that can be in
/// flight at once when any start or end may come up to `slack_ms` late: a
/// request that ended less than `slack_ms` before another started may still
/// be in flight then, unless it ended at that very instant (on the virtual
/// clock, an end and a start at the same time are cause and effect, such as a
/// semaphore slot handed on, and stay in that order on real time too).
pub(crate) fn in_flight_range(trace: &Trace, slack_ms: f64) -> (usize, usize) {
    let io: Vec<(f64, f64)> =
        trace.spans.iter().filter(|s| s.state == State::Io && s.end_ms > s.start_ms).map(|s| (s.start_ms, s.end_ms)).collect();
    let at = |t: f64, late_start: f64, still: &dyn Fn(f64) -> bool| io.iter().filter(|&&(s, e)| s + late_start <= t && still(e)).count();
    let most = io.iter().map(|&(t, _)| at(t, 0.0, &|e| e > t || (e + slack_ms > t && e != t))).max().unwrap_or(0);
    let fewest = io.iter().map(|&(t, _)| t + slack_ms).map(|t| at(t, slack_ms, &|e| e > t)).max().unwrap_or(0);
    (fewest.min(most), most)
}

/// Results that divide by a duration or by each other: they move either way
/// when times are late.
pub(crate) fn is_ratio(key: &str) -> bool {
    ["_x", "_rate", "_per_s"].iter().any(|s| key.ends_with(s))
}

/// Whether a result key is a measurement (else a count, compared exactly).
pub(crate) fn is_measure(key: &str) -> bool {
    ["_ms", "_x", "_rate", "_per_s", "_s"].iter().any(|s| key.ends_with(s))
}
