//! "Makespan vs a parameter" chart layout (the crawler's K, the thread pool's
//! threads): the value on a log scale (1, 2, 5, 10, …), makespan
//! in ms, the run's value highlighted, and its measured makespan beside it.

use super::axis::ticks;

#[derive(Debug, Clone, PartialEq)]
pub struct SweepLayout {
    pub w: f64,
    pub h: f64,
    pub ml: f64,
    pub mb: f64,
    /// (x, y, k, makespan ms) per simulated point.
    pub points: Vec<(f64, f64, u32, f64)>,
    /// (x, y) of the measured run, at its K.
    pub measured: Option<(f64, f64)>,
    pub x_ticks: Vec<(f64, u32)>,
    pub y_ticks: Vec<(f64, f64)>,
}

/// `points` are (K, makespan) sorted by K; `measured` is (K, makespan) of the real run.
pub fn layout(points: &[(u32, f64)], measured: Option<(u32, f64)>, w: f64, h: f64) -> SweepLayout {
    let (ml, mb, mt, mr) = (56.0, 30.0, 14.0, 20.0);
    let k_max = points.iter().map(|p| p.0).max().unwrap_or(1).max(2) as f64;
    let y_top = points.iter().map(|p| p.1).chain(measured.map(|m| m.1)).fold(1.0, f64::max) * 1.1;
    let px = |k: f64| ml + k.max(1.0).ln() / k_max.ln() * (w - ml - mr);
    let py = |ms: f64| h - mb - ms / y_top * (h - mb - mt);
    SweepLayout {
        w,
        h,
        ml,
        mb,
        points: points.iter().map(|&(k, ms)| (px(k as f64), py(ms), k, ms)).collect(),
        measured: measured.map(|(k, ms)| (px(k as f64), py(ms))),
        x_ticks: points.iter().map(|&(k, _)| (px(k as f64), k)).collect(),
        y_ticks: ticks(0.0, y_top, 4).into_iter().map(|v| (py(v), v)).collect(),
    }
}
