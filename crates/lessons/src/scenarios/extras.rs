//! What a lesson adds to the page beyond what every lesson gets (form, clock,
//! timeline, numbers, replay, listing, and the charts its trace fills: the
//! speed-up sweep, the parameter sweep, the bars, the image). A lesson lists
//! its extras in its own file (`Scenario::extras`); the page's generic
//! components draw them, so no lesson id appears in the page's code.

use crate::engine::params::Params;

/// Where the measured point of a makespan sweep comes from, on a real clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasuredFrom {
    /// The run's makespan (first start to last end).
    Makespan,
    /// One of the run's result numbers (`meta.results[key]`), if the run was not stopped.
    Result(&'static str),
}

/// The makespan against one of the lesson's own parameters: every value
/// replayed on the virtual clock with the same work (`point`), and a real-clock
/// run's measured point beside its simulated twin.
#[derive(Debug, Clone, Copy)]
pub struct MakespanSweep {
    /// The swept parameter (its label is the lesson's `<id>.<param>` text).
    pub param: &'static str,
    /// The values swept, in order; none where too large to replay.
    pub values: fn(&Params) -> Vec<i64>,
    /// The simulated makespan (ms) at one value, if it runs. Each is a whole
    /// run on the virtual clock: the page makes one per turn of its thread.
    pub point: fn(&Params, i64) -> Option<f64>,
    pub measured: MeasuredFrom,
    /// Texts: the chart's title, its note and the x axis's label (keys of the text table).
    pub title: &'static str,
    pub note: &'static str,
    pub axis: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub enum Extra {
    /// After a run, a link to this model of the interleavings lesson: the same race, stepped.
    InterleaveLink(&'static str),
    /// CPython's own schedule of the run (threads holding the GIL against processes).
    PythonView,
    /// The bars pick the run the timeline shows (their `job` and `model`), and
    /// a verdict is drawn from the modelled bars.
    BarsPickRunWithVerdict,
    MakespanSweep(MakespanSweep),
    /// Which of the numbers every async run's trace gives (`Generic`) mean
    /// something for this lesson, and what each counts there; without it, all
    /// of them under their generic labels.
    Numbers(&'static [Shown]),
    /// CPython's sequential time over wasm's one-thread time for this lesson's
    /// work, from `data/cpython_costs.json` (`pymodel::measured::value`, read
    /// at compile time): what [`PythonView`](Extra::PythonView)'s estimate
    /// scales the run by. A lesson without it is estimated as if CPython were
    /// as fast as wasm.
    CpythonSlowdown(f64),
}

/// A number the page reads off any async run's trace (`engine::metrics::Summary`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generic {
    /// First start to last end of the whole run.
    Makespan,
    /// Lanes finished per second of makespan.
    Throughput,
    /// Most I/O spans at one instant.
    MaxInFlight,
    /// Lanes that ended done.
    Done,
    /// Lanes that ended failed.
    Failed,
    /// p50, p95 and p99 of the I/O spans' durations.
    Latency,
}

/// A generic number a lesson shows, under its own label (a key of the text
/// table) where the generic one would not say what it counts there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub number: Generic,
    pub label: Option<&'static str>,
}

impl Shown {
    pub const fn generic(number: Generic) -> Shown {
        Shown { number, label: None }
    }
    pub const fn labelled(number: Generic, label: &'static str) -> Shown {
        Shown { number, label: Some(label) }
    }
}

/// Every generic number under its generic label: what a lesson shows unless it says otherwise.
pub const ALL_GENERIC: &[Shown] = &[
    Shown::generic(Generic::Makespan),
    Shown::generic(Generic::Throughput),
    Shown::generic(Generic::MaxInFlight),
    Shown::generic(Generic::Done),
    Shown::generic(Generic::Failed),
    Shown::generic(Generic::Latency),
];

/// The generic numbers the lesson shows, in its order.
pub fn numbers(extras: &[Extra]) -> &'static [Shown] {
    extras.iter().find_map(|e| if let Extra::Numbers(n) = e { Some(*n) } else { None }).unwrap_or(ALL_GENERIC)
}

/// The lesson's extras of one shape.
pub fn interleave_link(extras: &[Extra]) -> Option<&'static str> {
    extras.iter().find_map(|e| if let Extra::InterleaveLink(m) = e { Some(*m) } else { None })
}

impl MakespanSweep {
    /// (value, simulated makespan ms) at `value`, if it runs.
    pub fn point_at(&self, p: &Params, value: i64) -> Option<(u32, f64)> {
        (self.point)(p, value).map(|ms| (value as u32, ms))
    }

    /// Every point, sorted by value.
    pub fn points(&self, p: &Params) -> Vec<(u32, f64)> {
        (self.values)(p).into_iter().filter_map(|v| self.point_at(p, v)).collect()
    }
}

pub fn makespan_sweep(extras: &[Extra]) -> Option<MakespanSweep> {
    extras.iter().find_map(|e| if let Extra::MakespanSweep(s) = e { Some(*s) } else { None })
}

pub fn cpython_slowdown(extras: &[Extra]) -> Option<f64> {
    extras.iter().find_map(|e| if let Extra::CpythonSlowdown(x) = e { Some(*x) } else { None })
}

/// Does the lesson list an extra of `want`'s kind?
pub fn has(extras: &[Extra], want: Extra) -> bool {
    extras.iter().any(|e| std::mem::discriminant(e) == std::mem::discriminant(&want))
}
