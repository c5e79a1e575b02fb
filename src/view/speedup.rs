//! Speedup chart layout: measured speedup per thread count, the ideal line
//! (speedup = threads) and axes, in a fixed-size SVG box; with repeated runs
//! ([`layout_stats`]) also each point's spread and the fitted Amdahl curve.

use crate::engine::metrics::{amdahl, SpeedupPoint, SweepStats};

#[derive(Debug, Clone, PartialEq)]
pub struct SpeedupLayout {
    pub w: f64,
    pub h: f64,
    /// Plot area margins: left, bottom.
    pub ml: f64,
    pub mb: f64,
    pub points: Vec<PlotPoint>,
    /// (x1, y1, x2, y2) of the ideal line.
    pub ideal: (f64, f64, f64, f64),
    pub x_ticks: Vec<(f64, u32)>,
    pub y_ticks: Vec<(f64, f64)>,
    /// (x, y of the slowest run's speedup, y of the fastest's) per thread count
    /// measured more than once.
    pub whiskers: Vec<(f64, f64, f64)>,
    /// The Amdahl curve for the fitted serial fraction, as polyline points.
    pub amdahl: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotPoint {
    pub x: f64,
    pub y: f64,
    pub p: SpeedupPoint,
}

pub fn layout(points: &[SpeedupPoint], w: f64, h: f64) -> SpeedupLayout {
    let (ml, mb, mt, mr) = (40.0, 30.0, 12.0, 48.0);
    let max_t = points.iter().map(|p| p.threads).max().unwrap_or(1).max(2) as f64;
    // Headroom above the highest point leaves room for its label.
    let max_s = (points.iter().map(|p| p.speedup).fold(max_t, f64::max) * 1.15).ceil();
    let px = |t: f64| ml + (t - 1.0) / (max_t - 1.0) * (w - ml - mr);
    let py = |s: f64| h - mb - s / max_s * (h - mb - mt);
    SpeedupLayout {
        w,
        h,
        ml,
        mb,
        points: points.iter().map(|p| PlotPoint { x: px(p.threads as f64), y: py(p.speedup), p: *p }).collect(),
        ideal: (px(1.0), py(1.0), px(max_t), py(max_t)),
        x_ticks: (1..=max_t as u32).map(|t| (px(t as f64), t)).collect(),
        y_ticks: super::axis::ticks(0.0, max_s, 4).into_iter().map(|s| (py(s), s)).collect(),
        whiskers: Vec::new(),
        amdahl: Vec::new(),
    }
}

/// [`layout`] of a repeated sweep: points from each thread count's best time,
/// whiskers down to its slowest run, and the Amdahl curve S(n) = 1/(f + (1−f)/n)
/// for the fitted `f`, sampled every 0.1 thread so it draws as a curve.
pub fn layout_stats(stats: &SweepStats, w: f64, h: f64) -> SpeedupLayout {
    let points: Vec<SpeedupPoint> =
        stats.rows.iter().map(|r| SpeedupPoint { threads: r.threads, ms: r.best, speedup: r.speedup, efficiency: r.efficiency }).collect();
    let mut l = layout(&points, w, h);
    let Some(base) = stats.rows.first().map(|r| r.best) else { return l };
    // Invert the plot mapping from two known points (x: threads, y: speedup).
    let (x1, y1, x2, y2) = l.ideal;
    let max_t = stats.rows.iter().map(|r| r.threads).max().unwrap_or(1).max(2) as f64;
    let px = |t: f64| x1 + (t - 1.0) / (max_t - 1.0) * (x2 - x1);
    let py = |s: f64| y1 + (s - 1.0) / (max_t - 1.0) * (y2 - y1);
    l.whiskers =
        stats.rows.iter().filter(|r| r.n > 1 && r.worst > 0.0).map(|r| (px(r.threads as f64), py(base / r.worst), py(r.speedup))).collect();
    if let Some(f) = stats.serial_fraction {
        let steps = ((max_t - 1.0) * 10.0).round() as usize;
        l.amdahl = (0..=steps).map(|i| 1.0 + i as f64 / 10.0).map(|n| (px(n), py(amdahl(f, n)))).collect();
    }
    l
}

/// An SVG path through `points` (`M x y L x y …`), empty for none.
pub fn polyline(points: &[(f64, f64)]) -> String {
    points.iter().enumerate().map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" })).collect()
}
