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
    /// Per-thread statistics, best pool size and Amdahl fit of the sweep.
    pub stats: SweepStats,
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
        stats: sweep_stats(&trace.meta.sweep),
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

/// Statistics of one thread count over the repetitions of a sweep.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ThreadStats {
    pub threads: u32,
    /// Repetitions measured at this thread count.
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    /// Sample standard deviation (n − 1 in the denominator); 0 for one repetition.
    pub stdev: f64,
    /// Fastest repetition: the figure speedup and efficiency use.
    pub best: f64,
    /// Slowest repetition (the top of the spread whisker).
    pub worst: f64,
    /// best(1 thread) / best(threads).
    pub speedup: f64,
    /// speedup / threads.
    pub efficiency: f64,
}

/// Everything a repeated thread sweep says, per thread count and overall.
///
/// Speedup and efficiency use the **best** time of each thread count, not the
/// median: on a shared machine noise (other processes, GC, tier-up) only ever
/// adds time, so the fastest repetition is the least-disturbed estimate of
/// what the code costs. The mean, median and stdev are shown next to it so
/// the spread stays visible.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct SweepStats {
    /// One row per thread count, ascending.
    pub rows: Vec<ThreadStats>,
    /// Thread count with the lowest best time (fewer threads win a tie): the
    /// pool size to pick for this job on this machine.
    pub best_threads: Option<u32>,
    /// Amdahl serial fraction f fitted to the speedups (see [`amdahl_fit`]).
    pub serial_fraction: Option<f64>,
}

pub fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Middle value; the mean of the two middle values for an even count.
pub fn median(v: &[f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    if s.len().is_multiple_of(2) {
        (s[m - 1] + s[m]) / 2.0
    } else {
        s[m]
    }
}

/// Sample standard deviation (Bessel's n − 1); 0 below two values.
pub fn stdev(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = mean(v);
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
}

/// Amdahl's law: the speedup on `n` threads of a job whose serial fraction is `f`.
pub fn amdahl(f: f64, n: f64) -> f64 {
    1.0 / (f + (1.0 - f) / n.max(1.0))
}

/// Least-squares fit of Amdahl's serial fraction `f ∈ [0, 1]` to measured
/// `(threads, speedup)` points: minimises Σ (speedupᵢ − amdahl(f, nᵢ))².
/// The model is not linear in `f`, so this scans a grid of 1,001 values and
/// refines around the best with golden-section search (the one-parameter
/// residual is smooth; the grid keeps a second dip from fooling the search).
/// Superlinear speedups fit as `f = 0`. `None` without a point above 1 thread.
pub fn amdahl_fit(points: &[(u32, f64)]) -> Option<f64> {
    let pts: Vec<(f64, f64)> = points.iter().filter(|p| p.0 >= 2 && p.1.is_finite() && p.1 > 0.0).map(|&(n, s)| (n as f64, s)).collect();
    if pts.is_empty() {
        return None;
    }
    let sse = |f: f64| pts.iter().map(|&(n, s)| (s - amdahl(f, n)).powi(2)).sum::<f64>();
    let steps: usize = 1000;
    let best_i = (0..=steps).min_by(|&a, &b| sse(a as f64 / steps as f64).total_cmp(&sse(b as f64 / steps as f64)))?;
    let (mut lo, mut hi) = (best_i.saturating_sub(1) as f64 / steps as f64, (best_i + 1).min(steps) as f64 / steps as f64);
    let g = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..60 {
        let (a, b) = (hi - g * (hi - lo), lo + g * (hi - lo));
        if sse(a) <= sse(b) {
            hi = b;
        } else {
            lo = a;
        }
    }
    let f = (lo + hi) / 2.0;
    // The grid point itself may beat the refined one at the [0, 1] edges.
    let grid = best_i as f64 / steps as f64;
    Some(if sse(grid) < sse(f) { grid } else { f })
}

/// Per-thread-count statistics of a sweep (points in any order, any number of
/// repetitions), the best pool size and the Amdahl fit. Empty without a
/// 1-thread point (nothing to compare against).
pub fn sweep_stats(sweep: &[SweepPoint]) -> SweepStats {
    let mut threads: Vec<u32> = sweep.iter().map(|p| p.threads).collect();
    threads.sort_unstable();
    threads.dedup();
    if threads.first() != Some(&1) {
        return SweepStats::default();
    }
    let times = |t: u32| sweep.iter().filter(|p| p.threads == t).map(|p| p.ms).collect::<Vec<f64>>();
    let base = times(1).into_iter().fold(f64::INFINITY, f64::min);
    let rows: Vec<ThreadStats> = threads
        .into_iter()
        .map(|t| {
            let v = times(t);
            let best = v.iter().copied().fold(f64::INFINITY, f64::min);
            let speedup = if best > 0.0 { base / best } else { 0.0 };
            ThreadStats {
                threads: t,
                n: v.len(),
                mean: mean(&v),
                median: median(&v),
                stdev: stdev(&v),
                best,
                worst: v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                speedup,
                efficiency: speedup / t as f64,
            }
        })
        .collect();
    // Strictly lower only: a tie keeps the smaller pool.
    let best_threads = rows.iter().fold(None::<&ThreadStats>, |acc, r| match acc {
        Some(a) if a.best <= r.best => Some(a),
        _ => Some(r),
    });
    let serial_fraction = amdahl_fit(&rows.iter().map(|r| (r.threads, r.speedup)).collect::<Vec<_>>());
    SweepStats { best_threads: best_threads.map(|r| r.threads), serial_fraction, rows }
}
