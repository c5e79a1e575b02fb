//! The numbers a run shows, computed from its [`Trace`] by pure functions so the
//! page, the tests and the benchmarks all agree on them.

use super::trace::{Outcome, State, SweepPoint, Trace};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Summary {
    pub makespan_ms: f64,
    pub lanes: usize,
    pub done: usize,
    pub failed: usize,
    pub cancelled: usize,
    /// Completed lanes per second of makespan.
    pub throughput_per_s: f64,
    /// Most spans in [`State::Io`] at one instant (requests in flight).
    pub max_in_flight: usize,
    /// Percentiles of I/O span durations (request latency), if any.
    pub latency: Option<Percentiles>,
    /// Speedup and efficiency per thread count, if the run swept threads.
    pub speedup: Vec<SpeedupPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percentiles {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SpeedupPoint {
    pub threads: u32,
    pub ms: f64,
    /// t(1 thread) / t(threads).
    pub speedup: f64,
    /// speedup / threads.
    pub efficiency: f64,
}

pub fn summarize(trace: &Trace) -> Summary {
    let count = |o: Outcome| trace.lanes.iter().filter(|l| l.outcome == Some(o)).count();
    let done = count(Outcome::Done);
    let makespan = trace.meta.makespan_ms;
    let io: Vec<f64> = trace.spans.iter().filter(|s| s.state == State::Io).map(|s| s.duration_ms()).collect();
    Summary {
        makespan_ms: makespan,
        lanes: trace.lanes.len(),
        done,
        failed: count(Outcome::Failed),
        cancelled: count(Outcome::Cancelled),
        throughput_per_s: if makespan > 0.0 { done as f64 * 1000.0 / makespan } else { 0.0 },
        max_in_flight: max_overlap(trace, State::Io),
        latency: percentiles(&io),
        speedup: speedup(&trace.meta.sweep),
    }
}

/// Most spans of `state` overlapping at one instant. A span ending at t and one
/// starting at t do not overlap (ends are processed first).
pub fn max_overlap(trace: &Trace, state: State) -> usize {
    let mut edges: Vec<(f64, i32)> = Vec::new();
    for s in trace.spans.iter().filter(|s| s.state == state && s.end_ms > s.start_ms) {
        edges.push((s.start_ms, 1));
        edges.push((s.end_ms, -1));
    }
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut cur, mut best) = (0i32, 0i32);
    for (_, d) in edges {
        cur += d;
        best = best.max(cur);
    }
    best as usize
}

/// Nearest-rank percentiles (the value below which p% of samples fall).
pub fn percentiles(values: &[f64]) -> Option<Percentiles> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = |p: f64| {
        let r = ((p / 100.0) * v.len() as f64).ceil() as usize;
        v[r.clamp(1, v.len()) - 1]
    };
    Some(Percentiles { p50: rank(50.0), p95: rank(95.0), p99: rank(99.0), max: v[v.len() - 1] })
}

/// Speedup and efficiency relative to the 1-thread point (best of repeats).
pub fn speedup(sweep: &[SweepPoint]) -> Vec<SpeedupPoint> {
    let mut threads: Vec<u32> = sweep.iter().map(|p| p.threads).collect();
    threads.sort_unstable();
    threads.dedup();
    let best = |t: u32| sweep.iter().filter(|p| p.threads == t).map(|p| p.ms).fold(f64::INFINITY, f64::min);
    let Some(base) = threads.first().filter(|&&t| t == 1).map(|_| best(1)) else { return Vec::new() };
    threads
        .into_iter()
        .map(|t| {
            let ms = best(t);
            let s = if ms > 0.0 { base / ms } else { 0.0 };
            SpeedupPoint { threads: t, ms, speedup: s, efficiency: s / t as f64 }
        })
        .collect()
}
