//! Speedup chart layout: measured speedup per thread count, the ideal line
//! (speedup = threads) and axes, in a fixed-size SVG box.

use crate::engine::metrics::SpeedupPoint;

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
    }
}
